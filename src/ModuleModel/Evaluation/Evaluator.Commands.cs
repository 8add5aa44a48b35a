using System.Globalization;
using System.Text;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

internal sealed partial class Evaluator
{
    // Builtins whose prefix assignments stay in the shell after they run (POSIX special builtins).
    private static readonly HashSet<string> SpecialBuiltins = [".", ":", "eval", "exit", "export", "readonly", "return", "set", "shift", "unset", "break", "continue", "times", "trap", "exec"];

    private int? ExecuteSimple(SimpleCommandSyntax command, IReadOnlyList<RedirectSyntax> extraRedirects)
    {
        var assignments = command.Assignments.ToList();
        var argv = command.Words.SelectMany(ExpandFields).ToList();
        var redirects = command.Redirects.Concat(extraRedirects).ToList();
        if (argv.Count == 0)
        {
            foreach (var assignment in assignments)
            {
                Assign(assignment);
            }

            return redirects.Count > 0 ? WithRedirects(redirects, () => 0) : _state.LastStatus is null ? null : 0;
        }

        var name = argv[0].KnownText;
        if (name is null)
        {
            AddUnknown($"a command whose name is not known: `{Shorten(command.ToString())}`", command);
            return null;
        }

        // Assignments before a special builtin stay; before anything else they only last for the command.
        var saved = new Dictionary<string, ShellValue?>(StringComparer.Ordinal);
        var persist = SpecialBuiltins.Contains(name);
        foreach (var assignment in assignments)
        {
            if (!persist)
            {
                saved.TryAdd(assignment.Name.Text, _state.Variables.TryGetValue(assignment.Name.Text, out var old) ? old : null);
            }

            Assign(assignment);
        }

        try
        {
            return WithRedirects(redirects, () => Invoke(name, argv, command));
        }
        finally
        {
            foreach (var (variable, old) in saved)
            {
                if (old is null)
                {
                    _state.Variables.Remove(variable);
                }
                else
                {
                    _state.Variables[variable] = old;
                }
            }
        }
    }

    private void Assign(AssignmentSyntax assignment)
    {
        var value = ExpandToValue(assignment.Value);
        if (assignment.EqualsToken.Kind == SyntaxKind.PlusEqualsToken)
        {
            AddUnknown("`+=`, which /bin/sh runs as a command", assignment);
            return;
        }

        _state.Variables[assignment.Name.Text] = value;
        if (assignment.Name.Text.StartsWith("USE_", StringComparison.Ordinal))
        {
            Record.UseSwitches[assignment.Name.Text] = LocationOf(assignment);
        }
    }

    private int? WithRedirects(IReadOnlyList<RedirectSyntax> redirects, Func<int?> body)
    {
        if (redirects.Count == 0)
        {
            return body();
        }

        ShellValue? input = null;
        var outputTarget = default(string?);
        var appendsToAutoConfig = false;
        foreach (var redirect in redirects)
        {
            var fd = redirect.IoNumber?.Text;
            switch (redirect.Operator.Kind)
            {
                case SyntaxKind.LessLessToken or SyntaxKind.LessLessDashToken:
                    input = HereDocument(redirect);
                    break;
                case SyntaxKind.LessToken:
                    var file = ExpandToValue(redirect.Target).KnownText;
                    input = file is not null && ReadModuleFile(file) is { } content ? ShellValue.Text(content) : ShellValue.Of(new UnknownValue("the contents of a file", LocationOf(redirect)));
                    break;
                case SyntaxKind.GreaterToken or SyntaxKind.GreaterGreaterToken or SyntaxKind.GreaterBarToken when fd is null or "1":
                    outputTarget = ExpandToValue(redirect.Target).KnownText ?? "?";
                    appendsToAutoConfig = GetVariable("NGX_AUTO_CONFIG_H", null)?.KnownText is { } header && outputTarget == header;
                    break;
                case SyntaxKind.GreaterAmpersandToken when fd is null or "1":
                    // >&2: to the terminal, not to the capture of a substitution.
                    outputTarget = "&" + redirect.Target;
                    break;
            }
        }

        var savedInput = _pipeInput;
        if (input is not null)
        {
            _pipeInput = input;
        }

        if (outputTarget is null)
        {
            try
            {
                return body();
            }
            finally
            {
                _pipeInput = savedInput;
            }
        }

        _outputs.Push(new ShellValue.Builder());
        ShellValue written;
        int? status;
        try
        {
            status = body();
        }
        finally
        {
            written = _outputs.Pop().ToValue();
            _pipeInput = savedInput;
        }

        if (appendsToAutoConfig)
        {
            RecordAutoConfigText(written, redirects[0]);
        }

        return status;
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

    private Dictionary<RedirectSyntax, string> HereDocumentBodies(SyntaxTree tree)
    {
        if (_hereDocuments.TryGetValue(tree, out var known))
        {
            return known;
        }

        // Bodies are trivia of the line break that ends their line, in the order of their operators.
        var map = new Dictionary<RedirectSyntax, string>(ReferenceEqualityComparer.Instance);
        var waiting = new Queue<RedirectSyntax>();
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            if (node is RedirectSyntax { IsHereDocument: true } redirect)
            {
                waiting.Enqueue(redirect);
            }
        }

        var order = waiting.ToList();
        var index = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            foreach (var trivia in token.TrailingTrivia)
            {
                if (trivia.Kind == SyntaxKind.HereDocumentBodyTrivia && index < order.Count)
                {
                    var redirect = order[index++];
                    map[redirect] = StripDelimiterLine(trivia.Text, redirect);
                }
            }
        }

