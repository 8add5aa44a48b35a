using ConfigConvert.Cli.Output.Reports;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>One output format of <c>check</c>, <c>convert --check</c> and <c>convert --diff</c>: it writes a report, and decides nothing else.</summary>
internal interface IReportFormatter
{
    /// <summary>Writes <paramref name="report"/> to the context's console.</summary>
    void Write(Report report, FormatContext context);
}

/// <summary>Where a format writes, and what it knows beyond the report.</summary>
/// <param name="Console">The output, with whether it is a terminal and has colour.</param>
/// <param name="Options">Report URL, link base, changed lines, repository root.</param>
internal sealed record FormatContext(CliConsole Console, ReportOptions Options);
