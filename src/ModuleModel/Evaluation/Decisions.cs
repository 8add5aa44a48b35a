using ConfigConvert.Diagnostics;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The choices made where the evaluator cannot know a condition (a feature test, an external command).
/// The script is run once per combination of choices: each run follows a fixed prefix of choices, and
/// every new choice point it meets queues the other way for a later run, up to
/// <paramref name="maxAlternatives"/> of them: no more runs than that are ever made, and a loop whose
/// condition is unknown meets a choice at every turn (each alternative copies the choices before it,
/// so queueing them all took time and memory quadratic in the number of turns).
/// </summary>
internal sealed class Decisions(IReadOnlyList<bool> prefix, int maxAlternatives = int.MaxValue)
{
    private readonly List<bool> _taken = [];

    /// <summary>The prefixes that lead to runs not made yet.</summary>
    public List<IReadOnlyList<bool>> Alternatives { get; } = [];

    /// <summary>What this run assumed, in order.</summary>
    public List<Assumption> Assumptions { get; } = [];

    public bool Decide(string condition, Location? where)
    {
        bool choice;
        if (_taken.Count < prefix.Count)
        {
            choice = prefix[_taken.Count];
        }
        else
        {
            choice = true;
            if (Alternatives.Count < maxAlternatives)
            {
                Alternatives.Add([.. _taken, false]);
            }
        }

        _taken.Add(choice);
        Assumptions.Add(new Assumption(condition, choice, where));
        return choice;
    }
}
