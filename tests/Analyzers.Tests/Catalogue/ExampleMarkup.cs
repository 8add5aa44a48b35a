using System.Text;

namespace ConfigConvert.Analyzers.Tests.Catalogue;

/// <summary>
/// Reads the markers of a rule example: <c>[|text|]</c> for the rule's first descriptor and
/// <c>{|CCxxxx:text|}</c> for a named one. Returns the text without them and each marked span.
/// </summary>
internal static class ExampleMarkup
{
    public static (string Text, List<ExpectedFinding> Findings) Parse(string path, string markup, string defaultId)
    {
        var text = new StringBuilder(markup.Length);
        var findings = new List<ExpectedFinding>();
        var open = new Stack<(int Start, string Id)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((text.Length, defaultId));
                i++;
            }
            else if (At(markup, i, "{|") && markup.IndexOf(':', i) is var colon and > 0)
            {
                open.Push((text.Length, markup[(i + 2)..colon]));
                i = colon;
            }
            else if (At(markup, i, "|]") || At(markup, i, "|}"))
            {
                var (start, id) = open.Pop();
                findings.Add(new ExpectedFinding(id, path, start, text.Length));
                i++;
            }
            else
            {
                text.Append(markup[i]);
            }
        }

        Assert.True(open.Count == 0, $"{path}: a marker is not closed");
        return (text.ToString(), findings);
    }

    private static bool At(string text, int i, string marker) => string.CompareOrdinal(text, i, marker, 0, marker.Length) == 0;
}

/// <summary>A finding an example expects: a descriptor id and a span of a file, as offsets of the text without markers.</summary>
internal sealed record ExpectedFinding(string Id, string Path, int Start, int End) : IComparable<ExpectedFinding>
{
    public int CompareTo(ExpectedFinding? other) => string.CompareOrdinal(ToString(), other?.ToString());

    public override string ToString() => $"{Id} at {Path}[{Start}..{End})";
}
