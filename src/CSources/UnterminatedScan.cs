using System.Buffers;

namespace ConfigConvert.CSources;

/// <summary>
/// A quick proof that <see cref="CTokenizer.HasUnterminated"/> finds nothing: a string or character literal, or a
/// block comment, without its closing delimiter. It reads only quotes, slashes and what they open, skipping
/// the rest of the text by a vectorized search, so that the many files no rule reads are settled in a
/// fraction of a tokenizer's run. It reads the file's bytes, before they are decoded: what it looks for is
/// ASCII, which UTF-8 and Latin-1 hold as it is, and no byte of a UTF-8 sequence is ASCII.
/// </summary>
/// <remarks>
/// It may fail to prove it where the tokenizer finds nothing, never the other way; then the caller asks the
/// tokenizer. Every line is read as code: a quote in a preprocessor line is scanned as the tokenizer scans
/// it (to its closing quote or the end of the line), but only in code does the tokenizer flag one left
/// open, so reading directives as code can only add findings. What this does not read the tokenizer's way
/// is left to the tokenizer: C++ files (a digit separator is a quote inside a number) and texts where a raw
/// string may open (it holds quotes and line breaks).
/// </remarks>
internal static class UnterminatedScan
{
    private static readonly SearchValues<byte> Openers = SearchValues.Create("\"'/"u8);
    private static readonly SearchValues<byte> InDoubleQuotes = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> InSingleQuotes = SearchValues.Create("'\\\n"u8);

    /// <summary>True when no literal or block comment of <paramref name="text"/> can be open; false when one may be.</summary>
    public static bool ProvesNone(ReadOnlySpan<byte> text, bool cpp)
    {
        if (cpp || MayOpenRawString(text))
        {
            return false;
        }

        var position = 0;
        while (true)
        {
            var found = text[position..].IndexOfAny(Openers);
            if (found < 0)
            {
                return true;
            }

            var at = position + found;
            var next = text[at] == '/' ? SkipSlash(text, at) : SkipQuoted(text, at);
            if (next < 0)
            {
                return false;
            }

            position = next;
        }
    }

    /// <summary>
    /// True when some <c>R"</c> may open a raw string: the tokenizer takes one for an identifier that is exactly a raw
    /// prefix (<c>R</c>, <c>LR</c>, <c>uR</c>, <c>UR</c>, <c>u8R</c>) right before a quote. A longer identifier ending
    /// in <c>R</c> (<c>"ERROR"</c>, the commonest <c>R"</c> of C code) opens none; what precedes a prefix that this
    /// does not read (a byte past ASCII, a backslash-newline) counts as where the identifier may start.
    /// </summary>
    private static bool MayOpenRawString(ReadOnlySpan<byte> text)
    {
        for (var at = text.IndexOf("R\""u8); at >= 0; at = AsciiScan.NextIndexOf(text, "R\""u8, at))
        {
            var start = at;
            while (start > 0 && at - start < 3 && AsciiScan.IsIdentifierPart(text[start - 1]))
            {
                start--;
            }

            if (at - start < 3 && text[start..at] is [] or [(byte)'L'] or [(byte)'u'] or [(byte)'U'] or [(byte)'u', (byte)'8'])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Past a comment that starts at the slash, or past the slash; -1 for a block comment left open.</summary>
    private static int SkipSlash(ReadOnlySpan<byte> text, int slash)
    {
        var second = CTokenizer.SkipContinuations(text, slash + 1, text.Length);
        if (second >= text.Length)
        {
            return text.Length;
        }

        return text[second] switch
        {
            (byte)'*' => CTokenizer.EndOfBlockComment(text, second + 1, text.Length),
            (byte)'/' => CTokenizer.EndOfLineComment(text, slash, text.Length),
            _ => slash + 1,
        };
    }

    /// <summary>Past the literal that opens at <paramref name="open"/>; -1 when the line or the text ends first.</summary>
    private static int SkipQuoted(ReadOnlySpan<byte> text, int open)
    {
        var quote = text[open];
        var stops = quote == '"' ? InDoubleQuotes : InSingleQuotes;
        var p = open + 1;
        while (true)
        {
            var found = text[p..].IndexOfAny(stops);
            if (found < 0)
            {
                return -1;
            }

            var at = p + found;
            var c = text[at];
            if (c == quote)
            {
                return at + 1;
            }

            if (c == '\n')
            {
                return -1;
            }

            var continuation = CTokenizer.ContinuationLength(text, at, text.Length);
            if (continuation > 0)
            {
                p = at + continuation;
                continue;
            }

            // An escape: the character after the backslash (continuations skipped) is taken whatever it is, but a
            // line break still ends the literal.
            var escaped = CTokenizer.SkipContinuations(text, at + 1, text.Length);
            if (escaped >= text.Length || text[escaped] == '\n')
            {
                return -1;
            }

            p = escaped + 1;
        }
    }
}
