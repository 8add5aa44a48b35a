using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>grep [-qvwFEis] PATTERN</c> on standard input; a pattern of several lines is several patterns.</summary>
internal sealed class GrepProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.KnownArguments is not { } args || call.Input is not { } input)
        {
            return ProgramResult.CannotKnow;
        }

        var options = args.TakeWhile(a => a.StartsWith('-') && a.Length > 1).ToList();
        var flags = string.Concat(options).Replace("-", string.Empty, StringComparison.Ordinal);
        if (args.Count - options.Count != 1 || options.Any(o => o.Trim('-').Any(c => c is not ('q' or 'v' or 'w' or 'F' or 'E' or 'i' or 's')))
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
