using ConfigConvert.Diagnostics;

namespace ConfigConvert.ShellParser;

/// <summary>
/// The characters of a script read but not yet parsed into handed-out segments, for <see cref="WindowedParse"/>: where
/// they start in the script (position, line, column), and the encoding warnings of the whole script, which are found
/// as the characters are read because each names the first place of its kind.
/// </summary>
internal sealed class WindowInput(TextReader reader)
{
    private const int InitialChars = 16 * 1024;

    private char[] _buffer = new char[InitialChars];
    private bool _ended;
    private int _offset;
    private int _line = 1;
    private int _column = 1;

    // Where the script's byte order mark, first NUL and first CR LF are, once read; -1 before.
    private int _byteOrderMark = -1;
    private int _firstNul = -1;
    private int _firstCarriageReturn = -1;
    private char _lastRead;

    /// <summary>The characters read and not yet consumed.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// Reads until <paramref name="wanted"/> characters wait or the script ends; true when it ended. It reads no more
    /// than it wants, so that a window stays as long as it was meant to be (a string of the default window's length
    /// is not a large object, which only a full collection would free).
    /// </summary>
    public bool Fill(int wanted)
    {
        while (Count < wanted && !_ended)
        {
            if (Count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = reader.Read(_buffer, Count, Math.Min(_buffer.Length, wanted) - Count);
            if (read == 0)
            {
                _ended = true;
                break;
            }

            FindEncodingWarnings(Count, read);
            Count += read;
        }

        return _ended;
    }

    /// <summary>
    /// The length of the longest window the characters read can give: to just after their last line break that ends
    /// no line continuation (a backslash before it may be escaped, but then an earlier line break serves); 0 when none.
    /// </summary>
    public int WindowEnd()
    {
        var text = _buffer.AsSpan(0, Count);
        for (var end = text.LastIndexOf('\n'); end >= 0; end = text[..end].LastIndexOf('\n'))
        {
            if (end == 0 || text[end - 1] != '\\')
            {
                return end + 1;
            }
        }

        return 0;
    }

    /// <summary>The first <paramref name="length"/> characters waiting, as a window.</summary>
    public string Take(int length) => new(_buffer, 0, length);

    /// <summary>Where a window taken now lies in the script.</summary>
    public TextPlacement Placement(string? path, string window) => new(path, window, _offset, _line, _column);

    /// <summary>Reports to the window's parser the encoding warnings that fall inside the window.</summary>
    public void ReportEncodingWarnings(Parser parser, int length)
    {
        Report(_byteOrderMark, SyntaxDiagnostics.ByteOrderMark);
        Report(_firstNul, SyntaxDiagnostics.NulByte);
        Report(_firstCarriageReturn, SyntaxDiagnostics.CarriageReturn);

        void Report(int position, DiagnosticDescriptor descriptor)
        {
            if (position >= _offset && position < _offset + length)
            {
                parser.ReportEncodingWarning(descriptor, position - _offset);
            }
        }
    }

    /// <summary>Drops the first <paramref name="consumed"/> characters of <paramref name="window"/>, handed out in segments.</summary>
    public void Consume(string window, int consumed)
    {
        var done = window.AsSpan(0, consumed);
        var lineBreaks = done.Count('\n');
        var lastBreak = done.LastIndexOf('\n');
        (_line, _column) = lineBreaks == 0 ? (_line, _column + consumed) : (_line + lineBreaks, consumed - lastBreak);
        _offset += consumed;
        Count -= consumed;
        Array.Copy(_buffer, consumed, _buffer, 0, Count);

        // After a statement many windows long, the buffer shrinks back to what windows need.
        if (_buffer.Length > 4 * InitialChars && Count < _buffer.Length / 4)
        {
            Array.Resize(ref _buffer, _buffer.Length / 2);
        }
    }

    // The warnings of Parser.ReportEncodingWarnings, for the whole script: a byte order mark as its first character,
    // its first NUL, and its first CR LF, which may straddle two reads.
    private void FindEncodingWarnings(int start, int count)
    {
        var read = _buffer.AsSpan(start, count);
        var position = _offset + start;
        if (position == 0 && read[0] == '\uFEFF')
        {
            _byteOrderMark = 0;
        }

        if (_firstNul < 0 && read.IndexOf('\0') is var nul and >= 0)
        {
            _firstNul = position + nul;
        }

        if (_firstCarriageReturn < 0)
        {
            _firstCarriageReturn = _lastRead == '\r' && read[0] == '\n' ? position - 1
                : read.IndexOf("\r\n") is var cr and >= 0 ? position + cr : -1;
        }

        _lastRead = read[^1];
    }
}
