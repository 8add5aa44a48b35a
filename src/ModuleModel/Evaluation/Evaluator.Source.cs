using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary><c>. FILE</c>: nginx's own auto/ scripts are emulated, the module's own files are read and run.</summary>
    private int? Source(List<ShellValue> args, SyntaxNode at)
    {
        if (args.Count == 0)
        {
            return 2;
        }

        var path = args[0].KnownText;
        if (path is null)
        {
            AddUnknown("`.` of a file whose name is not known", at);
            Record.Incomplete = true;
            return null;
        }

        return Path.IsPathRooted(path) ? SourceModuleFile(path, at) : SourceNginxScript(path, at);
    }

    /// <summary>A relative path: a file of nginx's source tree, where configure runs.</summary>
    private int? SourceNginxScript(string path, SyntaxNode at)
    {
        if (AutoScriptExists(path) == false || _directory.Changed)
        {
            // dash stops a script whose `.` names a missing file, and configure with it.
            throw MissingSourcedFile(path, at);
        }

        if (FieldSeparators() != DefaultFieldSeparators && !path.EndsWith("auto/have", StringComparison.Ordinal) && !path.EndsWith("auto/define", StringComparison.Ordinal))
        {
            // The real script splits words on IFS (`for ngx_module in $ngx_module_name`, its `eval`s); the emulation, on the default.
            AddUnknown($"nginx's `{path}`, run with IFS changed, which the model does not emulate", at);
            Record.Incomplete = true;
        }

        if (NginxScripts.TryRun(this, path, at, out var status))
        {
            return status;
        }

        AddUnknown($"nginx's `{path}`, which the model does not emulate", at);
        Record.Incomplete = true;
        return null;
    }

    /// <summary>
    /// dash's stop at a <c>.</c> of a missing file (status 2), said (CC2007) where it stops configure: inside a subshell
    /// only the subshell ends.
    /// </summary>
    private ScriptExitException MissingSourcedFile(string path, SyntaxNode at)
    {
        if (_subshells == 0)
        {
            Record.Diagnostics.Add(Diagnostic.Create(ModelDiagnostics.SourcedFileMissing, LocationOf(at), path));
        }

        return new ScriptExitException(2);
    }

    /// <summary>An absolute path: read and run when it is a file of the module directory.</summary>
    private int? SourceModuleFile(string path, SyntaxNode at)
    {
        var full = ResolveModulePath(path);
        var text = full is null ? null : ReadModuleFileText(full);
        if (full is null || text is null)
        {
            if (full is not null && !File.Exists(full))
            {
                throw MissingSourcedFile(path, at);
            }

            AddUnknown($"`. {path}`: a file outside the module directory", at);
            Record.Incomplete = true;
            return null;
        }

        if (!_sourcing.Add(full))
        {
            Record.Diagnostics.Add(Diagnostic.Create(ModelDiagnostics.RecursiveSource, LocationOf(at), path));
            throw new StepLimitException(LocationOf(at));
        }

        try
        {
            return RunSourcedTree(_settings.SourcedFiles?.Parse(text, full) ?? SyntaxTree.ParseText(text, full), path, at);
        }
        finally
        {
            _sourcing.Remove(full);
        }
    }

    /// <summary>
    /// Runs a sourced file. A syntax error in it stops /bin/sh before it runs any of it, and configure with it: the
    /// parser's errors are said where they are, and CC2011 where configure stops (inside a subshell, only the subshell
    /// ends).
    /// </summary>
    private int? RunSourcedTree(SyntaxTree tree, string path, SyntaxNode at)
    {
        if (tree.HasErrors)
        {
            Record.Diagnostics.AddRange(tree.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            if (_subshells == 0)
            {
                Record.Diagnostics.Add(Diagnostic.Create(ModelDiagnostics.SourcedFileSyntaxErrors, LocationOf(at), path));
            }

            throw new ScriptExitException(2);
        }

        try
        {
            RunTree(tree);
            return _state.LastStatus;
        }
        catch (ScriptReturnException returned)
        {
            return returned.Status;
        }
    }

    /// <summary>
    /// A file of the module directory, decoded losslessly; null when missing, unreadable or over
    /// <see cref="Text.InputLimits.MaxFileBytes"/>. One with no size of its own (a FIFO, a device) is read as empty
    /// without being opened, as every file met inside a module is: dash would wait on a FIFO for a writer, and read
    /// <c>/dev/zero</c> for ever.
    /// </summary>
    private static Text.SourceText? ReadModuleFileText(string full)
    {
        try
        {
            return File.Exists(full) && IO.BoundedFile.ReadFoundFile(full) is { } bytes ? Text.SourceText.From(bytes) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
