using System.Text;
using DiffPlex;
using DiffPlex.Model;

namespace ConfigConvert.Cli.Output;

/// <summary>A unified diff (<c>diff -u</c> format, three lines of context) of two texts.</summary>
internal static class UnifiedDiff
{
    /// <summary>
    /// The diff of <paramref name="oldText"/> and <paramref name="newText"/>, empty when they are equal; when the texts
    /// are excerpts of longer files starting at line <paramref name="firstLine"/>, the hunks are numbered from there.
    /// </summary>
    public static string Create(string oldText, string newText, string oldLabel, string newLabel, int context = 3, int firstLine = 1)
    {
        if (oldText == newText)
        {
            return string.Empty;
        }

        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        // Lines are compared with their line-break state, so that a missing final newline or a '\r' shows.
        var oldKeys = oldLines.Select(l => l.Text + (l.Newline ? "\n" : string.Empty)).ToArray();
        var newKeys = newLines.Select(l => l.Text + (l.Newline ? "\n" : string.Empty)).ToArray();
        var diff = new Differ().CreateCustomDiffs(oldText, newText, false, text => ReferenceEquals(text, oldText) ? oldKeys : newKeys);
        var builder = new StringBuilder();
        builder.Append("--- ").Append(oldLabel).Append('\n');
        builder.Append("+++ ").Append(newLabel).Append('\n');

        // Group the changes into hunks that are at most 2 * context unchanged lines apart.
        var blocks = diff.DiffBlocks.ToList();
        var i = 0;
        while (i < blocks.Count)
        {
            var j = i;
            while (j + 1 < blocks.Count && blocks[j + 1].DeleteStartA - (blocks[j].DeleteStartA + blocks[j].DeleteCountA) <= 2 * context)
            {
                j++;
            }

            WriteHunk(builder, blocks, (i, j), oldLines, newLines, (context, firstLine - 1));
            i = j + 1;
        }

        return builder.ToString();
    }

    private static void WriteHunk(StringBuilder builder, List<DiffBlock> blocks, (int First, int Last) range, List<(string Text, bool Newline)> oldLines, List<(string Text, bool Newline)> newLines, (int Lines, int Offset) context)
    {
        var (first, last) = range;
        var oldStart = Math.Max(0, blocks[first].DeleteStartA - context.Lines);
        var newStart = Math.Max(0, blocks[first].InsertStartB - context.Lines);
        var oldEnd = Math.Min(oldLines.Count, blocks[last].DeleteStartA + blocks[last].DeleteCountA + context.Lines);
        var newEnd = Math.Min(newLines.Count, blocks[last].InsertStartB + blocks[last].InsertCountB + context.Lines);
        builder.Append($"@@ -{Range(oldStart + context.Offset, oldEnd - oldStart)} +{Range(newStart + context.Offset, newEnd - newStart)} @@\n");
        var a = oldStart;
        foreach (var block in blocks.Skip(first).Take(last - first + 1))
        {
            for (; a < block.DeleteStartA; a++)
            {
                Line(builder, ' ', oldLines[a]);
            }

            for (var k = 0; k < block.DeleteCountA; k++)
            {
                Line(builder, '-', oldLines[block.DeleteStartA + k]);
            }

            for (var k = 0; k < block.InsertCountB; k++)
            {
                Line(builder, '+', newLines[block.InsertStartB + k]);
            }

            a = block.DeleteStartA + block.DeleteCountA;
        }

        for (; a < oldEnd; a++)
        {
            Line(builder, ' ', oldLines[a]);
        }
    }

    private static void Line(StringBuilder builder, char prefix, (string Text, bool Newline) line)
    {
        builder.Append(prefix).Append(line.Text).Append('\n');
        if (!line.Newline)
        {
            builder.Append("\\ No newline at end of file\n");
        }
    }

    private static string Range(int start, int count) => count == 0 ? $"{start},0" : count == 1 ? $"{start + 1}" : $"{start + 1},{count}";

    private static List<(string Text, bool Newline)> SplitLines(string text)
    {
        var lines = new List<(string, bool)>();
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            if (end < 0)
            {
                lines.Add((text[position..], false));
                break;
            }

            lines.Add((text[position..end], true));
            position = end + 1;
        }

        return lines;
    }
}
