using System.Text;
using System.Text.RegularExpressions;
using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>Shell pattern matching (<c>*</c>, <c>?</c>, <c>[...]</c>, backslash), for case and <c>${x#pattern}</c>.</summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text) => ToRegex(pattern, anchored: true).IsMatch(text);

    /// <summary>Quotes every pattern character, for text that was quoted in the script.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary><c>${x#p}</c> (shortest prefix), <c>##</c> (longest), <c>%</c> (shortest suffix), <c>%%</c> (longest).</summary>
    public static string RemoveAffix(string text, string pattern, string op)
    {
        var regex = ToRegex(pattern, anchored: true);
        switch (op)
        {
            case "#":
                for (var i = 0; i <= text.Length; i++)
                {
                    if (regex.IsMatch(text[..i]))
                    {
                        return text[i..];
                    }
                }

                break;
            case "##":
                for (var i = text.Length; i >= 0; i--)
                {
                    if (regex.IsMatch(text[..i]))
                    {
                        return text[i..];
                    }
                }

                break;
            case "%":
                for (var i = text.Length; i >= 0; i--)
                {
                    if (regex.IsMatch(text[i..]))
                    {
                        return text[..i];
                    }
                }

                break;
            case "%%":
                for (var i = 0; i <= text.Length; i++)
                {
                    if (regex.IsMatch(text[i..]))
                    {
                        return text[..i];
                    }
                }

                break;
        }

        return text;
    }

    private static Regex ToRegex(string pattern, bool anchored)
    {
        var builder = new StringBuilder(anchored ? "^" : string.Empty);
        for (var i = 0; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '*':
                    builder.Append("[\\s\\S]*");
                    break;
                case '?':
                    builder.Append("[\\s\\S]");
                    break;
                case '\\' when i + 1 < pattern.Length:
                    builder.Append(Regex.Escape(pattern[++i].ToString()));
                    break;
                case '[' when Bracket(pattern, i) is ({ } set, var end):
                    builder.Append(set);
                    i = end;
                    break;
                default:
                    builder.Append(Regex.Escape(pattern[i].ToString()));
                    break;
            }
        }

        if (anchored)
        {
            builder.Append('$');
        }

        return new Regex(builder.ToString(), RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// The bracket expression at <paramref name="start"/> as a .NET class, and the index of its closing
    /// bracket; null when it has none (the <c>[</c> then stands for itself). As in dash, <c>!</c> negates
    /// (<c>^</c> does not), a first <c>]</c> is a member, and a backslash quotes the next character.
    /// </summary>
    private static (string? Set, int End) Bracket(string pattern, int start)
    {
        var set = new StringBuilder("[");
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '!')
        {
            set.Append('^');
            i++;
        }

        for (var first = true; i < pattern.Length && (first || pattern[i] != ']'); first = false)
        {
            var afterClass = CharacterClass.AppendNamed(pattern, i, set);
            if (afterClass >= 0)
            {
                i = afterClass;
                continue;
            }

            var low = ReadMember(pattern, ref i);
            var high = low;
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                high = ReadMember(pattern, ref i);
            }

            // A reversed range has no members.
            if (low <= high)
            {
                CharacterClass.AppendLiteral(set, low);
                set.Append('-');
                CharacterClass.AppendLiteral(set, high);
            }
        }

        if (i >= pattern.Length)
        {
            return (null, start);
        }

        // A set left without members matches no character (negated, any character).
        var text = set.ToString() switch
        {
            "[" => "(?!)",
            "[^" => "[\\s\\S]",
            var members => members + "]",
        };
        return (text, i);
    }

    private static char ReadMember(string pattern, ref int i)
    {
        if (pattern[i] == '\\' && i + 1 < pattern.Length)
        {
            i++;
        }

        return pattern[i++];
    }
}
