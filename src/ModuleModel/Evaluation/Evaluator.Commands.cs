using System.Globalization;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

// Simple commands: assignments, redirects, here-documents, and the builtins that change the shell.
internal sealed partial class Evaluator
{
    // Builtins whose prefix assignments stay in the shell after they run (POSIX special builtins).
    private static readonly HashSet<string> SpecialBuiltins = [".", ":", "eval", "exit", "export", "readonly", "return", "set", "shift", "unset", "break", "continue", "times", "trap", "exec"];

    /// <summary>Where commands run, moved by <c>cd</c>: a relative path is read from here (<see cref="WorkingDirectory.Resolve"/>).</summary>
    private WorkingDirectory _directory = WorkingDirectory.NginxTree;

    // Most commands have no redirection: they share one empty list rather than each making its own.
    private static IReadOnlyList<RedirectSyntax> RedirectsOf(SimpleCommandSyntax command, IReadOnlyList<RedirectSyntax> extraRedirects)
    {
        List<RedirectSyntax>? redirects = null;
        foreach (var element in command.Elements)
        {
            if (element is RedirectSyntax redirect)
            {
                (redirects ??= new List<RedirectSyntax>(extraRedirects.Count + 1)).Add(redirect);
            }
        }

        if (redirects is null)
        {
            return extraRedirects;
        }

        redirects.AddRange(extraRedirects);
        return redirects;
    }

    private int? ExecuteSimple(SimpleCommandSyntax command, IReadOnlyList<RedirectSyntax> extraRedirects)
    {
        var argv = ExpandFields(command.Elements);
        var redirects = RedirectsOf(command, extraRedirects);
        if (argv.Count == 0)
        {
            AssignForCommand(command, persist: true);
            return redirects.Count > 0 ? WithRedirects(redirects, () => 0) : _state.LastStatus is null ? null : 0;
        }

        var name = argv[0].KnownText;
        if (name is null)
        {
            AddUnknown($"a command whose name is not known: `{Shorten(command.ToString())}`", command);
            return null;
        }

        // Assignments before a special builtin stay; before anything else they only last for the command.
        var saved = AssignForCommand(command, persist: SpecialBuiltins.Contains(name));
        try
        {
            return redirects.Count == 0 ? Invoke(name, argv, command) : InvokeRedirected(redirects, name, argv, command);
        }
        finally
        {
            RestoreVariables(saved);
        }
    }

    // Apart from ExecuteSimple, which runs for every command: a lambda there would make its closure on every call.
    private int? InvokeRedirected(IReadOnlyList<RedirectSyntax> redirects, string name, List<ShellValue> argv, SimpleCommandSyntax command)
        => WithRedirects(redirects, () => Invoke(name, argv, command));

    /// <summary>
    /// Runs the command's assignments; returns what each variable was before, to restore after the
    /// command, or null when there is nothing to restore. Most commands have no assignment: they walk
    /// the elements without a boxed enumerator and allocate nothing.
    /// </summary>
    private Dictionary<string, SavedVariable>? AssignForCommand(SimpleCommandSyntax command, bool persist)
    {
        Dictionary<string, SavedVariable>? saved = null;
        foreach (var element in command.Elements)
        {
            if (element is not AssignmentSyntax assignment)
            {
                continue;
            }

            if (!persist)
            {
                saved ??= new Dictionary<string, SavedVariable>(StringComparer.Ordinal);
                NoteOtherUse(assignment.Name.Text);
                saved.TryAdd(assignment.Name.Text, _state.Save(assignment.Name.Text));
            }

            Assign(assignment);
        }

        return saved;
    }

    private void RestoreVariables(Dictionary<string, SavedVariable>? saved)
    {
        if (saved is null)
        {
            return;
        }

        foreach (var (variable, old) in saved)
        {
            _state.Restore(variable, old);
        }
    }

