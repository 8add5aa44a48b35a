using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// A fix as a GitHub <c>suggestion</c> block: only for a fix whose changes are all in the finding's file and whose
/// lines the pull request all added (<c>--changed-lines</c>), since a suggestion can replace only lines of the diff.
/// </summary>
internal static class MarkdownSuggestions
{
    /// <summary>The lines that replace the fix's lines (without a final line break), or null when the fix cannot be a suggestion.</summary>
    public static string? Of(Diagnostic finding, SourceFiles sources, ReportOptions options)
    {
        var path = finding.Location.Path;
        if (finding.Fixes.FirstOrDefault() is not { } fix || fix.Changes.Any(c => c.Path != path) || sources.Get(path) is not { } source
            || !options.IsInRepository(path) || fix.Changes.Any(c => c.Span.End > source.Text.Length))
        {
            return null;
        }

        var text = source.Text;
        var first = source.GetLinePosition(fix.Changes[0].Span.Start).Line;
        var lastChange = fix.Changes[^1].Span;
        var last = source.GetLinePosition(lastChange.Length == 0 ? lastChange.Start : lastChange.End - 1).Line;
        if (!options.ChangedLines.AllAdded(options.RelativePath(path)!, first, last))
        {
            return null;
        }

        var start = source.Lines[first - 1];
        var end = last < source.Lines.Count ? source.Lines[last] : text.Length;
        var fixedText = fix.Apply(path!, text);
        var replaced = fixedText[start..(end + fixedText.Length - text.Length)];
        return replaced.EndsWith('\n') ? replaced[..^1] : replaced;
    }

    /// <summary>A fence of backticks longer than any run of backticks in <paramref name="content"/> (at least three).</summary>
    public static string Fence(string content)
    {
        var longest = 0;
        var run = 0;
        foreach (var c in content)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return new string('`', Math.Max(3, longest + 1));
    }
}
