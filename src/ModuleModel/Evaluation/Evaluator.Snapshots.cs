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

    /// <summary>Records the state before <paramref name="statement"/> for the alternatives this world may still queue in it.</summary>
    private void MarkBoundary(StatementSyntax statement)
    {
        if (!_decisions.WantsStarts || !_memo.MayDecide(statement))
        {
            return;
        }

        _decisions.LastBoundary = new WorldSnapshot
        {
            Path = [.. _basePath],
            State = _state.Clone(),
            Record = Record.Mark(),
            Environment = _environment,
            ChangedDirectory = _changedDirectory,
            Steps = _steps,
            Assumptions = [.. _decisions.Assumptions],
            Before = _before!,
        };
    }

    /// <summary>Takes the state of <paramref name="start"/> as this world's own (copies of it: the snapshot may start other worlds too).</summary>
    private void Restore(WorldSnapshot start)
    {
        _state = start.State.Clone();
        Record = start.Record.Copy();
        _environment = start.Environment;
        _changedDirectory = start.ChangedDirectory;
        _steps = start.Steps;
        _before = start.Before;
    }
}
