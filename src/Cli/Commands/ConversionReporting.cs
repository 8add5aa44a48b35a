using ConfigConvert.Cli.Output.Formats;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Cli.Input;
using ConfigConvert.Converter;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>convert --check</c> and <c>convert --diff</c>: convert each module without writing, and report in the chosen format.</summary>
internal static class ConversionReporting
{
    /// <summary>Exit code: 2 when a module could not be read; else 1 when a conversion was refused or, with <c>--check</c>, is needed; else 0.</summary>
    public static int Run(CliConsole console, string[] paths, ReportCommand command, ConversionOptions options, FormatContext context, string format, TreeSettings trees)
    {
        var conversions = TreeConversion.Collect(console, paths, trees, options, out var problems);
        var report = ReportBuilder.FromConversions(command, problems, conversions.Select(c => (c.ModulePath, c.ModuleDiagnostics, c.Result, c.SearchedFrom)));
        ReportFormats.Get(format).Write(report, context);
        var outcomes = report.Modules.Select(m => m.Conversion!.Outcome).ToList();
        return outcomes.Contains(ConversionOutcome.Unreadable) ? ExitCodes.UsageOrIoError
            : outcomes.Contains(ConversionOutcome.Refused) || (command == ReportCommand.ConvertCheck && outcomes.Contains(ConversionOutcome.Needed)) ? ExitCodes.Findings
            : ExitCodes.Success;
    }

    /// <summary>Converting in place writes files and says so in text: another format is a usage error (exit 2); null when the format is text.</summary>
    public static int? RefuseFormat(CliConsole console, string format)
    {
        if (format == "text")
        {
            return null;
        }

        console.Error.WriteLine($"ngx-convert: --format {format} needs --check or --diff");
        return ExitCodes.UsageOrIoError;
    }
}
