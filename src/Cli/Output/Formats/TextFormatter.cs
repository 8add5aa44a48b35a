using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>--format text</c>: on a terminal each finding with its source line and a caret under the span (in colour
/// where the terminal has it); otherwise one <c>path(line,col): severity ID: message</c> line each, the form CI
/// systems and editors read. Check ends with a summary line on standard error; convert prints its verdicts and diffs.
/// </summary>
internal sealed class TextFormatter : IReportFormatter
{
    public void Write(Report report, FormatContext context)
    {
        if (report.Command == ReportCommand.Check)
        {
            WriteCheck(report, context);
        }
        else
        {
            WriteConversions(report, context);
        }
    }

    private static void WriteCheck(Report report, FormatContext context)
    {
        var console = context.Console;
        if (console.IsTerminal)
        {
            new TerminalFindings(console, report.Sources).Write(report.Findings);
        }
        else
        {
            foreach (var finding in report.Findings)
            {
                console.Out.WriteLine(DiagnosticLine.Format(finding));
            }
        }

        foreach (var file in report.Modules.SelectMany(m => m.ChangedFiles))
        {
            console.Error.WriteLine($"ngx-convert: fixed: {file}");
        }

        console.Error.WriteLine("ngx-convert: " + CheckText.Summary(report));
    }

    private static void WriteConversions(Report report, FormatContext context)
    {
        var console = context.Console;
        foreach (var module in report.Modules)
        {
            var conversion = module.Conversion!;
            foreach (var finding in module.Findings)
            {
                // Errors (and an unreadable module) go to standard error, as the in-place convert writes them.
                (finding.Severity == DiagnosticSeverity.Error || conversion.Outcome == ConversionOutcome.Unreadable ? console.Error : console.Out).WriteLine(DiagnosticLine.Format(finding));
            }

            switch (conversion.Outcome)
            {
                case ConversionOutcome.Refused:
                    console.Error.WriteLine($"ngx-convert: {conversion.ConfigPath}: not converted");
                    break;
                case ConversionOutcome.Needed when report.Command == ReportCommand.ConvertCheck:
                    console.Out.WriteLine($"{conversion.ConfigPath}: needs converting");
                    break;
                case ConversionOutcome.Needed:
                    console.Out.Write(conversion.Diff);
                    break;
            }
        }
    }
}
