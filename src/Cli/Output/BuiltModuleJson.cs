using System.Text.Json;
using ConfigConvert.BuiltModules;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output;

/// <summary>The JSON output of <c>inspect</c> and <c>preflight</c> (shapes documented in the README).</summary>
internal static class BuiltModuleJson
{
    public static void WriteSharedObject(Utf8JsonWriter writer, SharedObjectReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("path", report.Path);
        WriteDiagnostics(writer, "diagnostics", report.Diagnostics);
        writer.WriteStartArray("modules");
        foreach (var module in report.Modules)
        {
            WriteModule(writer, module);
        }

        writer.WriteEndArray();
        writer.WriteBoolean("hasOrder", report.HasOrder);
        WriteStrings(writer, "order", report.Order);
        writer.WriteStartArray("neededLibraries");
        foreach (var library in report.NeededLibraries)
        {
            writer.WriteStartObject();
            writer.WriteString("name", library.Name);
            writer.WriteString("path", library.Path);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "symbolsFromNginx", report.SymbolsFromNginx);
        if (report.Packages is { } packages)
        {
            writer.WriteStartObject("packages");
            writer.WriteString("deb", packages.Deb);
            writer.WriteString("debianAbi", packages.DebianAbi);
            writer.WriteString("rpm", packages.Rpm);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("packages");
        }

        writer.WriteEndObject();
    }

    private static void WriteModule(Utf8JsonWriter writer, BuiltModule module)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", module.Index);
        writer.WriteString("name", module.Name);
        writer.WriteString("type", module.Type.Name);
        writer.WriteNumber("typeValue", module.Type.Value);
        writer.WriteString("version", module.Version.ToString());
        writer.WriteNumber("versionNumber", module.Version.Number);
        writer.WritePropertyName("signature");
        WriteSignature(writer, module.Signature);
        writer.WriteEndObject();
    }

    private static void WriteSignature(Utf8JsonWriter writer, ModuleSignature? signature)
    {
        if (signature is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("text", signature.Text);
        WriteNumber(writer, "pointerSize", signature.PointerSize);
        WriteNumber(writer, "sigAtomicSize", signature.SigAtomicSize);
        WriteNumber(writer, "timeSize", signature.TimeSize);
        if (signature.WithCompat is { } compat)
        {
            writer.WriteBoolean("withCompat", compat);
        }
        else
        {
            writer.WriteNull("withCompat");
        }

        writer.WriteString("layoutSince", signature.LayoutSince.ToString());
        writer.WriteBoolean("wellFormed", signature.IsWellFormed);
        writer.WriteStartArray("features");
        foreach (var feature in signature.Features)
        {
            writer.WriteStartObject();
            writer.WriteNumber("position", feature.Position);
            writer.WriteString("name", feature.Name);
            writer.WriteString("condition", feature.Condition);
            writer.WriteBoolean("enabled", feature.Enabled);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static void WriteNginx(Utf8JsonWriter writer, NginxBinaryReport nginx)
    {
        writer.WriteStartObject("nginx");
        writer.WriteString("path", nginx.Path);
        writer.WriteString("version", nginx.Version?.ToString());
        if (nginx.Version is { } version)
        {
            writer.WriteNumber("versionNumber", version.Number);
        }
        else
        {
            writer.WriteNull("versionNumber");
        }

        writer.WritePropertyName("signature");
        WriteSignature(writer, nginx.Signature);
        WriteStrings(writer, "staticModules", nginx.StaticModules);
        writer.WriteString("prefix", nginx.Prefix);
        writer.WriteString("configurationPath", nginx.ConfigurationPath);
        WriteDiagnostics(writer, "diagnostics", nginx.Diagnostics);
        writer.WriteEndObject();
    }

    public static void WriteOutcomes(Utf8JsonWriter writer, IEnumerable<LoadOutcome> outcomes)
    {
        writer.WriteStartArray("outcomes");
        foreach (var outcome in outcomes)
        {
            writer.WriteStartObject();
            writer.WriteString("argument", outcome.Argument);
            writer.WriteString("fullPath", outcome.FullPath);
            writer.WriteString("file", outcome.Directive?.Path);
            writer.WriteNumber("line", outcome.Directive?.Start.Line ?? 0);
            writer.WriteNumber("column", outcome.Directive?.Start.Column ?? 0);
            writer.WriteNumber("nginxLine", outcome.NginxLine);
            writer.WriteBoolean("loads", outcome.Loads);
            WriteStrings(writer, "modules", outcome.Modules);
            WriteFailure(writer, outcome);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteFailure(Utf8JsonWriter writer, LoadOutcome outcome)
    {
        if (outcome.Failure is not { } failure)
        {
            writer.WriteNull("failure");
            return;
        }

        writer.WriteStartObject("failure");
        writer.WriteString("id", outcome.ToDiagnostic()!.Id);
        writer.WriteString("kind", JsonNamingPolicy.CamelCase.ConvertName(failure.Kind.ToString()));
        writer.WriteString("message", failure.Message);
        writer.WriteBoolean("isNginxMessage", failure.IsNginxMessage);
        writer.WriteString("nginxSays", outcome.NginxSays);
        writer.WriteString("module", failure.Module);
        writer.WriteStartArray("differences");
        foreach (var difference in failure.Differences)
        {
            writer.WriteStartObject();
            writer.WriteString("feature", difference.Feature);
            writer.WriteString("module", difference.InModule);
            writer.WriteString("nginx", difference.InNginx);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "missingSymbols", failure.MissingSymbols);
        writer.WriteEndObject();
    }

    public static void WriteDiagnostics(Utf8JsonWriter writer, string name, IEnumerable<Diagnostic> diagnostics)
    {
        writer.WriteStartArray(name);
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteStartObject();
            writer.WriteString("path", diagnostic.Location.Path);
            writer.WriteString("id", diagnostic.Id);
            writer.WriteString("severity", SeverityNames.Name(diagnostic.Severity));
            writer.WriteString("message", diagnostic.Message);
            writer.WriteNumber("line", diagnostic.Location.Start.Line);
            writer.WriteNumber("column", diagnostic.Location.Start.Column);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
