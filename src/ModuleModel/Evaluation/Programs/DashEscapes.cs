using System.Text;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// The backslash escapes of dash's <c>echo</c> and <c>printf</c> (its <c>conv_escape</c>):
/// <c>\\ \a \b \e \f \n \r \t \v</c> and up to three octal digits; any other backslash stands for itself.
/// </summary>
internal static class DashEscapes
{
    /// <summary>
    /// Escapes as <c>echo</c> and printf's <c>%b</c> read them: there octal is <c>\0NNN</c> (or <c>\NNN</c>),
    /// and <c>\c</c> ends all output; <paramref name="stop"/> says it was met.
    /// </summary>
    public static string ExpandEcho(string text, out bool stop)
    {
        var builder = new StringBuilder(text.Length);
        stop = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            if (text[i + 1] == 'c')
            {
                stop = true;
                break;
            }

            // \0 before an octal digit only introduces the number.
            var next = text[i + 1] == '0' && i + 2 < text.Length && IsOctal(text[i + 2]) ? i + 2 : i + 1;
            i = AppendEscape(text, next, builder) - 1;
        }

        return builder.ToString();
    }

    /// <summary>
    /// Appends the escape whose first character (after the backslash) is at <paramref name="start"/>;
    /// returns the index after it. An unknown escape appends the backslash alone: the character that
    /// follows is then read as ordinary text.
    /// </summary>
    public static int AppendEscape(string text, int start, StringBuilder builder)
    {
        if (start >= text.Length)
        {
            builder.Append('\\');
            return start;
        }

        if (IsOctal(text[start]))
        {
            var end = start;
            var value = 0;
            while (end < text.Length && end < start + 3 && IsOctal(text[end]))
            {
                value = (value * 8) + (text[end++] - '0');
            }

            builder.Append((char)(value & 0xFF));
            return end;
        }

        char? escaped = text[start] switch
        {
            '\\' => '\\',
            'a' => '\a',
            'b' => '\b',
            'e' => '\x1b',
            'f' => '\f',
            'n' => '\n',
            'r' => '\r',
            't' => '\t',
            'v' => '\v',
            _ => null,
        };
        builder.Append(escaped ?? '\\');
        return escaped is null ? start : start + 1;
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';
}
