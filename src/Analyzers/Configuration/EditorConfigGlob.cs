using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.Analyzers.Configuration;

/// <summary>
/// An EditorConfig section glob as a regular expression over a path relative to the
/// <c>.editorconfig</c>'s directory (with <c>/</c>): <c>*</c> is any text without <c>/</c>, <c>**</c>
/// any text, <c>?</c> one character other than <c>/</c>, <c>[abc]</c>/<c>[!abc]</c> a set,
/// <c>{a,b}</c> alternatives and <c>{1..9}</c> a number range. A glob without <c>/</c> matches the
/// file name in any directory; one with <c>/</c> is anchored at the directory of the file.
/// </summary>
internal static class EditorConfigGlob
{
    public static Regex ToRegex(string glob)
    {
        var anchored = glob.Contains('/');
        glob = glob.StartsWith('/') ? glob[1..] : glob;
        var pattern = new StringBuilder(anchored ? "^" : "^(?:.*/)?");
        var braces = 0;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    pattern.Append(".*");
                    i++;
                    break;
                case '*':
                    pattern.Append("[^/]*");
                    break;
                case '?':
                    pattern.Append("[^/]");
                    break;
                case '[' when glob.IndexOf(']', i + 1) is var close and > 0:
                    pattern.Append(CharacterSet(glob[(i + 1)..close]));
                    i = close;
                    break;
                case '{' when NumberRange(glob, i) is { } range:
                    pattern.Append(range.Pattern);
                    i = range.End;
                    break;
                case '{' when glob.IndexOf('}', i + 1) > 0:
                    pattern.Append("(?:");
                    braces++;
                    break;
                case '}' when braces > 0:
                    pattern.Append(')');
                    braces--;
                    break;
                case ',' when braces > 0:
                    pattern.Append('|');
                    break;
                case '\\' when i + 1 < glob.Length:
                    pattern.Append(Regex.Escape(glob[++i].ToString()));
                    break;
                default:
                    pattern.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string CharacterSet(string body)
    {
        var negated = body.StartsWith('!');
        var members = (negated ? body[1..] : body).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("[", "\\[", StringComparison.Ordinal);
        return negated ? $"[^/{members}]" : $"[{members}]";
    }

    /// <summary><c>{n1..n2}</c>: any integer between the two, as the specification says.</summary>
    private static (string Pattern, int End)? NumberRange(string glob, int open)
    {
        var close = glob.IndexOf('}', open + 1);
        var match = close < 0 ? Match.Empty : Regex.Match(glob[(open + 1)..close], @"^([+-]?\d+)\.\.([+-]?\d+)$");
        if (!match.Success || !int.TryParse(match.Groups[1].Value, out var low) || !int.TryParse(match.Groups[2].Value, out var high) || Math.Abs((long)high - low) > 10_000)
        {
            return null;
        }

        var numbers = Enumerable.Range(Math.Min(low, high), Math.Abs(high - low) + 1).Select(n => Regex.Escape(n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return ("(?:" + string.Join('|', numbers) + ")", close);
    }
}
