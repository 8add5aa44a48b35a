using ConfigConvert.Analyzers;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output;

/// <summary>
/// The text form of a check: one <c>path(line,col): severity ID: message</c> line per finding on standard
/// output, then, on standard error, one <c>fixed: PATH</c> line per file <c>--fix</c> rewrote and a summary line.
/// </summary>
internal static class CheckText
{
    public static void Write(CliConsole console, CheckReport report)
    {
        foreach (var diagnostic in report.Diagnostics)
        {
            console.Out.WriteLine(DiagnosticLine.Format(diagnostic));
        }

        foreach (var file in report.ChangedFiles)
        {
            console.Error.WriteLine($"ngx-convert: fixed: {file}");
        }

        console.Error.WriteLine("ngx-convert: " + Summary(report));
    }

    /// <summary><c>check: 2 module(s), 1 error(s), 3 warning(s), 0 info(s), 2 suppressed, 1 in the baseline, 1 file(s) fixed</c>.</summary>
    public static string Summary(CheckReport report)
    {
        var counts = CheckJson.Count(report);
        return $"check: {report.Modules.Length} module(s), {counts.Errors} error(s), {counts.Warnings} warning(s), {counts.Infos} info(s), "
            + $"{counts.Suppressed} suppressed, {counts.Baseline} in the baseline, {counts.ChangedFiles} file(s) fixed";
    }
}