        _hereDocuments[tree] = map;
        return map;
    }

    private static string StripDelimiterLine(string body, RedirectSyntax redirect)
    {
        var text = body.EndsWith('\n') ? body[..^1] : body;
        var lastBreak = text.LastIndexOf('\n');
        var lastLine = text[(lastBreak + 1)..];
        var content = lastLine.TrimStart('\t') == (redirect.Target.GetLiteralValue() ?? string.Empty).Replace("\"", string.Empty, StringComparison.Ordinal).Replace("'", string.Empty, StringComparison.Ordinal)
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

        var args = argv.Skip(1).ToList();
        switch (name)
        {
            case ":" or "true":
                return 0;
            case "false":
                return 1;
            case "." or "source":
                return Source(args, at);
            case "eval":
                return Eval(args, at);
            case "exit":
                throw new ScriptExitException(ParseStatus(args) ?? _state.LastStatus);
            case "return":
                throw new ScriptReturnException(ParseStatus(args) ?? _state.LastStatus);
            case "break" or "continue":
                throw new LoopControlException(name == "continue", ParseStatus(args) ?? 1);
            case "export" or "readonly" or "local":
                foreach (var arg in args)
                {
                    var text = arg.KnownText;
                    var equals = text?.IndexOf('=') ?? -1;
                    if (equals > 0)
                    {
                        _state.Variables[text![..equals]] = SliceText(arg, equals + 1, 0);
                    }
                }

                return 0;
            case "unset":
                foreach (var arg in args.Select(a => a.KnownText).Where(a => a is not null && !a.StartsWith('-')))
                {
                    _state.Variables.Remove(arg!);
                    _state.Functions.Remove(arg!);
                }

                return 0;
            case "set":
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
            case "shift":
                var count = ParseStatus(args) ?? 1;
                _state.SetPositional(_state.Positional.Skip(count));
                return 0;
            case "echo":
                return Echo(args, at);
            case "printf":
                return Printf(args, at);
            case "test":
                return TestExpression.Evaluate(args, this, at);
            case "[":
                if (args.Count == 0 || args[^1].KnownText != "]")
                {
                    return 2;
                }

                return TestExpression.Evaluate(args.Take(args.Count - 1).ToList(), this, at);
            case "cd":
                _changedDirectory = true;
                return null;
            case "cat":
                return Cat(args, at);
            case "sed":
                return RunTextTool(at, args, MiniSed.TryRun);
            case "tr":
                return RunTextTool(at, args, TrTool.TryRun);
            case "grep":
                return Grep(args, at);
            case "basename" when args.Count == 1 && args[0].KnownText is { } path:
                WriteOutput(ShellValue.Text(Path.GetFileName(path.TrimEnd('/')) + "\n"));
                return 0;
            case "dirname" when args.Count == 1 && args[0].KnownText is { } path:
                var directory = Path.GetDirectoryName(path.TrimEnd('/'));
                WriteOutput(ShellValue.Text((string.IsNullOrEmpty(directory) ? "." : directory) + "\n"));
                return 0;
        }

        // Any other program: its output and success are unknown, and it is worth reporting.
        var commandLine = string.Join(' ', argv.Select(a => a.ToString()));
        Record.Commands.Add(new CommandFact(name, commandLine, LocationOf(at)));
        if (_outputs.Count > 0)
        {
            // Its output is used (captured or piped): that use depends on something unknown.
            var unknown = new UnknownValue($"the output of `{Shorten(commandLine)}`", LocationOf(at));
            Record.Unknowns.Add(unknown);
            WriteOutput(ShellValue.Of(unknown));
        }

        return null;
    }

    private bool _changedDirectory;

    private static int? ParseStatus(List<ShellValue> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        return int.TryParse(args[0].KnownText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status) ? status : null;
    }

    private int? CallFunction(ShellFunction function, IEnumerable<ShellValue> args)
    {
        if (++_functionDepth > 100)
        {
            _functionDepth--;
            throw new StepLimitException(function.Tree.GetLocation(function.Syntax));
        }

        var savedPositional = _state.Positional;
        _state.SetPositional(args);
        _trees.Push((function.Tree, null));
        try
        {
            return Execute(function.Syntax.Body);
        }
        catch (ScriptReturnException returned)
        {
            return returned.Status;
        }
        finally
        {
            _trees.Pop();
            _state.SetPositional(savedPositional);
            _functionDepth--;
        }
    }

    private int? Eval(List<ShellValue> args, SyntaxNode at)
    {
        var joined = new ShellValue.Builder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                joined.Append(ShellValue.Text(" "));
            }

            joined.Append(args[i]);
        }

        var text = joined.ToValue().KnownText;
        if (text is null)
        {
            AddUnknown("`eval` of a string that is not known", at);
            Record.Incomplete = true;
            return null;
        }

        var tree = SyntaxTree.ParseText(text);
        if (tree.HasErrors)
        {
            AddUnknown("`eval` of text that is not valid shell", at);
            return 2;
        }

        _trees.Push((tree, LocationOf(at)));
        try
        {
            return ExecuteStatements(tree.GetRoot().Statements);
        }
        finally
        {
            _trees.Pop();
        }
    }

    private int? Echo(List<ShellValue> args, SyntaxNode at)
    {
        var newline = true;
        if (args.Count > 0 && args[0].KnownText == "-n")
        {
            newline = false;
            args = args.Skip(1).ToList();
        }

        var output = new ShellValue.Builder();
        for (var i = 0; i < args.Count; i++)
        {
            if (i > 0)
            {
                output.Append(ShellValue.Text(" "));
            }

            output.Append(args[i].KnownText is { } text && text.Contains('\\') ? ShellValue.Text(EchoEscapes(text, ref newline), args[i].Segments[0].Origin) : args[i]);
        }

        if (newline)
        {
            output.Append(ShellValue.Text("\n"));
        }

        WriteOutput(output.ToValue());
        return 0;
    }

    // dash's echo interprets backslash escapes, and \c ends the output.
    private static string EchoEscapes(string text, ref bool newline)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var c = text[++i];
            switch (c)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case '\\': builder.Append('\\'); break;
                case 'c':
                    newline = false;
                    return builder.ToString();
                default: builder.Append('\\').Append(c); break;
            }
        }

        return builder.ToString();
    }

    private int? Printf(List<ShellValue> args, SyntaxNode at)
    {
        if (args.Count == 0 || args.Any(a => !a.IsKnown))
        {
            WriteOutput(ShellValue.Of(new UnknownValue("the output of printf", LocationOf(at))));
            return args.Count == 0 ? 1 : 0;
        }

        var format = args[0].KnownText!;
        var values = args.Skip(1).Select(a => a.KnownText!).ToList();
        var builder = new StringBuilder();
        var next = 0;
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '\\' && i + 1 < format.Length)
                {
                    var e = format[++i];
                    builder.Append(e switch { 'n' => "\n", 't' => "\t", '\\' => "\\", _ => "\\" + e });
                }
                else if (c == '%' && i + 1 < format.Length)
                {
                    var spec = format[++i];
                    if (spec == '%')
                    {
                        builder.Append('%');
                        continue;
                    }

                    builder.Append(next < values.Count ? values[next] : string.Empty);
                    next++;
                }
                else
                {
                    builder.Append(c);
                }
            }
        }
        while (next > 0 && next < values.Count);

        WriteOutput(ShellValue.Text(builder.ToString()));
        return 0;
    }

    private int? Cat(List<ShellValue> args, SyntaxNode at)
    {
        if (args.Count == 0 || (args.Count == 1 && args[0].KnownText == "-"))
        {
            WriteOutput(_pipeInput ?? ShellValue.Empty);
            return 0;
        }

        foreach (var arg in args)
        {
            if (arg.KnownText is { } path && ReadModuleFile(path) is { } content)
            {
                WriteOutput(ShellValue.Text(content));
            }
            else
            {
                WriteOutput(ShellValue.Of(new UnknownValue($"the contents of `{arg}`", LocationOf(at))));
                return null;
            }
        }

        return 0;
    }

    private delegate bool TextTool(IReadOnlyList<string> args, string input, Func<string, string?> readFile, out string output, out bool success);

    private int? RunTextTool(SyntaxNode at, List<ShellValue> args, TextTool tool)
    {
        var input = _pipeInput ?? ShellValue.Empty;
        if (args.All(a => a.IsKnown) && input.KnownText is { } text
            && tool(args.Select(a => a.KnownText!).ToList(), text, ReadModuleFile, out var output, out var success))
        {
            WriteOutput(ShellValue.Text(output, LocationOf(at)));
            return success ? 0 : 1;
        }

        WriteOutput(ShellValue.Of(new UnknownValue($"the output of `{Shorten(at.ToString())}`", LocationOf(at))));
        return null;
    }

    private int? Grep(List<ShellValue> args, SyntaxNode at)
    {
        var input = _pipeInput ?? ShellValue.Empty;
        var options = args.TakeWhile(a => a.KnownText is { } t && t.StartsWith('-') && t.Length > 1).Select(a => a.KnownText!).ToList();
        var rest = args.Skip(options.Count).ToList();
        if (rest.Count != 1 || !rest[0].IsKnown || input.KnownText is not { } text || options.Any(o => o.Trim('-').Any(c => c is not ('q' or 'v' or 'w' or 'F' or 'E' or 'i' or 's'))))
        {
            WriteOutput(ShellValue.Of(new UnknownValue($"the output of `{Shorten(at.ToString())}`", LocationOf(at))));
            return null;
        }

        var flags = string.Concat(options).Replace("-", string.Empty, StringComparison.Ordinal);
        var pattern = rest[0].KnownText!;
        var regexText = flags.Contains('F') ? System.Text.RegularExpressions.Regex.Escape(pattern) : MiniSed.BasicToDotNet(pattern, extended: flags.Contains('E'));
        if (flags.Contains('w'))
        {
            regexText = $"(?<![A-Za-z0-9_])(?:{regexText})(?![A-Za-z0-9_])";
        }

        var regex = new System.Text.RegularExpressions.Regex(regexText, flags.Contains('i') ? System.Text.RegularExpressions.RegexOptions.IgnoreCase : System.Text.RegularExpressions.RegexOptions.None);
        var lines = text.TrimEnd('\n').Split('\n').Where(line => regex.IsMatch(line) != flags.Contains('v')).ToList();
        if (!flags.Contains('q') && lines.Count > 0)
        {
            WriteOutput(ShellValue.Text(string.Join('\n', lines) + "\n"));
        }

        return lines.Count > 0 ? 0 : 1;
    }

    /// <summary>Reads a file of the module directory (sources, helper scripts, VERSION files), nothing outside it.</summary>
    internal string? ReadModuleFile(string path) => ResolveModulePath(path) is { } full ? ReadModuleFileText(full)?.Text : null;

    /// <summary>The full path of <paramref name="path"/> when it lies inside the module directory, else null.</summary>
    internal string? ResolveModulePath(string path)
    {
        var root = Path.GetFullPath(_settings.ModuleDirectory);
        if (!Path.IsPathRooted(path))
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        return full == root || full.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal) ? full : null;
    }

    /// <summary>What <c>test -f</c>/<c>-d</c>/<c>-e</c> says of a path, or null when it cannot be known.</summary>
    internal bool? FileTest(char op, string path)
    {
        if (!Path.IsPathRooted(path))
        {
            // Relative to configure's directory, the nginx source tree; only its auto/ scripts are known.
            if (_changedDirectory)
            {
                return null;
            }

            var known = NginxScripts.IsKnownAutoScript(path, _settings.Link);
            return known is null ? null : op == 'd' ? false : known;
        }

        var full = ResolveModulePath(path);
        if (full is null)
        {
            return null;
        }

        return op switch
        {
            'f' => File.Exists(full),
            'd' => Directory.Exists(full),
            _ => File.Exists(full) || Directory.Exists(full),
        };
    }
}
