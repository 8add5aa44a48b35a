using System.Text;
using System.Text.Json;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>--format rdjson</c>: reviewdog's Diagnostic Format (<c>reviewdog -f=rdjson</c>):
/// <c>{"source": {"name", "url"}, "diagnostics": [{"message", "location": {"path", "range": {"start": {"line", "column"}, "end"}},
/// "severity", "code": {"value", "url"}, "suggestions": [{"range", "text"}], "original_output"}]}</c>. Columns count UTF-8
/// bytes as reviewdog's do; a range's end is exclusive; the suggestions are the first fix's changes to the finding's file.
/// </summary>
internal sealed class RdjsonFormatter : IReportFormatter
{
    public void Write(Report report, FormatContext context) => DiagnosticJson.WriteDocument(context.Console, writer =>
    {
        writer.WriteStartObject();
        WriteSource(writer);
        writer.WriteStartArray("diagnostics");
        foreach (var finding in report.FindingsWithConversions)
        {
            WriteDiagnostic(writer, finding, report.Sources, context.Options);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    });

    private static void WriteSource(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("source");
        writer.WriteString("name", "ngx-convert");
        writer.WriteString("url", "https://example.invalid/configconvert");
        writer.WriteEndObject();
    }

    private static void WriteDiagnostic(Utf8JsonWriter writer, Diagnostic finding, SourceFiles sources, ReportOptions options)
    {
        var source = sources.Get(finding.Location.Path);
        writer.WriteStartObject();
        writer.WriteString("message", finding.Message);
        writer.WriteStartObject("location");
        writer.WriteString("path", options.RelativePath(finding.Location.Path) ?? string.Empty);
        WriteRange(writer, source, finding.Location.Span, finding.Location.Start, finding.Location.End);
        writer.WriteEndObject();
        writer.WriteString("severity", finding.Severity switch { DiagnosticSeverity.Error => "ERROR", DiagnosticSeverity.Warning => "WARNING", _ => "INFO" });
        writer.WriteStartObject("code");
        writer.WriteString("value", finding.Id);
        writer.WriteString("url", finding.Descriptor.HelpLink);
        writer.WriteEndObject();
        if (source is not null && finding.Fixes.FirstOrDefault() is { } fix && fix.Changes.All(c => c.Path != finding.Location.Path || c.Span.End <= source.Text.Length))
        {
            writer.WriteStartArray("suggestions");
            foreach (var change in fix.Changes.Where(c => c.Path == finding.Location.Path))
            {
                writer.WriteStartObject();
                WriteRange(writer, source, change.Span, source.GetLinePosition(change.Span.Start), source.GetLinePosition(change.Span.End));
                writer.WriteString("text", change.NewText);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteString("original_output", options.Line(finding));
        writer.WriteEndObject();
    }

    private static void WriteRange(Utf8JsonWriter writer, SourceText? source, TextSpan span, LinePosition start, LinePosition end)
    {
        writer.WriteStartObject("range");
        WritePosition(writer, "start", start, source, span.Start);
        WritePosition(writer, "end", end, source, span.End);
        writer.WriteEndObject();
    }

    private static void WritePosition(Utf8JsonWriter writer, string name, LinePosition position, SourceText? source, int offset)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("line", position.Line);
        writer.WriteNumber("column", Utf8Column(position, source, offset));
        writer.WriteEndObject();
    }

    /// <summary>The 1-based column in UTF-8 bytes; the UTF-16 column when the file's text is not known.</summary>
    private static int Utf8Column(LinePosition position, SourceText? source, int offset)
    {
        if (source is null || position.Line > source.Lines.Count || offset > source.Text.Length)
        {
            return position.Column;
        }

        var lineStart = source.Lines[position.Line - 1];
        return Encoding.UTF8.GetByteCount(source.Text.AsSpan(lineStart, offset - lineStart)) + 1;
    }
}
