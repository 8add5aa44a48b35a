using ConfigConvert.Diagnostics;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The choices made where the evaluator cannot know a condition (a feature test, an external command).
/// The script is run once per combination of choices: each run follows a fixed prefix of choices, and
/// every new choice point it meets queues the other way for a later run, up to
/// <paramref name="maxAlternatives"/> of them: no more runs than that are ever made, and a loop whose
/// condition is unknown meets a choice at every turn (each alternative copies the choices before it,
/// so queueing them all took time and memory quadratic in the number of turns). The first
/// <paramref name="startsWanted"/> alternatives (those that can still run before the cap on worlds)
/// carry <see cref="LastBoundary"/>, where their run can start; a run that starts at
/// <paramref name="start"/> has made the choices before it already, and queued
/// <paramref name="queuedBefore"/> on the way there (a start beyond the prefix, found by another link
/// mode's world: <see cref="LinkNeutralStarts"/>).
/// </summary>
internal sealed class Decisions(IReadOnlyList<bool> prefix, int maxAlternatives = int.MaxValue, int startsWanted = 0, WorldSnapshot? start = null, IEnumerable<Alternative>? queuedBefore = null)
{
    private readonly List<bool> _taken = start is null ? [] : [.. start.Assumptions.Select(a => a.Holds)];

    /// <summary>The runs not made yet.</summary>
    public List<Alternative> Alternatives { get; } = [.. queuedBefore ?? []];

    /// <summary>What this run assumed, in order.</summary>
    public List<Assumption> Assumptions { get; } = start is null ? [] : [.. start.Assumptions];

    /// <summary>The state before the latest statement at the base of the config, set by the evaluator there.</summary>
    public WorldSnapshot? LastBoundary { get; set; } = start;

    /// <summary>True while an alternative queued from here on could carry a start.</summary>
    public bool WantsStarts => Alternatives.Count < startsWanted;

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
                Alternatives.Add(new Alternative([.. _taken, false], WantsStarts ? LastBoundary : null));
            }
        }

        _taken.Add(choice);
        Assumptions.Add(new Assumption(condition, choice, where));
        return choice;
    }
}

/// <summary>A run not made yet: the choices that lead to it, and where it may start instead of the beginning.</summary>
internal sealed record Alternative(IReadOnlyList<bool> Prefix, WorldSnapshot? Start)
{
    /// <summary>
    /// True when <see cref="Start"/> is another link mode's, taken where nothing the link mode sets was read or written
    /// yet (<see cref="LinkNeutralStarts"/>): <see cref="LinkNeutralStarts.ForLink"/> makes it this link mode's, when the
    /// world starts there at all (most start further on, where the first link mode's world with the same choices left off).
    /// </summary>
    public bool StartIsAnotherLinkModes { get; init; }
}
