namespace ConfigConvert.ShellParser;

/// <summary>
/// Parses a script read from a <see cref="TextReader"/> a window at a time, so that neither its text nor its tree is
/// ever held whole (<c>SyntaxTree.ParseSegments(TextReader)</c>). A window ends with a line break that ends no line
/// continuation; a parser reads it as if it were the whole script, and hands out the segments that nothing after the
/// window could have changed (<c>Parser.IsSettled</c>). The next window starts where the last of them ended, with the
/// rest of the last window and more of the script, and a new parser that takes up the parse where that segment left it
/// (<see cref="Parser.Boundary"/>), with the tables of the parses before it (bounded: <see cref="ParseBuffers.Bound"/>).
/// A statement longer than a window is parsed again in a window at least twice as long, so it is parsed about twice in
/// all, plus the copies of its windows. A script whose every line ends in a line continuation has no place for a window
/// to end, and is read whole.
/// </summary>
internal static class WindowedParse
{
    /// <summary>The characters a window is filled to: its string stays in the young generation (under 85,000 bytes).</summary>
    internal const int DefaultWindowChars = 40 * 1024;

    public static IEnumerable<ScriptSegment> Segments(TextReader reader, string? path, int windowChars = DefaultWindowChars)
    {
        var input = new WindowInput(reader);
        var buffers = new ParseBuffers();
        var wanted = windowChars;
        Parser.Boundary? boundary = null;

        // The length of the last window, when it handed out nothing: the same window would hand out nothing again.
        var fruitless = 0;
        while (true)
        {
            var final = input.Fill(wanted);
            var length = final ? input.Count : input.WindowEnd();
            if (length <= fruitless && !final)
            {
                // No line break that can end a window, or none past the fruitless window's end: read on.
                wanted = Doubled(Math.Max(wanted, input.Count));
                continue;
            }

            buffers.Bound();
            var window = input.Take(length);
            var parser = Parser.ForWindow(window, buffers);
            input.ReportEncodingWarnings(parser, length);
            if (boundary is not null)
            {
                boundary.Value.ResumeIn(parser);
            }

            var consumed = 0;
            foreach (var segment in parser.Segments(input.Placement(path, window), isWindow: !final))
            {
                consumed += segment.FullWidth;
                yield return segment;
            }

            if (final)
            {
                yield break;
            }

            boundary = parser.LastBoundary ?? boundary;
            fruitless = consumed == 0 ? length : 0;
            wanted = parser.StoppedTooDeep ? int.MaxValue : consumed == 0 ? Doubled(Math.Max(wanted, length)) : windowChars;
            input.Consume(window, consumed);
        }
    }

    private static int Doubled(int wanted) => wanted > int.MaxValue / 2 ? int.MaxValue : wanted * 2;
}
