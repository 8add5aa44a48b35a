using ConfigConvert.Diagnostics;

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

    /// <summary>The characters a window of the parser is filled to after the scan stopped at a statement: it parses little more than that statement.</summary>
    internal const int ParsedWindowChars = 4 * 1024;

    public static IEnumerable<ScriptSegment> Segments(TextReader reader, string? path, int windowChars = DefaultWindowChars)
        => Segments(new WindowInput(reader), path, new ParseBuffers(), windowChars, restAfter: null);

    /// <summary>
    /// The diagnostics of the script, those of <see cref="Segments(TextReader, string?, int)"/> in the same order. The
    /// statements that a <see cref="CleanScan"/> proves free of diagnostics are not parsed; from a statement it cannot
    /// prove, the parser takes over, with small windows, until it hands out a segment after which it is at rest
    /// (<see cref="Parser.Boundary.IsAtRest"/>), where the scan takes up again. Where the scan keeps stopping soon
    /// after it took up, the parser is left longer runs, so that a script of statements the scan does not follow costs
    /// about what its parse costs.
    /// </summary>
    public static IEnumerable<Diagnostic> Diagnostics(TextReader reader, string? path, int windowChars = DefaultWindowChars, int parsedWindowChars = ParsedWindowChars)
    {
        var input = new WindowInput(reader);
        ParseBuffers? buffers = null;
        var restAfter = 0;
        while (!ScannedToTheEnd(input, windowChars, out var scanned))
        {
            // The scan proved little before it stopped again: leave the parser twice as long a run as the last (up to
            // 64 windows); after a good stretch of scanning, the parser stops at its first rest.
            restAfter = scanned >= parsedWindowChars / 4 ? 0 : Math.Min(Math.Max(restAfter * 2, parsedWindowChars), 64 * windowChars);
            buffers ??= new ParseBuffers();
            foreach (var segment in Segments(input, path, buffers, restAfter == 0 ? parsedWindowChars : windowChars, restAfter))
            {
                foreach (var diagnostic in segment.Diagnostics)
                {
                    yield return diagnostic;
                }
            }
        }
    }

    /// <summary>
    /// Consumes the statements the scan proves clean: true when they reach the script's end, false at a statement for
    /// the parser; <paramref name="scanned"/> is how many characters it consumed.
    /// </summary>
    private static bool ScannedToTheEnd(WindowInput input, int windowChars, out int scanned)
    {
        scanned = 0;
        var wanted = windowChars;
        while (true)
        {
            var ended = input.Fill(wanted);
            var length = ended ? input.Count : input.WindowEnd();
            if (length == 0 && !ended)
            {
                wanted = Doubled(Math.Max(wanted, input.Count));
                continue;
            }

            var (verdict, consumed) = CleanScan.Scan(input.Waiting(length), isWhole: ended);
            input.Consume(consumed);
            scanned += consumed;
            switch (verdict)
            {
                case CleanScan.Verdict.Clean:
                    return true;
                case CleanScan.Verdict.Unsure:
                    return false;
                default:
                    // A statement longer than the window is scanned again in a window at least twice as long.
                    wanted = consumed == 0 ? Doubled(Math.Max(wanted, input.Count)) : windowChars;
                    break;
            }
        }
    }

    /// <summary>
    /// The segments of the rest of the script, or, with <paramref name="restAfter"/>, those up to the first after which
    /// the parser is at rest having parsed at least that many characters, before the script's end.
    /// </summary>
    private static IEnumerable<ScriptSegment> Segments(WindowInput input, string? path, ParseBuffers buffers, int windowChars, int? restAfter)
    {
        var untilAtRest = restAfter is not null;
        var parsed = 0;
        var wanted = windowChars;
        Parser.Boundary? boundary = null;

        // The length of the last window, when it handed out nothing: the same window would hand out nothing again.
        var fruitless = 0;
        while (true)
        {
            // The input may hold more than a window's worth already, read for the scan: a window is cut from it.
            var most = untilAtRest ? wanted : int.MaxValue;
            var ended = input.Fill(wanted);
            var final = ended && input.Count <= most;
            var length = final ? input.Count : input.WindowEnd(most);
            if (length <= fruitless && !final)
            {
                // No line break that can end a window, or none past the fruitless window's end: read on.
                wanted = Doubled(Math.Max(wanted, Math.Min(input.Count, most)));
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
                if (untilAtRest && parsed + consumed >= restAfter && parser.LastBoundary is { IsAtRest: true })
                {
                    input.Consume(consumed);
                    yield break;
                }
            }

            if (final)
            {
                input.Consume(length);
                yield break;
            }

            boundary = parser.LastBoundary ?? boundary;
            fruitless = consumed == 0 ? length : 0;
            wanted = parser.StoppedTooDeep ? int.MaxValue : consumed == 0 ? Doubled(Math.Max(wanted, length)) : windowChars;
            input.Consume(consumed);
            parsed += consumed;
        }
    }

    private static int Doubled(int wanted) => wanted > int.MaxValue / 2 ? int.MaxValue : wanted * 2;
}
