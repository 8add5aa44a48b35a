using System.Text;
using System.Text.RegularExpressions;

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
            var c = pattern[i];
            switch (c)
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
                case '[':
                    var end = pattern.IndexOf(']', i + 2);
                    if (end < 0)
                    {
                        builder.Append("\\[");
                        break;
                    }

                    var set = pattern[(i + 1)..end];
                    var negate = set.StartsWith('!') || set.StartsWith('^');
                    builder.Append('[').Append(negate ? "^" : string.Empty).Append((negate ? set[1..] : set).Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
                    i = end;
                    break;
                default:
                    builder.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (anchored)
        {
            builder.Append('$');
        }

        return new Regex(builder.ToString(), RegexOptions.CultureInvariant);
    }
}
