using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// The part of sed that config scripts use to edit module lists and read version files:
/// <c>s/re/replacement/[gp]</c>, <c>p</c>, <c>d</c>, with an optional <c>/re/</c> address, <c>-n</c>,
/// <c>-e</c>, <c>-E</c>/<c>-r</c>, and files of the module directory. Anything else cannot be known.
/// </summary>
internal sealed class SedProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        // sed -i edits files rather than writing output: that is a program the model does not run, and
        // one worth reporting (it may patch nginx's sources).
        if (call.Arguments.Any(a => a is not null && (a.StartsWith("-i", StringComparison.Ordinal) || a.StartsWith("--in-place", StringComparison.Ordinal))))
        {
            return ProgramResult.NotEmulated;
        }

        if (call.KnownArguments is not { } args || call.Input is not { } input
            || Options.Parse(args) is not { } options
            || SedScript.Parse(options.Scripts, options.Extended) is not { } script
            || ReadInput(options.Files, input, call.ReadFile) is not { } text)
        {
            return ProgramResult.CannotKnow;
        }

        try
        {
            return ProgramResult.Written(Execute(script, text, options.Quiet));
        }
        catch (RegexMatchTimeoutException)
        {
            return ProgramResult.CannotKnow;
        }
    }

    private sealed record Options(bool Quiet, bool Extended, List<string> Scripts, List<string> Files)
    {
        public static Options? Parse(IReadOnlyList<string> args)
        {
            var options = new Options(false, false, [], []);
            var scriptOption = false;
            for (var i = 0; i < args.Count; i++)
            {
                switch (args[i])
                {
                    case "-n":
                        options = options with { Quiet = true };
                        break;
                    case "-E" or "-r":
                        options = options with { Extended = true };
                        break;
                    case "-e" or "-ne" when i + 1 < args.Count:
                        options = options with { Quiet = options.Quiet || args[i] == "-ne" };
                        options.Scripts.Add(args[++i]);
                        scriptOption = true;
                        break;
                    case var arg when arg.StartsWith('-') && arg.Length > 1:
                        return null;
                    case var arg:
                        // Without -e, the first operand is the script and the others are files.
                        (options.Scripts.Count == 0 && !scriptOption ? options.Scripts : options.Files).Add(arg);
                        break;
                }
            }

            return options;
        }
    }

    private static string? ReadInput(List<string> files, string input, Func<string, string?> readFile)
    {
        if (files.Count == 0)
        {
            return input;
        }

        var contents = new StringBuilder();
        foreach (var file in files)
        {
            if (readFile(file) is not { } content)
            {
                return null;
            }

            contents.Append(content);
        }

        return contents.ToString();
    }

    private static string Execute(IReadOnlyList<SedScript.Command> script, string input, bool quiet)
    {
        var output = new StringBuilder();
        var lines = input.Split('\n');
        var count = input.EndsWith('\n') ? lines.Length - 1 : lines.Length;
        for (var l = 0; l < count; l++)
        {
            var written = output.Length;
            var (line, deleted) = ExecuteLine(script, lines[l], output);
            if (!deleted && !quiet)
            {
                output.Append(line).Append('\n');
            }

            // A last line without a line break is written without one, however often it is written.
            if (l == lines.Length - 1 && output.Length > written)
            {
                output.Length--;
            }
        }

        return output.ToString();
    }

    /// <summary>Runs the script on one line, writing what it prints; returns the line as it ends and whether it was deleted.</summary>
    private static (string Line, bool Deleted) ExecuteLine(IReadOnlyList<SedScript.Command> script, string line, StringBuilder output)
    {
        foreach (var command in script)
        {
            if (command.Address is not null && !command.Address.IsMatch(line))
            {
                continue;
            }

            switch (command.Name)
            {
                case 's' when command.Substitute(line) is { } replaced:
                    line = replaced;
                    if (command.Print)
                    {
                        output.Append(line).Append('\n');
                    }

                    break;
                case 'p':
                    output.Append(line).Append('\n');
                    break;
                case 'd':
                    return (line, true);
            }
        }

        return (line, false);
    }
}
