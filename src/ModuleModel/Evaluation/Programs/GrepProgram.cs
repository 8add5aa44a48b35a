using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>grep [-qvwFEis] [--] PATTERN</c> on standard input; a pattern of several lines is several patterns. Any other option is not emulated.</summary>
internal sealed class GrepProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.KnownArguments is not { } args || call.Input is not { } input)
        {
            return ProgramResult.CannotKnow;
        }

        // Options end at the first operand, or at "--", which is not itself an option: `grep -- -v` looks for "-v".
        var options = args.TakeWhile(a => a.StartsWith('-') && a.Length > 1 && a != "--").ToList();
        var operands = args.Count - options.Count - (options.Count < args.Count && args[options.Count] == "--" ? 1 : 0);
        var flags = string.Concat(options).Replace("-", string.Empty, StringComparison.Ordinal);
        // -E with -F: GNU grep stops, "conflicting matchers specified".
        if (operands != 1 || (flags.Contains('E') && flags.Contains('F')) || options.Any(o => o.Trim('-').Any(c => c is not ('q' or 'v' or 'w' or 'F' or 'E' or 'i' or 's')))
            || PosixRegex.TryCreateAny(args[^1].Split('\n'), flags.Contains('E'), flags.Contains('F'), flags.Contains('i'), flags.Contains('w')) is not { } regex)
        {
            return ProgramResult.CannotKnow;
        }

        try
        {
            var selected = Lines(input).Where(line => regex.IsMatch(line) != flags.Contains('v')).ToList();
            var output = flags.Contains('q') ? string.Empty : string.Concat(selected.Select(line => line + "\n"));
            return ProgramResult.Written(output, selected.Count > 0 ? 0 : 1);
        }
        catch (RegexMatchTimeoutException)
        {
            return ProgramResult.CannotKnow;
        }
    }

    /// <summary>The lines of the input; a last line without a line break is a line, an empty input has none.</summary>
    private static IEnumerable<string> Lines(string input)
    {
        var lines = input.Split('\n');
        return input.EndsWith('\n') || input.Length == 0 ? lines[..^1] : lines;
    }
}