    private void Assign(AssignmentSyntax assignment)
    {
        var value = ExpandToValue(assignment.Value);
        Assigned(value, assignment);
        Set(assignment.Name.Text, value);
        if (assignment.Name.Text.StartsWith("USE_", StringComparison.Ordinal))
        {
            Record.UseSwitches[assignment.Name.Text] = LocationOf(assignment);
        }
    }

    /// <summary>Where a command's redirects send its input from and its output to.</summary>
    /// <param name="Input">Standard input from a file or a here-document; null when not redirected.</param>
    /// <param name="OutputElsewhere">Standard output goes to a file or the terminal, not to whatever captures this command's output.</param>
    /// <param name="AutoConfig">That file is nginx's <c>ngx_auto_config.h</c>, whose <c>#define</c>s are facts.</param>
    private sealed record Redirection(ShellValue? Input, bool OutputElsewhere, bool AutoConfig);

    private int? WithRedirects(IReadOnlyList<RedirectSyntax> redirects, Func<int?> body)
    {
        if (redirects.Count == 0)
        {
            return body();
        }

        var redirection = ReadRedirects(redirects);
        var savedInput = _pipeInput;
        _pipeInput = redirection.Input ?? _pipeInput;
        try
        {
            if (!redirection.OutputElsewhere)
            {
                return body();
            }

            var (status, written) = RunWithOutputRedirected(body);
            if (redirection.AutoConfig)
            {
                RecordAutoConfigText(written, redirects[0]);
            }

            return status;
        }
        finally
        {
            _pipeInput = savedInput;
        }
    }

    private Redirection ReadRedirects(IReadOnlyList<RedirectSyntax> redirects)
    {
        var redirection = new Redirection(null, false, false);
        foreach (var redirect in redirects)
        {
            var ofStandardOutput = redirect.IoNumber?.Text is null or "1";
            switch (redirect.Operator.Kind)
            {
                case SyntaxKind.LessLessToken or SyntaxKind.LessLessDashToken:
                    redirection = redirection with { Input = HereDocument(redirect) };
                    break;
                case SyntaxKind.LessToken:
                    redirection = redirection with { Input = RedirectedFile(redirect) };
                    break;
                case SyntaxKind.LessGreaterToken:
                    // Opens the file to be read and written in place, made when missing; standard input by default.
                    RecordWritten(redirect);
                    break;
                case SyntaxKind.GreaterToken or SyntaxKind.GreaterGreaterToken or SyntaxKind.GreaterBarToken:
                    var target = RecordWritten(redirect);

                    if (ofStandardOutput)
                    {
                        var header = GetVariable("NGX_AUTO_CONFIG_H", null)?.KnownText;
                        redirection = redirection with { OutputElsewhere = true, AutoConfig = header is not null && target == header };
                    }

                    break;
                case SyntaxKind.GreaterAmpersandToken when ofStandardOutput:
                    // >&2: to the terminal, not to the capture of a substitution.
                    redirection = redirection with { OutputElsewhere = true };
                    break;
            }
        }

        return redirection;
    }

    /// <summary>
    /// Records the file a redirection writes, when its name is known, and returns the name. The file exists from here on:
    /// a header the config writes itself is no missing dependency, and one it writes into nginx's build directory
    /// changes what nginx is built from.
    /// </summary>
    private string? RecordWritten(RedirectSyntax redirect)
    {
        var target = ExpandToValue(redirect.Target).KnownText;
        if (target is not null && _directory.Resolve(target) is { } file)
        {
            Record.Redirections.Add(new RedirectionFact(file, redirect.Operator.Kind == SyntaxKind.GreaterGreaterToken, LocationOf(redirect)));
        }

        return target;
    }

    /// <summary><c>&lt; FILE</c>: a file of the module directory, or its contents are unknown.</summary>
    private ShellValue RedirectedFile(RedirectSyntax redirect)
        => ExpandToValue(redirect.Target).KnownText is { } file && ReadModuleFile(file) is { } content
            ? ShellValue.Text(content)
            : ShellValue.Of(new UnknownValue("the contents of a file", LocationOf(redirect)));

