namespace ConfigConvert.CSources;

/// <summary>
/// What the text scans read in a file's bytes before they are decoded (<see cref="DefinitionScan"/>,
/// <see cref="UnterminatedScan"/>, <see cref="CSourceFile.MayAssignIdentifier"/>): what they look for is ASCII, which
/// UTF-8 and Latin-1 hold as it is, and no byte of a UTF-8 sequence is ASCII.
/// </summary>
internal static class AsciiScan
{
    /// <summary>
    /// A byte of an identifier the scans read: ASCII only. Taking a byte past ASCII for no part of an identifier lets
    /// more texts match, and each scan then reads such a byte as what it cannot tell (a letter of a name, or a byte
    /// order mark, which the tokenizer skips as blank), leaving the file to the tokenizer.
    /// </summary>
    public static bool IsIdentifierPart(byte b) => b < 0x80 && CTokenizer.IsIdentifierPart(b);

    /// <summary>True when no identifier byte the scans read touches <c>[start, end)</c> on either side.</summary>
    public static bool IsWholeIdentifier(ReadOnlySpan<byte> text, int start, int end)
        => (start == 0 || !IsIdentifierPart(text[start - 1])) && (end == text.Length || !IsIdentifierPart(text[end]));

    /// <summary>The first occurrence of <paramref name="sought"/> at or after <paramref name="from"/>, or -1.</summary>
    public static int IndexOf(ReadOnlySpan<byte> text, ReadOnlySpan<byte> sought, int from)
        => text[from..].IndexOf(sought) is var found and >= 0 ? from + found : -1;

    /// <summary>The next occurrence of <paramref name="sought"/> after the one at <paramref name="at"/>, or -1.</summary>
    public static int NextIndexOf(ReadOnlySpan<byte> text, ReadOnlySpan<byte> sought, int at) => IndexOf(text, sought, at + 1);

    /// <summary>Past what the tokenizer skips as blank, apart from U+FEFF: its bytes are past ASCII, and not read.</summary>
    public static int SkipBlanks(ReadOnlySpan<byte> text, int position)
    {
        while (position < text.Length && text[position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'\v')
        {
            position++;
        }

        return position;
    }
}
