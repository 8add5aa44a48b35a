using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// Where the text a parser reads lies in the script: the whole of it, or a window (<see cref="WindowedParse"/>) that
/// starts at <paramref name="offset"/>, on line <paramref name="line"/> at column <paramref name="column"/> (both 1-based,
/// as <see cref="SourceText.GetLinePosition"/> counts them), so that a window's diagnostics are located in the script.
/// </summary>
internal sealed class TextPlacement(string? path, SourceText text, int offset, int line, int column)
{
    /// <summary>The parser reads the whole script.</summary>
    public static TextPlacement Whole(string? path, SourceText text) => new(path, text, 0, 1, 1);

    /// <summary>Where the parser's text starts in the script, in characters.</summary>
    public int Offset => offset;

    /// <summary>The location in the script of the parser's characters <paramref name="start"/> to <paramref name="end"/>.</summary>
    public Location Locate(int start, int end)
        => new(path, TextSpan.FromBounds(offset + start, offset + end), PositionOf(start), PositionOf(end));

    // The line and column in the script of the parser's character at `position`.
    private LinePosition PositionOf(int position)
    {
        var inText = text.GetLinePosition(position);
        return inText.Line == 1
            ? new LinePosition(line, column + inText.Column - 1)
            : new LinePosition(line + inText.Line - 1, inText.Column);
    }
}
