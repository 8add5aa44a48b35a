using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>grep [-qvwFEis] PATTERN</c> on standard input.</summary>
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
        if (args.Count - options.Count != 1 || options.Any(o => o.Trim('-').Any(c => c is not ('q' or 'v' or 'w' or 'F' or 'E' or 'i' or 's'))))
        {
            return ProgramResult.CannotKnow;
        }

        var regex = ToRegex(args[^1], flags);
        var lines = input.TrimEnd('\n').Split('\n').Where(line => regex.IsMatch(line) != flags.Contains('v')).ToList();
        var output = flags.Contains('q') || lines.Count == 0 ? string.Empty : string.Join('\n', lines) + "\n";
        return ProgramResult.Written(output, lines.Count > 0 ? 0 : 1);
    }

    private static Regex ToRegex(string pattern, string flags)
    {
        var regexText = flags.Contains('F') ? Regex.Escape(pattern) : PosixRegex.ToDotNet(pattern, extended: flags.Contains('E'));
        if (flags.Contains('w'))
        {
            regexText = $"(?<![A-Za-z0-9_])(?:{regexText})(?![A-Za-z0-9_])";
        }

        return new Regex(regexText, flags.Contains('i') ? RegexOptions.IgnoreCase : RegexOptions.None);
    }
}
