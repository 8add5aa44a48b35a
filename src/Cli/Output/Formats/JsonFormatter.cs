using System.Text.Json;
using ConfigConvert.Cli.Output.Reports;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>--format json</c>, version 1 (documented in the README). Check: the shape of <see cref="CheckJson"/>.
/// Convert: <c>{"version", "command", "modules": [{"path", "config", "status", "diagnostics", "diff"}], "summary"}</c>.
/// </summary>
internal sealed class JsonFormatter : IReportFormatter
{
    public void Write(Report report, FormatContext context)
    {
        if (report.Command == ReportCommand.Check)
        {
            CheckJson.Write(context.Console, report);
            return;
        }

        DiagnosticJson.WriteDocument(context.Console, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("version", CheckJson.Version);
            writer.WriteString("command", report.Command == ReportCommand.ConvertCheck ? "convert --check" : "convert --diff");
            writer.WriteStartArray("modules");
            foreach (var module in report.Modules)
            {
                WriteModule(writer, module);
            }

            writer.WriteEndArray();
            writer.WriteStartObject("summary");
            writer.WriteNumber("modules", report.Modules.Length);
            foreach (var outcome in Enum.GetValues<ConversionOutcome>())
            {
                writer.WriteNumber(StatusName(outcome), report.Modules.Count(m => m.Conversion!.Outcome == outcome));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    /// <summary>The JSON name of a conversion's outcome: <c>needed</c>, <c>unchanged</c>, <c>refused</c>, <c>unreadable</c>.</summary>
    public static string StatusName(ConversionOutcome outcome) => outcome switch
    {
        ConversionOutcome.Needed => "needed",
        ConversionOutcome.Unchanged => "unchanged",
        ConversionOutcome.Refused => "refused",
        _ => "unreadable",
    };

    private static void WriteModule(Utf8JsonWriter writer, ModuleReport module)
    {
        var conversion = module.Conversion!;
        writer.WriteStartObject();
        writer.WriteString("path", module.Directory);
        writer.WriteString("config", conversion.ConfigPath);
        writer.WriteString("status", StatusName(conversion.Outcome));
        CheckJson.WriteDiagnostics(writer, "diagnostics", module.Findings);
        if (conversion.Outcome == ConversionOutcome.Needed)
        {
            writer.WriteString("diff", conversion.Diff);
        }
        else
        {
            writer.WriteNull("diff");
        }

        writer.WriteEndObject();
    }
}