    /// <summary>Runs <paramref name="body"/> with what it writes collected apart, as a redirect to a file does.</summary>
    private (int? Status, ShellValue Written) RunWithOutputRedirected(Func<int?> body)
    {
        var output = new ShellValue.Builder();
        _outputs.Push(output);
        try
        {
            var status = body();
            return (status, output.ToValue());
        }
        finally
        {
            _outputs.Pop();
        }
    }

    /// <summary>The body of a here-document, expanded unless its delimiter was quoted.</summary>
    private ShellValue HereDocument(RedirectSyntax redirect)
    {
        var bodies = HereDocumentBodies(CurrentTree);
        if (!bodies.TryGetValue(redirect, out var body))
        {
            return ShellValue.Empty;
        }

        if (redirect.Target.HasQuotes)
        {
            return ShellValue.Text(body, LocationOf(redirect));
        }

        return ExpandHereDocumentText(body, redirect);
    }

    private ShellValue ExpandHereDocumentText(string body, RedirectSyntax at)
    {
        // The body is expanded as inside double quotes: parse it as a double-quoted word.
        var escaped = body.Replace("\"", "\\\"", StringComparison.Ordinal);
        var tree = SyntaxTree.ParseText("_=\"" + escaped + "\"\n");
        if (tree.HasErrors || tree.GetRoot().Statements.FirstOrDefault()?.Command is not SimpleCommandSyntax { } simple || simple.Assignments.FirstOrDefault() is not { } assignment)
        {
            return ShellValue.Of(new UnknownValue("a here-document body", LocationOf(at)));
        }

        _trees.Push((tree, LocationOf(at)));
        try
        {
            return ExpandToValue(assignment.Value);
        }
        finally
        {
            _trees.Pop();
        }
    }

    /// <summary>The here-document bodies of a tree, found once for every world that runs it (read only once made).</summary>
    private static Dictionary<RedirectSyntax, string> HereDocumentBodies(SyntaxTree tree) => HereDocuments.GetValue(tree, FindHereDocumentBodies);

    private static Dictionary<RedirectSyntax, string> FindHereDocumentBodies(SyntaxTree tree)
    {
        // Bodies are trivia of the line break that ends their line, in the order of their operators.
        var order = tree.GetRoot().DescendantNodes().OfType<RedirectSyntax>().Where(r => r.IsHereDocument).ToList();
        var map = new Dictionary<RedirectSyntax, string>(ReferenceEqualityComparer.Instance);
        var bodies = tree.GetRoot().DescendantTokens()
            .SelectMany(token => token.TrailingTrivia)
            .Where(trivia => trivia.Kind == SyntaxKind.HereDocumentBodyTrivia);
        foreach (var (redirect, trivia) in order.Zip(bodies))
        {
            map[redirect] = StripDelimiterLine(trivia.Text, redirect);
        }

        return map;
    }

    private static string StripDelimiterLine(string body, RedirectSyntax redirect)
    {
        var text = body.EndsWith('\n') ? body[..^1] : body;
        var lastBreak = text.LastIndexOf('\n');
        var lastLine = text[(lastBreak + 1)..];
        var delimiter = (redirect.Target.GetLiteralValue() ?? string.Empty).Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal);
        var content = lastLine.TrimStart('\t') == delimiter
            ? (lastBreak < 0 ? string.Empty : text[..(lastBreak + 1)])
            : body;
        if (redirect.Operator.Kind == SyntaxKind.LessLessDashToken)
        {
            content = string.Join('\n', content.Split('\n').Select(line => line.TrimStart('\t')));
        }

