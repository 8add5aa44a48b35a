using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// The characters of a script read but not yet parsed into handed-out segments, for <see cref="WindowedParse"/>: where
/// they start in the script (position, line, column), and the script's <see cref="EncodingWarnings"/>, found as the
/// characters are read.
/// </summary>
internal sealed class WindowInput(TextReader reader)
{
    private const int InitialChars = 16 * 1024;

    private char[] _buffer = new char[InitialChars];
    private bool _ended;
    private int _offset;
    private int _line = 1;
    private int _column = 1;
    private readonly EncodingWarnings _encodingWarnings = new();

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

            _encodingWarnings.Find(_buffer.AsSpan(Count, read));
            Count += read;
        }

        return _ended;
    }

    /// <summary>
    /// The length of the longest window, of at most <paramref name="most"/> characters, that the characters read can
    /// give: to just after their last line break that ends no line continuation (a backslash before it may be
    /// escaped, but then an earlier line break serves); 0 when none.
    /// </summary>
    public int WindowEnd(int most = int.MaxValue)
    {
        var text = _buffer.AsSpan(0, Math.Min(Count, most));
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

    /// <summary>The first <paramref name="length"/> characters waiting, in place, valid until the next read or consumption.</summary>
    public ReadOnlySpan<char> Waiting(int length) => _buffer.AsSpan(0, length);

    /// <summary>Where a window taken now lies in the script.</summary>
    public TextPlacement Placement(string? path, string window) => new(path, SourceText.From(window), _offset, _line, _column);

    /// <summary>Reports to the window's parser the encoding warnings that fall inside the window.</summary>
    public void ReportEncodingWarnings(Parser parser, int length) => _encodingWarnings.ReportTo(parser, _offset, length);

    /// <summary>Drops the first <paramref name="consumed"/> characters waiting, parsed or scanned.</summary>
    public void Consume(int consumed)
    {
        // Counted here rather than asked of the window's placement, whose line map would cost a pass over every window.
        var done = _buffer.AsSpan(0, consumed);
        var lineBreaks = done.Count('\n');
        (_line, _column) = lineBreaks == 0 ? (_line, _column + consumed) : (_line + lineBreaks, consumed - done.LastIndexOf('\n'));
        _offset += consumed;
        Count -= consumed;
        Array.Copy(_buffer, consumed, _buffer, 0, Count);

        // After a statement many windows long, the buffer shrinks back to what windows need.
        if (_buffer.Length > 4 * InitialChars && Count < _buffer.Length / 4)
        {
            Array.Resize(ref _buffer, _buffer.Length / 2);
        }
    }
}
