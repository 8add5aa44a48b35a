using System.Text;

namespace ConfigConvert.Cli.Output;

/// <summary>
/// A path in a diff's <c>---</c> / <c>+++</c> header, as git writes and reads it. A path holding a double quote,
/// a backslash, a control character or any non-ASCII character is written in double quotes with C's escapes, each
/// byte of a non-ASCII character in octal (<c>"b/m\n1/config"</c>, <c>"a/\303\251/config"</c>), as git does by
/// default (<c>core.quotePath</c>), so that the header stays one line and <c>git apply</c> finds the file; any other
/// path is written as it is.
/// </summary>
internal static class DiffHeaderPath
{
    /// <summary>
    /// The header field for <paramref name="path"/>: <c>a/x/config</c>, or quoted as git quotes it; followed by a tab
    /// when the path holds a space, as git writes it, so that <c>patch</c> does not end the name at the space.
    /// </summary>
    public static string Write(string path)
    {
        var end = path.Contains(' ', StringComparison.Ordinal) ? "\t" : string.Empty;
        if (!path.Any(NeedsQuoting))
        {
            return path + end;
        }

        var builder = new StringBuilder(path.Length + 8).Append('"');
        foreach (var rune in path.EnumerateRunes())
        {
            AppendEscaped(builder, rune);
        }

        return builder.Append('"').Append(end).ToString();
    }

    /// <summary>
    /// The path a header field names: a quoted field unquoted, with octal escapes read as UTF-8 bytes (git writes every
    /// byte of a non-ASCII name so by default); an unquoted one up to a tab (a timestamp may follow).
    /// </summary>
    public static string Read(string field)
    {
        if (!field.StartsWith('"'))
        {
            return field.Split('\t')[0];
        }

        // Escapes are ASCII, and no byte of a multi-byte UTF-8 character is a quote or a backslash: unescaped byte by byte.
        var raw = Encoding.UTF8.GetBytes(field);
        var bytes = new List<byte>(raw.Length);
        for (var i = 1; i < raw.Length && raw[i] != '"'; i++)
        {
            if (raw[i] != '\\' || i + 1 >= raw.Length)
            {
                bytes.Add(raw[i]);
                continue;
            }

            i++;
            if (IsOctal(raw, i))
            {
                bytes.Add((byte)(((raw[i] - '0') << 6) | ((raw[i + 1] - '0') << 3) | (raw[i + 2] - '0')));
                i += 2;
                continue;
            }

            bytes.Add((byte)Unescape((char)raw[i]));
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>What git quotes by default (<c>core.quotePath</c>): quotes, backslashes, control characters, and every non-ASCII character.</summary>
    private static bool NeedsQuoting(char c) => c is '"' or '\\' || c < ' ' || c >= '\x7f';

    private static void AppendEscaped(StringBuilder builder, Rune rune)
    {
        if (rune.Value is >= ' ' and < 0x7f)
        {
            builder.Append(rune.Value switch { '"' => "\\\"", '\\' => "\\\\", _ => ((char)rune.Value).ToString() });
            return;
        }

        if (rune.Value is >= 7 and <= 13)
        {
            builder.Append('\\').Append("abtnvfr"[rune.Value - 7]);
            return;
        }

        Span<byte> utf8 = stackalloc byte[4];
        foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
        {
            builder.Append('\\').Append((char)('0' + (b >> 6))).Append((char)('0' + ((b >> 3) & 7))).Append((char)('0' + (b & 7)));
        }
    }

    private static char Unescape(char c) => c switch
    {
        'a' => '\a',
        'b' => '\b',
        't' => '\t',
        'n' => '\n',
        'v' => '\v',
        'f' => '\f',
        'r' => '\r',
        _ => c,
    };

    private static bool IsOctal(byte[] raw, int at)
        => at + 2 < raw.Length && raw[at] is >= (byte)'0' and <= (byte)'3' && raw[at + 1] is >= (byte)'0' and <= (byte)'7' && raw[at + 2] is >= (byte)'0' and <= (byte)'7';
}
