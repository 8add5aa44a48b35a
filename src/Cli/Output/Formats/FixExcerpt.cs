using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>The diff a fix makes to one file, computed on the lines it touches and three around them, so a long file costs no more than a short one.</summary>
internal static class FixExcerpt
{
    private const int Context = 3;

    /// <summary>The unified diff of <paramref name="fix"/> on <paramref name="path"/>, labelled <c>a/LABEL</c> and <c>b/LABEL</c>; empty when it changes nothing there or does not fit the text.</summary>
    public static string Diff(Fix fix, string path, SourceText source, string label)
    {
        var text = source.Text;
        var changes = fix.Changes.Where(c => c.Path == path).ToList();
        if (changes.Count == 0 || changes[^1].Span.End > text.Length)
        {
            return string.Empty;
        }

        var from = Math.Max(1, source.GetLinePosition(changes[0].Span.Start).Line - Context);
        var to = Math.Min(source.Lines.Count, source.GetLinePosition(changes[^1].Span.End).Line + Context);
        var start = source.Lines[from - 1];
        var end = to < source.Lines.Count ? source.Lines[to] : text.Length;
        var fixedText = fix.Apply(path, text);
        return UnifiedDiff.Create(text[start..end], fixedText[start..(end + fixedText.Length - text.Length)], DiffHeaderPath.Write("a/" + label), DiffHeaderPath.Write("b/" + label), Context, from);
    }
}
