using System.Collections.Immutable;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

// Worlds that start where they part from an earlier world, rather than at the beginning of the config.
internal sealed partial class Evaluator
{
    /// <summary>The statement lists at the base of the config being run, each with the statement running in it.</summary>
    private readonly List<(SyntaxList<StatementSyntax> Statements, int Index)> _basePath = [];

    /// <summary>configure's variables just before it sourced the config.</summary>
    private NameMap<ShellValue>? _before;

    /// <summary>
    /// Runs a statement list at the base of the config (its top level, or a branch of an <c>if</c> or a
    /// <c>{ }</c> group there), marking the state before each statement where a later world may start.
    /// With <paramref name="start"/>, the list is entered where that snapshot was taken, and the
    /// statements before it (and the conditions of the <c>if</c>s around it) are not run again.
    /// </summary>
    private int? ExecuteBase(SyntaxList<StatementSyntax> statements, WorldSnapshot? start, int depth)
    {
        var first = start is null ? 0 : start.Path[depth].Index;
        int? status = 0;
        _basePath.Add((statements, first));
        try
        {
            for (var i = first; i < statements.Count; i++)
            {
                _basePath[^1] = (statements, i);
                var resuming = start is not null && i == first;
                if (resuming && depth + 1 < start!.Path.Length)
                {
                    status = ExecuteBase(start.Path[depth + 1].Statements, start, depth + 1);
                }
                else
                {
                    if (!resuming)
                    {
                        MarkBoundary(statements[i]);
                    }

                    status = ExecuteStatement(statements[i], atBase: true);
                }

                _state.LastStatus = status;
            }
        }
        finally
        {
            _basePath.RemoveAt(_basePath.Count - 1);
        }

        return status;
    }

    /// <summary>True while the world has done nothing that depends on the link mode (<see cref="LinkNeutralStarts"/>), when the evaluation shares such points.</summary>
    private bool _linkNeutral;

    /// <summary>
    /// The last point at the base of the config this world reached while <see cref="_linkNeutral"/>, before a statement that
    /// may end it (<see cref="SyntaxMemo.MayDependOnLink"/>) or one where an alternative may start.
    /// </summary>
    private WorldSnapshot? _neutralPoint;

    /// <summary>How many alternatives this world had queued at <see cref="_neutralPoint"/>.</summary>
    private int _queuedBeforeNeutralPoint;

    /// <summary>The world's assumptions as its last snapshot copied them (its decisions only ever add one).</summary>
    private ImmutableArray<Assumption> _assumptionsSoFar = [];

    /// <summary>
    /// Records the state before <paramref name="statement"/> for the alternatives this world may still
    /// queue in it, and as the world's last point that every link mode reaches alike.
    /// </summary>
    private void MarkBoundary(StatementSyntax statement)
    {
        var forAlternatives = _decisions.WantsStarts && _memo.MayDecide(statement);
        var forLinkModes = _linkNeutral && _memo.MayDependOnLink(statement);
        if (!forAlternatives && !forLinkModes)
        {
            return;
        }

        var snapshot = new WorldSnapshot
        {
            Path = [.. _basePath],
            State = _state.Clone(),
            Record = Record.Mark(),
            Environment = _environment,
            Directory = _directory,
            Steps = _steps,
            Assumptions = AssumptionsSoFar(),
            Before = _before!,
            LinkNeutral = _linkNeutral,
        };
        if (forAlternatives)
        {
            _decisions.LastBoundary = snapshot;
        }

        if (_linkNeutral)
        {
            _neutralPoint = snapshot;
            _queuedBeforeNeutralPoint = _decisions.Alternatives.Count;
        }
    }

    /// <summary>
    /// The assumptions made so far, as a snapshot keeps them: copied again only when the world has made another, as a
    /// world marks every statement at the base of the config while it is the same in every link mode, and makes a choice
    /// at few of them (docs/performance.md, the twenty-second round).
    /// </summary>
    private ImmutableArray<Assumption> AssumptionsSoFar()
    {
        if (_assumptionsSoFar.Length != _decisions.Assumptions.Count)
        {
            _assumptionsSoFar = [.. _decisions.Assumptions];
        }

        return _assumptionsSoFar;
    }

    /// <summary>
    /// Notes that the world reads <paramref name="name"/>: if configure set it per link mode and the
    /// config has not assigned it since, the world may differ per link mode from here on.
    /// </summary>
    private void NoteRead(string name)
    {
        if (_linkNeutral && LinkNeutralStarts.DependsOnLink(name) && !_state.AssignedPerAddon(name))
        {
            _linkNeutral = false;
        }
    }

    /// <summary>Notes that the world assigns <paramref name="name"/>: its value is the same in every link mode from here on.</summary>
    private void NoteAssignment(string name)
    {
        if (_linkNeutral && LinkNeutralStarts.DependsOnLink(name))
        {
            _state.MarkAssignedPerAddon(name);
        }
    }

    /// <summary>
    /// Notes that the world does something else with <paramref name="name"/> (unsets it, makes it
    /// local or read-only, saves it around a command): not followed across link modes, so if configure set it
    /// per link mode the world may differ per link mode from here on.
    /// </summary>
    private void NoteOtherUse(string name)
    {
        if (_linkNeutral && LinkNeutralStarts.DependsOnLink(name))
        {
            _linkNeutral = false;
        }
    }

    /// <summary>Whether nginx's source tree has <paramref name="path"/> (null: not known), noting when the answer differs per link mode (<c>auto/module</c>).</summary>
    private bool? AutoScriptExists(string path)
    {
        var exists = NginxScripts.IsKnownAutoScript(path, _settings.Link);
        if (_linkNeutral && Enum.GetValues<LinkMode>().Any(link => NginxScripts.IsKnownAutoScript(path, link) != exists))
        {
            _linkNeutral = false;
        }

        return exists;
    }

    /// <summary>Takes the state of <paramref name="start"/> as this world's own (copies of it: the snapshot may start other worlds too).</summary>
    private void Restore(WorldSnapshot start)
    {
        _state = start.State.Clone();
        Record = start.Record.Copy();
        _environment = start.Environment;
        _directory = start.Directory;
        _steps = start.Steps;
        _before = start.Before;
    }
}
