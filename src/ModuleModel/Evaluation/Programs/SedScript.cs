using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>A sed script read into commands: <c>s</c>, <c>p</c> and <c>d</c>, each with an optional <c>/re/</c> address.</summary>
internal static class SedScript
{
    /// <summary>One command; <paramref name="Replacement"/> is in .NET's substitution syntax.</summary>
    public sealed record Command(Regex? Address, char Name, Regex? Pattern, string Replacement, bool Global, bool Print)
    {
        /// <summary>
        /// Replaces the first match, or every one; an empty match just after the previous match is
        /// skipped, as in POSIX (where .NET would replace it). Null when nothing matched.
        /// </summary>
        public string? Substitute(string line)
        {
            var result = new StringBuilder();
            var copied = 0;
            var replaced = false;
            for (var match = Pattern!.Match(line); match.Success; match = match.NextMatch())
            {
                if (match.Length == 0 && replaced && match.Index == copied)
                {
                    continue;
                }

                result.Append(line, copied, match.Index - copied).Append(match.Result(Replacement));
                copied = match.Index + match.Length;
                replaced = true;
                if (!Global)
                {
                    break;
                }
            }

            return replaced ? result.Append(line, copied, line.Length - copied).ToString() : null;
        }
    }

    /// <summary>The commands of all the scripts in order, or null when one uses what is not emulated.</summary>
    public static List<Command>? Parse(IEnumerable<string> scripts, bool extended)
    {
        var commands = new List<Command>();
        foreach (var script in scripts)
        {
            var i = 0;
            while (SkipSeparators(script, ref i))
            {
                if (ParseCommand(script, ref i, extended) is not { } command)
                {
                    return null;
                }

                commands.Add(command);
            }
        }

        return commands;
    }

    /// <summary>Moves past blanks and semicolons; false at the end of the script.</summary>
    private static bool SkipSeparators(string script, ref int i)
    {
        while (i < script.Length && (char.IsWhiteSpace(script[i]) || script[i] == ';'))
        {
            i++;
        }

        return i < script.Length;
    }

    private static Command? ParseCommand(string script, ref int i, bool extended)
    {
        Regex? address = null;
        if (script[i] == '/')
        {
            if (!TryReadDelimited(script, ref i, '/', out var re) || re.Length == 0)
            {
                return null;
            }

            address = PosixRegex.TryCreate(re, extended);
            if (address is null)
            {
                return null;
            }
        }

        if (i >= script.Length)
        {
            return null;
        }

        return script[i++] switch
        {
            'p' => new Command(address, 'p', null, string.Empty, false, false),
            'd' => new Command(address, 'd', null, string.Empty, false, false),
            's' => ParseSubstitution(script, ref i, extended, address),
            _ => null,
        };
    }

    private static Command? ParseSubstitution(string script, ref int i, bool extended, Regex? address)
    {
        if (i >= script.Length)
        {
            return null;
        }

        var delimiter = script[i];
        if (!TryReadDelimited(script, ref i, delimiter, out var pattern) || !TryReadDelimited(script, ref i, delimiter, out var replacement, startsAfterDelimiter: true))
        {
            return null;
        }

        var global = false;
        var print = false;
        while (i < script.Length && script[i] is 'g' or 'p')
        {
            global |= script[i] == 'g';
            print |= script[i] == 'p';
            i++;
        }

        if ((i < script.Length && script[i] is not (';' or '\n' or ' ' or '}')) || pattern.Length == 0)
        {
            return null;
        }

        // An alternation is refused: POSIX replaces the longest alternative, .NET the first.
        var regex = PosixRegex.TryCreate(pattern, extended, refuseAlternation: true);
        var converted = regex is null ? null : ConvertReplacement(replacement, regex.GetGroupNumbers().Max());
        return converted is null ? null : new Command(address, 's', regex, converted, global, print);
    }

    // Reads from the delimiter at `i` (or, for a replacement, from just after the previous one) to the next unescaped delimiter.
    private static bool TryReadDelimited(string script, ref int i, char delimiter, out string text, bool startsAfterDelimiter = false)
    {
        var builder = new StringBuilder();
        if (!startsAfterDelimiter)
        {
            i++;
        }

        while (i < script.Length && script[i] != delimiter)
        {
            if (script[i] == '\\' && i + 1 < script.Length)
            {
                // An escaped delimiter stands for itself; other escapes stay for the expression.
                builder.Append(script[i + 1] == delimiter ? delimiter.ToString() : script.Substring(i, 2));
                i += 2;
                continue;
            }

            builder.Append(script[i++]);
        }

        text = builder.ToString();
        if (i >= script.Length)
        {
            return false;
        }

        i++;
        return true;
    }

    /// <summary>
    /// A sed replacement (<c>&amp;</c>, <c>\1</c>, GNU's <c>\n</c> and <c>\t</c>...) as a .NET one; null when it
    /// refers to a group the expression lacks (an error sed reports) or uses case conversion.
    /// </summary>
    private static string? ConvertReplacement(string replacement, int groups)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            var piece = c != '\\' || i + 1 >= replacement.Length
                ? c switch { '&' => "$0", '$' => "$$", _ => c.ToString() }
                : ReplacementEscape(replacement[++i], groups);
            if (piece is null)
            {
                return null;
            }

            builder.Append(piece);
        }

        return builder.ToString();
    }

    private static string? ReplacementEscape(char c, int groups) => c switch
    {
        >= '0' and <= '9' when c - '0' > groups => null,
        >= '0' and <= '9' => "${" + c + "}",
        'n' or '\n' => "\n",
        't' => "\t",
        'r' => "\r",
        'f' => "\f",
        'v' => "\v",
        'a' => "\a",
        '$' => "$$",

        // Case conversion (\L \U \l \u \E) and numeric escapes (\cX \dNNN \oNNN \xHH) are not emulated.
        'L' or 'U' or 'l' or 'u' or 'E' or 'c' or 'd' or 'o' or 'x' => null,
        _ => c.ToString(),
    };
}
