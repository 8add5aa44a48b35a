using System.Buffers;
using System.Text;

namespace ConfigConvert.Text;

/// <summary>
/// Decodes a seekable stream as <see cref="SourceText.From(ReadOnlySpan{byte})"/> decodes bytes, without holding the
/// bytes whole: a first pass over a small buffer counts the characters (and finds whether the bytes are valid UTF-8),
/// a second decodes them straight into a string of that length. Where the first touch of a fresh page is dear (about
/// 16 µs on the machine of docs/performance.md), holding a 10 MB script's bytes cost about 20 ms of its parse.
/// </summary>
internal static class TwoPassDecoding
{
    /// <summary>How many bytes each pass reads at a time (the second in <see cref="DecodingReader"/>).</summary>
    internal const int ChunkBytes = 64 * 1024;

    /// <summary>The text of the <paramref name="length"/> bytes of <paramref name="stream"/>, or null when it read differently the second time (it changed meanwhile).</summary>
    public static SourceText? Decode(Stream stream, long length)
    {
        try
        {
            var (encoding, count) = ChooseEncoding(stream, length);
            using var reader = new DecodingReader(stream, length, encoding, leaveOpen: true);
            var text = string.Create(checked((int)count), reader, static (characters, reader) =>
            {
                if (reader.ReadBlock(characters) != characters.Length || reader.Peek() >= 0)
                {
                    throw new InvalidDataException("the stream changed between the two passes");
                }
            });
            return SourceText.FromDecoded(text, encoding == Encoding.Latin1 ? SourceEncoding.Latin1 : SourceEncoding.Utf8);
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            // Grown, shrunk, or no longer valid UTF-8: read again, whole.
            return null;
        }
    }

    /// <summary>
    /// A reader of the text of the <paramref name="length"/> bytes of <paramref name="stream"/>, which it takes over: the
    /// first pass chooses the encoding, and the reader decodes the second as it is read (<see cref="DecodingReader"/>).
    /// Null when the stream changed while the first pass read it.
    /// </summary>
    public static TextReader? OpenReader(Stream stream, long length)
    {
        try
        {
            return new DecodingReader(stream, length, ChooseEncoding(stream, length).Encoding, leaveOpen: false);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    // The first pass: the encoding of SourceText.From's rule, and the number of characters the bytes decode to; the
    // stream is left at its start for the second.
    private static (Encoding Encoding, long Characters) ChooseEncoding(Stream stream, long length)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var utf8Characters = CountUtf8Characters(stream, buffer, length);
            stream.Position = 0;
            return utf8Characters is { } characters ? (SourceText.StrictUtf8, characters) : (Encoding.Latin1, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The number of UTF-16 characters the bytes decode to, or null when they are not valid UTF-8. They are decoded into
    // a small buffer used again and again: Decoder.GetCharCount leaves the decoder as it was, so a character cut by
    // the end of a chunk would be counted as invalid.
    private static long? CountUtf8Characters(Stream stream, byte[] buffer, long length)
    {
        var decoder = SourceText.StrictUtf8.GetDecoder();
        var scratch = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
        var (characters, read) = (0L, 0L);
        try
        {
            for (int n; (n = stream.Read(buffer, 0, ChunkBytes)) > 0; read += n)
            {
                characters += decoder.GetChars(buffer.AsSpan(0, n), scratch, flush: false);
            }

            characters += decoder.GetChars([], scratch, flush: true);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(scratch);
        }

        return read == length ? characters : throw new InvalidDataException("the stream changed while it was measured");
    }
}
