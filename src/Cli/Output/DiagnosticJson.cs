using System.Text.Json;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output;

/// <summary>
/// Writes diagnostics in the JSON shape other tools read. <c>path</c> is the file the diagnostic is in, when it is in
/// one: a description's diagnostics may be in a file the config sources, not in the config.
/// </summary>
internal static class DiagnosticJson
{
    public static void Write(Utf8JsonWriter writer, Diagnostic diagnostic)
    {
        writer.WriteStartObject();
        writer.WriteString("id", diagnostic.Id);
        writer.WriteString("severity", SeverityNames.Name(diagnostic.Severity));
        writer.WriteString("message", diagnostic.Message);
        if (diagnostic.Location.Path is { } path)
        {
            writer.WriteString("path", path);
        }

        writer.WriteNumber("line", diagnostic.Location.Start.Line);
        writer.WriteNumber("column", diagnostic.Location.Start.Column);
        writer.WriteNumber("endLine", diagnostic.Location.End.Line);
        writer.WriteNumber("endColumn", diagnostic.Location.End.Column);
        writer.WriteEndObject();
    }

    /// <summary>Writes one JSON document to the console's output.</summary>
    public static void WriteDocument(CliConsole console, Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }

        console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    public static JsonWriterOptions Options { get; } = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