        return content;
    }

    private void RecordAutoConfigText(ShellValue text, SyntaxElement at)
    {
        // `cat << END >> $NGX_AUTO_CONFIG_H` with `#define NAME VALUE` lines.
        foreach (var line in (text.KnownText ?? string.Empty).Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#define ", StringComparison.Ordinal))
            {
                var rest = trimmed[8..].Trim();
                var space = rest.IndexOfAny([' ', '\t']);
                Record.Defines.Add(new DefineFact(space < 0 ? rest : rest[..space], space < 0 ? string.Empty : rest[space..].Trim(), LocationOf(at)));
            }
        }

        if (!text.IsKnown)
        {
            AddUnknown("text written to ngx_auto_config.h", at);
        }
    }

    private int? Invoke(string name, List<ShellValue> argv, SyntaxNode at)
    {
        if (_state.Functions.TryGetValue(name, out var function))
        {
            return CallFunction(function, argv.Skip(1));
        }

        // The arguments apart from the name, made for the builtins that read them: a program takes argv whole.
        List<ShellValue> Args() => argv.GetRange(1, argv.Count - 1);
        return name switch
        {
            ":" or "true" => 0,
            "false" => 1,
            "." or "source" => Source(Args(), at),
            "eval" => Eval(Args(), at),
            "exit" => throw new ScriptExitException(NumericArgument(Args()) ?? _state.LastStatus, LocationOf(at)),
            "return" => throw new ScriptReturnException(NumericArgument(Args()) ?? _state.LastStatus),
            "break" or "continue" => throw new LoopControlException(name == "continue", NumericArgument(Args()) ?? 1),
            "export" or "readonly" or "local" => Declare(name, Args(), at),
            "unset" => Unset(Args(), at),
            "set" => Set(Args()),
            "shift" => Shift(Args()),
            "test" => Test(Args()),
            "[" => argv.Count == 1 || argv[^1].KnownText != "]" ? 2 : Test(argv.GetRange(1, argv.Count - 2)),
            "cd" => ChangeDirectory(Args()),
            _ => RunProgram(name, argv, at),
        };
    }

    /// <summary>The first argument as a number (an exit status, a count), or null when absent or not a number.</summary>
    private static int? NumericArgument(List<ShellValue> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        return int.TryParse(args[0].KnownText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
    }

    /// <summary><c>set -- ARGS</c> or <c>set ARGS</c> replaces the positional parameters; options change nothing modelled.</summary>
    private int? Set(List<ShellValue> args)
    {
        var dashDash = args.FindIndex(a => a.KnownText == "--");
        if (dashDash >= 0)
        {
            _state.SetPositional(args.Skip(dashDash + 1));
        }
        else if (args.Count > 0 && args[0].KnownText is { } first && !first.StartsWith('-') && !first.StartsWith('+'))
        {
            _state.SetPositional(args);
        }

        return 0;
    }

    private int? Shift(List<ShellValue> args)
    {
        _state.SetPositional(_state.Positional.Skip(NumericArgument(args) ?? 1));
        return 0;
    }

    private int? Test(List<ShellValue> args)
        => TestExpression.Evaluate([.. args.Select(a => new TestArgument(a.KnownText, a.Segments.Any(s => s.Unknown is null && s.Text.Length > 0)))], FileTest);

    /// <summary>
    /// <c>cd</c>: a directory of the module is on disk as configure will see it, so whether <c>cd</c> into it succeeds is
    /// known there; when it fails, the shell says so and stays where it was (a configure run goes on). Elsewhere the
    /// model cannot tell, and follows the change with an unknown status.
    /// </summary>
    private int? ChangeDirectory(List<ShellValue> args)
    {
        var next = _directory.Change(args);
        var exists = next is { Known: true, Path: { } path } && Path.IsPathRooted(path) ? FileTest("-d", path) : null;
        if (exists == false)
        {
            // dash's status for a cd that fails.
            return 2;
        }

        _directory = next;
        return exists == true ? 0 : null;
    }
}
