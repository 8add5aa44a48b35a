using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>POSIX regular expressions (basic, or extended) as .NET ones, for sed and grep.</summary>
internal static class PosixRegex
{
    /// <summary>A POSIX basic (or extended) regular expression as a .NET one.</summary>
    public static string ToDotNet(string pattern, bool extended)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '[')
            {
                i = AppendBracket(pattern, i, builder);
                continue;
            }

            if (extended)
            {
                builder.Append(c == '\\' && i + 1 < pattern.Length ? "\\" + pattern[++i] : c.ToString());
                continue;
            }

            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(BasicEscape(pattern[++i]));
                continue;
            }

            builder.Append(c switch
            {
                '(' or ')' or '{' or '}' or '+' or '?' or '|' => "\\" + c,
                '*' when builder.Length == 0 => "\\*",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    // In a basic expression, \( \) \{ \} \+ \? \| are the operators and the plain characters literal.
    private static string BasicEscape(char next) => next switch
    {
        '(' or ')' or '{' or '}' or '+' or '?' or '|' => next.ToString(),
        >= '1' and <= '9' => "\\" + next,
        'n' => "\\n",
        _ => Regex.Escape(next.ToString()),
    };

    /// <summary>Appends the bracket expression that starts at <paramref name="start"/>; returns the index of its last character.</summary>
    private static int AppendBracket(string pattern, int start, StringBuilder builder)
    {
        var end = pattern.IndexOf(']', start + (start + 1 < pattern.Length && pattern[start + 1] is '^' or ']' ? 2 : 1));
        if (end < 0)
        {
            builder.Append("\\[");
            return start;
        }

        var set = pattern[(start + 1)..end];
        if (set.StartsWith("[:", StringComparison.Ordinal))
        {
            end = pattern.IndexOf(":]]", start, StringComparison.Ordinal);
            if (end < 0)
            {
                builder.Append("\\[");
                return start;
            }

            set = pattern[(start + 1)..(end + 2)];
            end += 2;
        }

        builder.Append('[').Append(set
            .Replace("[:alpha:]", "a-zA-Z", StringComparison.Ordinal)
            .Replace("[:digit:]", "0-9", StringComparison.Ordinal)
            .Replace("[:alnum:]", "a-zA-Z0-9", StringComparison.Ordinal)
            .Replace("[:upper:]", "A-Z", StringComparison.Ordinal)
            .Replace("[:lower:]", "a-z", StringComparison.Ordinal)
            .Replace("[:space:]", "\\s", StringComparison.Ordinal)
            .Replace("\\", "\\\\", StringComparison.Ordinal)).Append(']');
        return end;
    }
}
