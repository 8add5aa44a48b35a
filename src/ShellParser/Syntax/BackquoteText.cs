using System.Text;

namespace ConfigConvert.ShellParser;

/// <summary>The text between backquotes as the shell reads it: one level of backslash escaping removed.</summary>
internal static class BackquoteText
{
    /// <summary>
    /// Removes the backslash before <c>$</c>, a backquote, a backslash (and <c>"</c> when the substitution
    /// is inside double quotes), drops backslash-newline, and returns for each character of the result
    /// its offset in <paramref name="raw"/> so diagnostics point into the original text.
    /// </summary>
    /// <remarks>The offsets are null when nothing was removed: each character is then where it was.</remarks>
    public static (string Text, int[]? Offsets) Unescape(ReadOnlySpan<char> raw, bool insideDoubleQuotes)
    {
        if (!raw.Contains('\\'))
        {
            return (raw.ToString(), null);
        }

        var builder = new StringBuilder(raw.Length);
        var offsets = new List<int>(raw.Length + 1);
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '\\' && i + 1 < raw.Length)
            {
                var next = raw[i + 1];
                if (next == '\n')
                {
                    i++;
                    continue;
                }

                if (next is '$' or '`' or '\\' || (insideDoubleQuotes && next == '"'))
                {
                    offsets.Add(i + 1);
                    builder.Append(next);
                    i++;
                    continue;
                }
            }

            offsets.Add(i);
            builder.Append(c);
        }

        offsets.Add(raw.Length);
        return (builder.ToString(), offsets.ToArray());
    }
}
