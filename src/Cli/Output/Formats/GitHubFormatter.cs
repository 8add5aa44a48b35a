using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>--format github</c>: GitHub Actions workflow commands (<c>::error file=..,line=..,col=..,endLine=..,endColumn=..,title=..::message</c>).
/// GitHub shows at most 10 annotations of each severity per step and 50 per job and drops the rest without a
/// word, so this writes at most 10 of each, says in one more notice how many were left out and where the full
/// report is, and prints the ones left out as plain log lines in a collapsed group.
/// </summary>
internal sealed class GitHubFormatter : IReportFormatter
{
    /// <summary>GitHub's limit of annotations of one severity in one step.</summary>
    public const int PerSeverity = 10;

    public void Write(Report report, FormatContext context)
    {
        var output = context.Console.Out;
        var findings = report.FindingsWithConversions.ToList();
        var shown = findings.GroupBy(f => f.Severity).SelectMany(g => g.Take(PerSeverity)).ToHashSet();
        // The notice that says what was left out takes the place of the last notice, so it is never itself dropped.
        var leftOut = findings.Where(f => !shown.Contains(f)).ToList();
        if (leftOut.Count > 0 && shown.Count(f => f.Severity == DiagnosticSeverity.Info) == PerSeverity)
        {
            var lastNote = shown.Last(f => f.Severity == DiagnosticSeverity.Info);
            shown.Remove(lastNote);
            leftOut.Add(lastNote);
        }

        foreach (var finding in findings.Where(shown.Contains))
        {
            output.WriteLine(Annotation(finding, context.Options));
        }

        if (leftOut.Count > 0)
        {
            WriteLeftOut(leftOut, findings, context);
        }
    }

    private static void WriteLeftOut(List<Diagnostic> leftOut, List<Diagnostic> findings, FormatContext context)
    {
        var output = context.Console.Out;
        var counts = SeverityCounts.Of(leftOut);
        var where = context.Options.ReportUrl is { } url ? $"the full report is at {url}" : "run ngx-convert with --format text for the full report";
        var message = $"{leftOut.Count} of {findings.Count} findings are not shown as annotations ({counts.Errors} error(s), {counts.Warnings} warning(s), {counts.Notes} note(s)): "
            + $"GitHub shows at most {PerSeverity} of each severity per step; they are listed in the log; {where}";
        output.WriteLine($"::notice title={EscapeProperty("ngx-convert: findings left out")}::{EscapeData(message)}");
        output.WriteLine("::group::Findings not shown as annotations");
        foreach (var finding in findings.Where(leftOut.Contains))
        {
            output.WriteLine(EscapeData(DiagnosticLine.Format(finding)));
        }

        output.WriteLine("::endgroup::");
    }

    /// <summary>One workflow command for a finding; a finding outside the repository root (or of no file) gets no file.</summary>
    public static string Annotation(Diagnostic finding, ReportOptions options)
    {
        var command = finding.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "notice",
        };
        var location = finding.Location;
        var properties = new List<string>();
        if (options.IsInRepository(location.Path))
        {
            properties.Add("file=" + EscapeProperty(options.RelativePath(location.Path)!));
            properties.Add($"line={location.Start.Line}");
            properties.Add($"endLine={location.End.Line}");
            properties.Add($"col={location.Start.Column}");
            if (location.End.Line == location.Start.Line)
            {
                // GitHub takes a column range only on one line.
                properties.Add($"endColumn={location.End.Column}");
            }
        }

        properties.Add("title=" + EscapeProperty($"{finding.Id}: {finding.Descriptor.Title}"));
        var message = options.IsInRepository(location.Path) ? finding.Message : DiagnosticLine.Format(finding);
        return $"::{command} {string.Join(',', properties)}::{EscapeData(message)}";
    }

    /// <summary>The message of a command: <c>%</c>, <c>\r</c> and <c>\n</c> escaped as GitHub's runner reads them.</summary>
    public static string EscapeData(string text) => text.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A property value: as the message, and <c>:</c> and <c>,</c> too.</summary>
    public static string EscapeProperty(string text) => EscapeData(text).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
