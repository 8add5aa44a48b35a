using System.Text;

namespace ConfigConvert.Text;

/// <summary>
/// The text of a script together with how it was stored on disk, so that it can be written back
/// byte for byte, and a line map for turning positions into lines and columns.
/// </summary>
public sealed class SourceText
{
    /// <summary>UTF-8 that refuses invalid bytes rather than replacing them, and writes no byte order mark of its own.</summary>
    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private int[]? _lineStarts;

    private SourceText(string text, SourceEncoding encoding)
    {
        Text = text;
        Encoding = encoding;
    }

    /// <summary>The characters of the script. A byte order mark, when present, is its first character.</summary>
    public string Text { get; }

    /// <summary>How the bytes were decoded; <see cref="GetBytes()"/> uses the same to encode them again.</summary>
    public SourceEncoding Encoding { get; }

    /// <summary>Wraps a string that did not come from bytes (it encodes as UTF-8).</summary>
    public static SourceText From(string text) => new(text, SourceEncoding.Utf8);

    /// <summary>
    /// Decodes bytes so that <see cref="GetBytes()"/> gives them back unchanged: valid UTF-8 (with or
    /// without a byte order mark) is decoded as UTF-8; anything else as Latin-1, one character per byte,
    /// because shell scripts are byte strings and a converter must not lose a single byte of them.
    /// </summary>
    public static SourceText From(ReadOnlySpan<byte> bytes)
    {
        try
        {
            // GetString keeps a leading EF BB BF as U+FEFF, so the mark round-trips as text.
            return new SourceText(StrictUtf8.GetString(bytes), SourceEncoding.Utf8);
        }
        catch (DecoderFallbackException)
        {
            return new SourceText(System.Text.Encoding.Latin1.GetString(bytes), SourceEncoding.Latin1);
        }
    }

    /// <summary>Text decoded elsewhere from bytes by the rule of <see cref="From(ReadOnlySpan{byte})"/> (<see cref="TwoPassDecoding"/>).</summary>
    internal static SourceText FromDecoded(string text, SourceEncoding encoding) => new(text, encoding);

    /// <summary>Returns the text encoded as it was read.</summary>
    public byte[] GetBytes() => GetBytes(Text);

    /// <summary>Encodes another text (for example a converted script) the way this one was read.</summary>
    public byte[] GetBytes(string text) => Encoding == SourceEncoding.Latin1 && CanEncodeAsLatin1(text)
        ? System.Text.Encoding.Latin1.GetBytes(text)
        : StrictUtf8.GetBytes(text);

    /// <summary>Returns a new source text with the same encoding and different characters.</summary>
    public SourceText WithText(string text) => new(text, Encoding == SourceEncoding.Latin1 && !CanEncodeAsLatin1(text) ? SourceEncoding.Utf8 : Encoding);

    /// <summary>Turns a 0-based character position into a 1-based line and column.</summary>
    public LinePosition GetLinePosition(int position)
    {
        var starts = LineStarts;
        position = Math.Clamp(position, 0, Text.Length);
        var line = Array.BinarySearch(starts, position);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line + 1, position - starts[line] + 1);
    }

    /// <summary>The 0-based positions at which lines begin (after LF; a CR before it belongs to the line).</summary>
    public IReadOnlyList<int> Lines => LineStarts;

    private int[] LineStarts => _lineStarts ??= ComputeLineStarts(Text);

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return starts.ToArray();
    }

    private static bool CanEncodeAsLatin1(string text)
    {
        foreach (var c in text)
        {
            if (c > '\u00FF')
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>How a <see cref="SourceText"/> was decoded from bytes.</summary>
public enum SourceEncoding
{
    /// <summary>Valid UTF-8, possibly with a byte order mark (kept as the first character).</summary>
    Utf8,

    /// <summary>Not valid UTF-8: one character per byte, so every byte survives a round trip.</summary>
    Latin1,
}
