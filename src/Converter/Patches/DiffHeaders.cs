using System.Collections.Immutable;
using ConfigConvert.Text;

namespace ConfigConvert.Converter.Patches;

/// <summary>
/// The file headers of a unified or context diff (<c>--- a/x</c> / <c>+++ b/x</c>, <c>*** x</c> /
/// <c>--- x</c>, <c>diff --git a/x b/x</c>), read the way <c>patch</c> finds the files it changes.
/// </summary>
internal static class DiffHeaders
{
    /// <summary>
    /// The files a diff changes, each with the span of its path in <paramref name="text"/>; null when the
    /// text is not a diff (no file header followed by a hunk).
    /// </summary>
    public static ImmutableArray<DiffPath>? Parse(string text)
    {
        var paths = ImmutableArray.CreateBuilder<DiffPath>();
        var hunks = 0;
        var lines = Lines(text).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var (start, line) = lines[i];
            if (line.StartsWith("@@ -", StringComparison.Ordinal) || line.StartsWith("***************", StringComparison.Ordinal))
            {
                hunks++;
            }
            else if (i + 1 < lines.Count && IsHeaderPair(line, lines[i + 1].Text))
            {
                // patch takes the name from the old file, unless it is /dev/null (a new file).
                var (nextStart, next) = lines[i + 1];
                var chosen = PathOf(line, start) is { } old && old.Path != "/dev/null" ? old : PathOf(next, nextStart);
                if (chosen is { } path && path.Path != "/dev/null")
                {
                    paths.Add(path);
                }

                i++;
            }
        }

        return hunks > 0 && paths.Count > 0 ? paths.ToImmutable() : null;
    }

    private static bool IsHeaderPair(string first, string second)
        => (first.StartsWith("--- ", StringComparison.Ordinal) && second.StartsWith("+++ ", StringComparison.Ordinal))
        || (first.StartsWith("*** ", StringComparison.Ordinal) && second.StartsWith("--- ", StringComparison.Ordinal));

    /// <summary>The path of a header line: after the marker, up to a tab (the timestamp) or the end.</summary>
    private static DiffPath? PathOf(string line, int lineStart)
    {
        var begin = 4;
        while (begin < line.Length && line[begin] == ' ')
        {
            begin++;
        }

        var end = line.IndexOf('\t', begin) is var tab and >= 0 ? tab : line.Length;
        while (end > begin && line[end - 1] is ' ' or '\r')
        {
            end--;
        }

        return end > begin ? new DiffPath(line[begin..end], new TextSpan(lineStart + begin, end - begin)) : null;
    }

    private static IEnumerable<(int Start, string Text)> Lines(string text)
    {
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Length;
            yield return (start, text[start..end]);
            start = end + 1;
        }
    }
}

/// <summary>A path named by a diff header, and where it is written in the diff.</summary>
internal readonly record struct DiffPath(string Path, TextSpan Span);
