using System.Collections.Immutable;
using System.Text;
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
                var (nextStart, next) = lines[i + 1];
                if (Chosen(PathOf(line, start), PathOf(next, nextStart)) is { } path)
                {
                    paths.Add(path);
                }

                i++;
            }
        }

        return hunks > 0 && paths.Count > 0 ? paths.ToImmutable() : null;
    }

    /// <summary>
    /// Of the old and the new name, the one patch works on, as GNU patch's <c>best_name</c> picks it where it cannot look
    /// at nginx's tree: the fewest directories, then the shortest file name, then the old one. A backup's name
    /// (<c>--- x.c.orig</c> before <c>+++ x.c</c>) so gives way to the file's. patch then prefers the shorter path, but
    /// that depends on the <c>-p</c> it is given (<c>nginx-1.22.1.orig/</c> against <c>nginx-1.22.1/</c> ties under
    /// <c>-p1</c>), and both name the same file of nginx's. <c>/dev/null</c> (a file created or deleted) is no name.
    /// </summary>
    private static DiffPath? Chosen(DiffPath? old, DiffPath? @new)
    {
        var names = new[] { old, @new }.OfType<DiffPath>().Where(p => p.Path != "/dev/null").ToList();
        return names.Count == 0 ? null : names.MinBy(p => (Directories(p.Path), FileNameLength(p.Path)));
    }

    /// <summary>patch's <c>prefix_components</c>: the slashes that end a directory name (not the first character, not doubled).</summary>
    private static int Directories(string path)
    {
        var count = 0;
        for (var i = 1; i < path.Length; i++)
        {
            if (path[i] == '/' && path[i - 1] != '/')
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>patch's <c>base_len</c>: the length of the last component, trailing slashes aside.</summary>
    private static int FileNameLength(string path) => Path.GetFileName(path.TrimEnd('/')).Length;

    private static bool IsHeaderPair(string first, string second)
        => (first.StartsWith("--- ", StringComparison.Ordinal) && second.StartsWith("+++ ", StringComparison.Ordinal))
        || (first.StartsWith("*** ", StringComparison.Ordinal) && second.StartsWith("--- ", StringComparison.Ordinal));

    /// <summary>
    /// The path of a header line, read as GNU patch's <c>fetchname</c> reads it. A name in double quotes is a C string
    /// (git quotes names with special characters so: <c>"a/caf\303\251.c"</c>). Otherwise the name ends at the first white
    /// space, unless a tab comes later on the line: then spaces before that tab are part of the name (a name with spaces,
    /// a tab, the date). A date after spaces alone, as an editor that turned the tab into spaces leaves it, is not.
    /// </summary>
    private static DiffPath? PathOf(string line, int lineStart)
    {
        var begin = 4;
        while (begin < line.Length && IsSpace(line[begin]))
        {
            begin++;
        }

        if (begin < line.Length && line[begin] == '"')
        {
            return QuotedPath(line, begin) is var (path, end) ? new DiffPath(path, new TextSpan(lineStart + begin, end - begin)) : null;
        }

        var stop = begin;
        while (stop < line.Length && !EndsName(line, stop))
        {
            stop++;
        }

        return stop > begin ? new DiffPath(line[begin..stop], new TextSpan(lineStart + begin, stop - begin)) : null;
    }

    /// <summary>True when the white space at <paramref name="at"/> (if it is one) ends the name: no tab follows the run of white space it starts.</summary>
    private static bool EndsName(string line, int at)
    {
        if (!IsSpace(line[at]))
        {
            return false;
        }

        var run = at;
        while (line[run] != '\t' && run + 1 < line.Length && IsSpace(line[run + 1]))
        {
            run++;
        }

        return line[run] == '\t' || line.IndexOf('\t', run + 1) < 0;
    }

    /// <summary>
    /// A C string as GNU patch's <c>parse_c_string</c> reads it (<c>\"</c>, <c>\\</c>, <c>\a</c>, <c>\b</c>, <c>\f</c>, <c>\n</c>,
    /// <c>\r</c>, <c>\t</c>, <c>\v</c>, and three octal digits for a byte of the name's UTF-8): the name and the end of
    /// the quoted text, or null for one that patch ignores as malformed.
    /// </summary>
    private static (string Path, int End)? QuotedPath(string line, int quote)
    {
        var bytes = new List<byte>();
        for (var i = quote + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                // patch keeps the name as a C string: it ends at a NUL byte (\000).
                var name = bytes.IndexOf(0) is var nul and >= 0 ? bytes[..nul] : bytes;
                return (Encoding.UTF8.GetString(name.ToArray()), i + 1);
            }

            if (c != '\\')
            {
                // The text's own characters, a surrogate pair as one: the name's UTF-8 as the file holds it.
                var length = char.IsHighSurrogate(c) && i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(line.AsSpan(i, length).ToArray()));
                i += length - 1;
                continue;
            }

            if (++i >= line.Length || Unescaped(line, ref i) is not { } escaped)
            {
                return null;
            }

            bytes.Add(escaped);
        }

        return null;
    }

    /// <summary>The byte an escape after a backslash stands for, with <paramref name="i"/> left on its last character.</summary>
    private static byte? Unescaped(string line, ref int i)
    {
        switch (line[i])
        {
            case 'a': return 7;
            case 'b': return 8;
            case 'f': return 12;
            case 'n': return 10;
            case 'r': return 13;
            case 't': return 9;
            case 'v': return 11;
            case '\\' or '"': return (byte)line[i];
            case >= '0' and <= '3' when i + 2 < line.Length && IsOctal(line[i + 1]) && IsOctal(line[i + 2]):
                var value = ((line[i] - '0') << 6) | ((line[i + 1] - '0') << 3) | (line[i + 2] - '0');
                i += 2;
                return (byte)value;
            default: return null;
        }
    }

    private static bool IsOctal(char c) => c is >= '0' and <= '7';

    /// <summary>C's <c>isspace</c> in the C locale, which patch runs the test in.</summary>
    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

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
