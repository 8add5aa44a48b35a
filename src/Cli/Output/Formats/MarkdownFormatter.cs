using System.Net;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>--format markdown</c>: one pull-request comment. It starts with the marker a bot finds its own comment by,
/// then a summary table, the findings grouped by file with links to their lines (<c>--link-base</c>), GitHub
/// <c>suggestion</c> blocks for fixes on lines the pull request added, and each proposed conversion or fix as a
/// diff in a collapsed <c>&lt;details&gt;</c> section; it stays under GitHub's 65,536 characters and says what it cut.
/// </summary>
internal sealed class MarkdownFormatter : IReportFormatter
{
    /// <summary>The first line of the comment, which a bot searches for to update its comment rather than add another.</summary>
    public const string Marker = "<!-- ngx-convert:report -->";

    public void Write(Report report, FormatContext context) => context.Console.Out.Write(Render(report, context.Options, MarkdownComment.GitHubLimit));

    /// <summary>The comment, at most <paramref name="limit"/> characters long.</summary>
    public static string Render(Report report, ReportOptions options, int limit)
    {
        var comment = new MarkdownComment(limit);
        comment.AddAlways(Marker + "\n" + Summary(report, options));
        foreach (var file in report.FindingsWithConversions.GroupBy(f => f.Location.Path ?? string.Empty).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            WriteFile(comment, file.Key, [.. file], report, options);
        }

        foreach (var conversion in report.Modules.Select(m => m.Conversion).OfType<ModuleConversion>().Where(c => c.Outcome == ConversionOutcome.Needed))
        {
            comment.AddDiff(Details($"Proposed conversion of <code>{Html(options.RelativePath(conversion.ConfigPath)!)}</code>", conversion.Diff));
        }

        return comment.Finish(options.ReportUrl);
    }

    private static string Summary(Report report, ReportOptions options)
    {
        var title = report.Command switch
        {
            ReportCommand.Check => "ngx-convert check",
            ReportCommand.ConvertCheck => "ngx-convert convert --check",
            _ => "ngx-convert convert --diff",
        };
        var counts = SeverityCounts.Of(report.FindingsWithConversions);
        var text = $"## {title}\n\n| modules | errors | warnings | notes |\n|---:|---:|---:|---:|\n| {report.Modules.Length} | {counts.Errors} | {counts.Warnings} | {counts.Notes} |\n\n";
        if (report.Command != ReportCommand.Check && report.Modules.Length > 0)
        {
            text += "| config | conversion |\n|---|---|\n" + string.Concat(report.Modules.Select(m => $"| {CodeSpan(options.RelativePath(m.Conversion!.ConfigPath)!).Replace("|", "\\|", StringComparison.Ordinal)} | {JsonFormatter.StatusName(m.Conversion.Outcome)} |\n")) + "\n";
        }

        return counts.Total == 0 && report.Modules.All(m => m.Conversion?.Outcome is null or ConversionOutcome.Unchanged) ? text + "Nothing to report.\n" : text;
    }

    private static void WriteFile(MarkdownComment comment, string path, List<Diagnostic> findings, Report report, ReportOptions options)
    {
        var relative = options.RelativePath(path);
        var heading = relative is null ? "Not in a file" : options.Link(path, 1) is { } link ? $"[{CodeSpan(relative)}]({link.Split('#')[0]})" : CodeSpan(relative);
        if (!comment.TryAdd($"\n### {heading}\n\n"))
        {
            comment.LeaveOutFindings(findings.Count);
            return;
        }

        foreach (var finding in findings)
        {
            // Once the comment is full, findings are counted without being rendered (their diffs cost time).
            if (comment.IsFull)
            {
                comment.LeaveOutFindings(1);
                continue;
            }

            comment.AddFinding(Item(finding, report, options));
        }
    }

    private static string Item(Diagnostic finding, Report report, ReportOptions options)
    {
        var line = finding.Location.Start.Line;
        var where = options.Link(finding.Location.Path, line) is { } link ? $"[line {line}]({link})" : $"line {line}";
        var item = $"- **{SeverityNames.Name(finding.Severity)}** [{finding.Id}]({finding.Descriptor.HelpLink}) {where}: {OneLine(finding.Message)}\n";
        if (MarkdownSuggestions.Of(finding, report.Sources, options) is { } suggestion)
        {
            var fence = MarkdownSuggestions.Fence(suggestion);
            return item + $"\n  {fence}suggestion\n{Indent(suggestion)}\n  {fence}\n\n";
        }

        // Convert's findings show their conversion once, below, rather than under the finding.
        if (report.Command == ReportCommand.Check && finding.Fixes.FirstOrDefault() is { } fix && FixDiff(fix, report.Sources, options) is { Length: > 0 } diff)
        {
            return item + "\n" + Indent(Details("Fix: " + Html(fix.Title), diff)) + "\n";
        }

        return item;
    }

    private static string FixDiff(Fixes.Fix fix, SourceFiles sources, ReportOptions options)
        => string.Concat(fix.Paths.Select(path => sources.Get(path) is { } source ? FixExcerpt.Diff(fix, path, source, options.RelativePath(path)!) : string.Empty));

    /// <summary>A collapsed section holding a diff in a <c>diff</c> fence.</summary>
    private static string Details(string summary, string diff)
    {
        var fence = MarkdownSuggestions.Fence(diff);
        return $"\n<details>\n<summary>{summary}</summary>\n\n{fence}diff\n{diff.TrimEnd('\n')}\n{fence}\n\n</details>\n";
    }

    private static string Indent(string text) => string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : "  " + l));

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>
    /// <paramref name="text"/> (a path) as one code span (CommonMark): on one line, fenced by one backtick more than its
    /// longest run of them, and padded when it starts or ends with one, so that a backtick in a name cannot end it.
    /// </summary>
    internal static string CodeSpan(string text)
    {
        var line = OneLine(text);
        var longest = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var run = 0;
            while (i < line.Length && line[i] == '`')
            {
                run++;
                i++;
            }

            longest = Math.Max(longest, run);
        }

        var fence = new string('`', longest + 1);
        var pad = line.StartsWith('`') || line.EndsWith('`') ? " " : string.Empty;
        return fence + pad + line + pad + fence;
    }

    private static string Html(string text) => WebUtility.HtmlEncode(text);
}
