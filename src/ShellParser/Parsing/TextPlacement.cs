using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// Where the text a parser reads lies in the script: the whole of it, or a window (<see cref="WindowedParse"/>) that
/// starts at <paramref name="offset"/>, on line <paramref name="line"/> at column <paramref name="column"/> (both 1-based,
/// as <see cref="SourceText.GetLinePosition"/> counts them), so that a window's diagnostics are located in the script.
/// </summary>
internal sealed class TextPlacement(string? path, string text, int offset, int line, int column)
{
    private int[]? _lineBreaks;

    /// <summary>The parser reads the whole script.</summary>
    public static TextPlacement Whole(string? path, string text) => new(path, text, 0, 1, 1);

    /// <summary>Where the parser's text starts in the script, in characters.</summary>
    public int Offset => offset;

    /// <summary>The location in the script of the parser's characters <paramref name="start"/> to <paramref name="end"/>.</summary>
    public Location Locate(int start, int end)
        => new(path, TextSpan.FromBounds(offset + start, offset + end), Position(start), Position(end));

    private LinePosition Position(int position)
    {
        position = Math.Clamp(position, 0, text.Length);
        var breaks = _lineBreaks ??= LineBreaks(text);

        // The number of line breaks before the position, and the last of them.
        var before = Array.BinarySearch(breaks, position);
        before = before < 0 ? ~before : before;
        return before == 0
            ? new LinePosition(line, column + position)
            : new LinePosition(line + before, position - breaks[before - 1]);
    }

    private static int[] LineBreaks(string text)
    {
        var breaks = new List<int>();
        for (var i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1))
        {
            breaks.Add(i);
        }

        return [.. breaks];
    }
}
