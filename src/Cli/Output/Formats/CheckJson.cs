using System.Text.Json;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// The JSON form of a check (version 1, documented in the README):
/// <c>{"version", "command", "modules": [{"path", "diagnostics", "fixed", "changedFiles", "suppressed", "hiddenByBaseline"}],
/// "diagnostics", "summary"}</c>; each diagnostic <c>{"id", "severity", "message", "path", "line", "column",
/// "endLine", "endColumn", "helpUri", "title", "category", "fixes": [{"title", "changes": [{"path", "start", "length", "newText"}]}]}</c>.
/// </summary>
internal static class CheckJson
{
    /// <summary>The version of the shape; it changes only if a field changes meaning or goes away.</summary>
    public const int Version = 1;

    public static void Write(CliConsole console, Report report) => DiagnosticJson.WriteDocument(console, writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", Version);
        writer.WriteString("command", "check");
        writer.WriteStartArray("modules");
        foreach (var module in report.Modules)
        {
            writer.WriteStartObject();
            writer.WriteString("path", module.Directory);
            WriteDiagnostics(writer, "diagnostics", module.Findings);
            WriteDiagnostics(writer, "fixed", module.Fixed);
            writer.WriteStartArray("changedFiles");
            module.ChangedFiles.ToList().ForEach(writer.WriteStringValue);
            writer.WriteEndArray();
            writer.WriteNumber("suppressed", module.Suppressed);
            writer.WriteNumber("hiddenByBaseline", module.HiddenByBaseline);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteDiagnostics(writer, "diagnostics", report.General);
        WriteSummary(writer, report);
        writer.WriteEndObject();
    });

    /// <summary><c>{"version", "rules": [{"id", "title", "category", "defaultSeverity", "enabledByDefault", "helpUri", "description"}]}</c>.</summary>
    public static void WriteRules(CliConsole console, IEnumerable<DiagnosticDescriptor> rules) => DiagnosticJson.WriteDocument(console, writer =>
    {
        writer.WriteStartObject();
        writer.WriteNumber("version", Version);
        writer.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            writer.WriteStartObject();
            writer.WriteString("id", rule.Id);
            writer.WriteString("title", rule.Title);
            writer.WriteString("category", rule.Category);
            writer.WriteString("defaultSeverity", SeverityNames.Name(rule.DefaultSeverity));
            writer.WriteBoolean("enabledByDefault", rule.IsEnabledByDefault);
            writer.WriteString("helpUri", rule.HelpLink);
            writer.WriteString("description", rule.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteSummary(Utf8JsonWriter writer, Report report)
    {
        var counts = report.Counts;
        writer.WriteStartObject("summary");
        writer.WriteNumber("modules", report.Modules.Length);
        writer.WriteNumber("errors", counts.Errors);
        writer.WriteNumber("warnings", counts.Warnings);
        writer.WriteNumber("infos", counts.Notes);
        writer.WriteNumber("suppressed", report.Modules.Sum(m => m.Suppressed));
        writer.WriteNumber("hiddenByBaseline", report.Modules.Sum(m => m.HiddenByBaseline));
        writer.WriteNumber("changedFiles", report.Modules.Sum(m => m.ChangedFiles.Length));
        writer.WriteEndObject();
    }

    /// <summary>A list of diagnostics in the documented shape.</summary>
    public static void WriteDiagnostics(Utf8JsonWriter writer, string name, IEnumerable<Diagnostic> diagnostics)
    {
        writer.WriteStartArray(name);
        foreach (var diagnostic in diagnostics)
        {
            WriteDiagnostic(writer, diagnostic);
        }

        writer.WriteEndArray();
    }

    private static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        writer.WriteStartObject();
        writer.WriteString("id", diagnostic.Id);
        writer.WriteString("severity", SeverityNames.Name(diagnostic.Severity));
        writer.WriteString("message", diagnostic.Message);
        writer.WriteString("path", location.Path);
        writer.WriteNumber("line", location.Start.Line);
        writer.WriteNumber("column", location.Start.Column);
        writer.WriteNumber("endLine", location.End.Line);
        writer.WriteNumber("endColumn", location.End.Column);
        writer.WriteString("helpUri", diagnostic.Descriptor.HelpLink);
        writer.WriteString("title", diagnostic.Descriptor.Title);
        writer.WriteString("category", diagnostic.Descriptor.Category);
        writer.WriteStartArray("fixes");
        foreach (var fix in diagnostic.Fixes)
        {
            WriteFix(writer, fix);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter writer, Fix fix)
    {
        writer.WriteStartObject();
        writer.WriteString("title", fix.Title);
        writer.WriteStartArray("changes");
        foreach (var change in fix.Changes)
        {
            writer.WriteStartObject();
            writer.WriteString("path", change.Path);
            writer.WriteNumber("start", change.Span.Start);
            writer.WriteNumber("length", change.Span.Length);
            writer.WriteString("newText", change.NewText);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
