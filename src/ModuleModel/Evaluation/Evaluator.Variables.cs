using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

// Variables as the script changes them: assignments, `readonly`, `export`, `local` and `unset`. dash stops the whole
// script (status 2) at an assignment to a read-only variable, or its `unset`: the config and configure end there.
internal sealed partial class Evaluator
{
    /// <summary>The variables each running function made local, with what to give back when it returns (<see cref="ShellState.Save"/>) and whether each was read-only.</summary>
    private readonly Stack<Dictionary<string, (SavedVariable Saved, bool ReadOnly)>> _locals = new();

    /// <summary>Sets a variable as an assignment of the script (or of nginx's scripts) does.</summary>
    internal void Set(string name, ShellValue value)
    {
        NoteAssignment(name);
        RequireWritable(name);
        _state.SetVariable(name, value);
    }

    /// <summary>dash's "NAME: is read only": a shell that is not interactive exits with status 2 (a subshell ends with it).</summary>
    private void RequireWritable(string name)
    {
        if (_state.ReadOnly.Contains(name))
        {
            if (_subshells == 0)
            {
                var at = _lastStep is null ? Location.None(CurrentTree.FilePath) : LocationOf(_lastStep);
                Record.Diagnostics.Add(Diagnostic.Create(ModelDiagnostics.ReadOnlyVariable, at, name));
            }

            throw new ScriptExitException(2);
        }
    }

    /// <summary><c>export</c>, <c>readonly</c> and <c>local</c>, with or without <c>NAME=value</c> operands.</summary>
    private int? Declare(string builtin, List<ShellValue> args, SyntaxNode at)
    {
        if (builtin == "local" && _locals.Count == 0)
        {
            // dash: "local: not in a function", an error of a special builtin: the script exits.
            throw new ScriptExitException(2);
        }

        var operands = args.SkipWhile(a => builtin != "local" && a.KnownText is ['-', ..]).ToList();
        if (operands.Count == 0 && builtin != "local")
        {
            // It lists the variables with the attribute, which the model does not know all of (the environment's).
            WriteOutput(ShellValue.Of(new UnknownValue($"the output of `{builtin}`", LocationOf(at))));
            return 0;
        }

        foreach (var operand in operands)
        {
            DeclareOne(builtin, operand, at);
        }

        return 0;
    }

    private void DeclareOne(string builtin, ShellValue operand, SyntaxNode at)
    {
        var leading = operand.Segments.FirstOrDefault() is { Unknown: null } first ? first.Text : string.Empty;
        var equals = leading.IndexOf('=');
        var name = equals >= 0 ? leading[..equals] : operand.KnownText;
        if (string.IsNullOrEmpty(name))
        {
            AddUnknown($"`{builtin}` of a name that is not known", at);
            Record.Incomplete = true;
            return;
        }

        if (builtin == "export" && equals >= 0)
        {
            NoteAssignment(name);
        }
        else
        {
            NoteOtherUse(name);
        }

        if (builtin == "local")
        {
            MakeLocal(name);
        }

        if (equals >= 0 || builtin == "local")
        {
            // local NAME, even without a value, is refused for a read-only NAME; export and readonly NAME are not.
            RequireWritable(name);
        }

        if (equals >= 0)
        {
            _state.SetVariable(name, SliceText(operand, equals + 1, 0));
        }

        if (builtin == "readonly")
        {
            _state.MarkReadOnly(name);
        }
    }

    /// <summary>Keeps what <paramref name="name"/> holds for when the function returns; dash keeps its value meanwhile.</summary>
    private void MakeLocal(string name)
        => _locals.Peek().TryAdd(name, (_state.Save(name), _state.ReadOnly.Contains(name)));

    /// <summary>Gives the variables a returning function made local back what they held before.</summary>
    private void RestoreLocals(Dictionary<string, (SavedVariable Saved, bool ReadOnly)> locals)
    {
        foreach (var (name, (saved, readOnly)) in locals)
        {
            _state.Restore(name, saved);
            _state.SetReadOnly(name, readOnly);
        }
    }

    /// <summary><c>unset [-v|-f] NAME...</c>: variables unless <c>-f</c>, functions only with it.</summary>
    private int? Unset(List<ShellValue> args, SyntaxNode at)
    {
        var options = args.TakeWhile(a => a.KnownText is ['-', _, ..]).ToList();
        var functions = options.Count > 0 && options[^1].KnownText![^1] == 'f';
        foreach (var operand in args.Skip(options.Count))
        {
            if (operand.KnownText is not { } name)
            {
                AddUnknown("`unset` of a name that is not known", at);
                Record.Incomplete = true;
            }
            else if (functions)
            {
                _state.RemoveFunction(name);
            }
            else
            {
                NoteOtherUse(name);
                RequireWritable(name);
                _state.Unset(name);
            }
        }

        return 0;
    }

    /// <summary>
    /// What the config leaves that changes how configure goes on after it, which the model does not follow: IFS
    /// (configure splits its lists with it) and read-only variables that configure assigns later (it stops there).
    /// </summary>
    private void CheckWhatConfigureInherits(SyntaxTree config)
    {
        if (_state.TryGetVariable("IFS", out var ifs) && ifs.KnownText != DefaultFieldSeparators)
        {
            var where = ifs.Segments.FirstOrDefault().Origin ?? Location.None(config.FilePath);
            Record.Unknowns.Add(new UnknownValue("what configure does after the config, which splits its lists on the IFS the config left", where));
            Record.Incomplete = true;
        }

        foreach (var name in _state.ReadOnly.Where(ConfigureVariables.IsConfigures).Order(StringComparer.Ordinal))
        {
            Record.Unknowns.Add(new UnknownValue($"what configure does after the config: `{name}` is read-only, and /bin/sh stops configure where it assigns it", Location.None(config.FilePath)));
            Record.Incomplete = true;
        }
    }
}
