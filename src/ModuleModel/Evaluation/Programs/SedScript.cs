using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>A sed script read into commands: <c>s</c>, <c>p</c> and <c>d</c>, each with an optional <c>/re/</c> address.</summary>
internal static class SedScript
{
    public sealed record Command(Regex? Address, char Name, Regex? Pattern, string Replacement, bool Global, bool Print);

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
            if (!TryReadDelimited(script, ref i, '/', out var re))
            {
                return null;
            }

            address = new Regex(PosixRegex.ToDotNet(re, extended));
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

        if (i < script.Length && script[i] is not (';' or '\n' or ' ' or '}'))
        {
            return null;
        }

        return new Command(address, 's', new Regex(PosixRegex.ToDotNet(pattern, extended)), ConvertReplacement(replacement), global, print);
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

    /// <summary>A sed replacement (<c>&amp;</c>, <c>\1</c>...) as a .NET one.</summary>
    private static string ConvertReplacement(string replacement)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < replacement.Length; i++)
        {
            var c = replacement[i];
            if (c == '\\' && i + 1 < replacement.Length)
            {
                var next = replacement[++i];
                builder.Append(next switch
                {
                    >= '1' and <= '9' => "${" + next + "}",
                    'n' => "\n",
                    '&' => "&",
                    '$' => "$$",
                    _ => next.ToString(),
                });
            }
            else
            {
                builder.Append(c switch
                {
                    '&' => "$0",
                    '$' => "$$",
                    _ => c.ToString(),
                });
            }
        }

        return builder.ToString();
    }
}
