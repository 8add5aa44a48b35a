using ConfigConvert.Cli.Output.Reports;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>The summary line of a check, on standard error after the findings in text form.</summary>
internal static class CheckText
{
    /// <summary><c>check: 2 module(s), 1 error(s), 3 warning(s), 0 info(s), 2 suppressed, 1 in the baseline, 1 file(s) fixed</c>.</summary>
    public static string Summary(Report report)
    {
        var counts = report.Counts;
        return $"check: {report.Modules.Length} module(s), {counts.Errors} error(s), {counts.Warnings} warning(s), {counts.Notes} info(s), "
            + $"{report.Modules.Sum(m => m.Suppressed)} suppressed, {report.Modules.Sum(m => m.HiddenByBaseline)} in the baseline, {report.Modules.Sum(m => m.ChangedFiles.Length)} file(s) fixed";
    }
}
