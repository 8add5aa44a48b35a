using System.Buffers;
using System.Text;

namespace ConfigConvert.Text;

/// <summary>
/// The second pass of <see cref="TwoPassDecoding"/> as a reader: the bytes of a stream whose encoding the first pass
/// chose, decoded a chunk at a time as the reader is read, so that neither the bytes nor the text are ever held
/// whole. A stream that reads differently from the first pass (grown, shrunk, no longer valid UTF-8) makes a read
/// throw <see cref="InvalidDataException"/> (or <see cref="DecoderFallbackException"/>), for the caller to read the
/// file again, whole.
/// </summary>
internal sealed class DecodingReader : TextReader
{
    private const int ChunkBytes = TwoPassDecoding.ChunkBytes;

    private readonly Stream _stream;
    private readonly long _length;
    private readonly Decoder _decoder;
    private readonly bool _leaveOpen;
    private byte[]? _bytes = ArrayPool<byte>.Shared.Rent(ChunkBytes);
    private char[]? _chars = ArrayPool<char>.Shared.Rent(ChunkBytes + 4);
    private long _read;
    private int _charPosition;
    private int _charCount;
    private bool _flushed;

    public DecodingReader(Stream stream, long length, Encoding encoding, bool leaveOpen)
    {
        _stream = stream;
        _length = length;
        _decoder = encoding.GetDecoder();
        _leaveOpen = leaveOpen;
    }

    public override int Peek() => Fill() ? _chars![_charPosition] : -1;

    public override int Read() => Fill() ? _chars![_charPosition++] : -1;

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, _charCount - _charPosition);
        _chars.AsSpan(_charPosition, count).CopyTo(buffer);
        _charPosition += count;
        return count;
    }

    // TextReader's own ReadBlock of a span reads through a rented array as long as the span.
    public override int ReadBlock(Span<char> buffer)
    {
        var total = 0;
        for (int n; total < buffer.Length && (n = Read(buffer[total..])) > 0;)
        {
            total += n;
        }

        return total;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }

            if (_bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(_bytes);
                ArrayPool<char>.Shared.Return(_chars!);
                (_bytes, _chars) = (null, null);
            }
        }

        base.Dispose(disposing);
    }

    // True when a decoded character waits; decodes the next chunk when none does.
    private bool Fill()
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        while (_charPosition == _charCount && !_flushed)
        {
            var n = _stream.Read(_bytes, 0, ChunkBytes);
            _read += n;
            if (_read > _length)
            {
                throw new InvalidDataException("the stream grew after it was measured");
            }

            if (n == 0 && _read != _length)
            {
                throw new InvalidDataException("the stream shrank after it was measured");
            }

            _flushed = n == 0;
            _charCount = _decoder.GetChars(_bytes.AsSpan(0, n), _chars, flush: _flushed);
            _charPosition = 0;
        }

        return _charPosition < _charCount;
    }
}
