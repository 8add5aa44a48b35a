using System.Collections.Immutable;
using System.Text.Json;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>--format sarif</c>: SARIF 2.1.0 as GitHub code scanning takes it. Paths inside the repository root are
/// relative URIs with <c>uriBaseId</c> <c>SRCROOT</c>; each rule has its help text, its documentation page as
/// Markdown and a help URI; each result a <c>primaryLocationLineHash</c> and its fixes. Written with
/// <see cref="Utf8JsonWriter"/>, so the tool needs no reflection to write it.
/// </summary>
internal sealed class SarifFormatter : IReportFormatter
{
    /// <summary>The <c>uriBaseId</c> that stands for the repository root.</summary>
    public const string RootBaseId = "SRCROOT";

    public void Write(Report report, FormatContext context)
    {
        var findings = report.FindingsWithConversions.ToImmutableArray();
        var rules = SarifRules.Of(findings);
        var fingerprints = new LineHashes(report.Sources);
        DiagnosticJson.WriteDocument(context.Console, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            writer.WriteString("version", "2.1.0");
            writer.WriteStartArray("runs");
            writer.WriteStartObject();
            rules.WriteTool(writer);
            writer.WriteStartObject("originalUriBaseIds");
            writer.WriteStartObject(RootBaseId);
            writer.WriteString("uri", new Uri(context.Options.RepositoryRoot.TrimEnd('/') + "/").AbsoluteUri);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteString("columnKind", "utf16CodeUnits");
            writer.WriteStartArray("results");
            foreach (var finding in findings)
            {
                WriteResult(writer, finding, rules.IndexOf(finding.Descriptor), fingerprints.Next(finding), context.Options, report.Sources);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary><c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    private static void WriteResult(Utf8JsonWriter writer, Diagnostic finding, int ruleIndex, string fingerprint, ReportOptions options, SourceFiles sources)
    {
        writer.WriteStartObject();
        writer.WriteString("ruleId", finding.Id);
        writer.WriteNumber("ruleIndex", ruleIndex);
        writer.WriteString("level", Level(finding.Severity));
        writer.WriteStartObject("message");
        writer.WriteString("text", finding.Message);
        writer.WriteEndObject();
        writer.WriteStartArray("locations");
        writer.WriteStartObject();
        writer.WriteStartObject("physicalLocation");
        WriteArtifact(writer, finding.Location.Path, options);
        var location = finding.Location;
        WriteRegion(writer, "region", new(location.Start.Line, location.Start.Column), new(location.End.Line, location.End.Column));
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartObject("partialFingerprints");
        writer.WriteString("primaryLocationLineHash", fingerprint);
        writer.WriteEndObject();
        if (!finding.Fixes.IsEmpty)
        {
            writer.WriteStartArray("fixes");
            finding.Fixes.ToList().ForEach(fix => WriteFix(writer, fix, options, sources));
            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary><c>artifactLocation</c>: a relative URI against <see cref="RootBaseId"/> inside the repository, else an absolute <c>file:</c> URI.</summary>
    private static void WriteArtifact(Utf8JsonWriter writer, string? path, ReportOptions options)
    {
        var relative = options.RelativePath(path) ?? ".";
        writer.WriteStartObject("artifactLocation");
        if (Path.IsPathRooted(relative))
        {
            writer.WriteString("uri", new Uri(relative).AbsoluteUri);
        }
        else
        {
            writer.WriteString("uri", string.Join('/', relative.Split('/').Select(Uri.EscapeDataString)));
            writer.WriteString("uriBaseId", RootBaseId);
        }

        writer.WriteEndObject();
    }

    private static void WriteRegion(Utf8JsonWriter writer, string name, LinePosition start, LinePosition end)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("startLine", start.Line);
        writer.WriteNumber("startColumn", start.Column);
        writer.WriteNumber("endLine", end.Line);
        writer.WriteNumber("endColumn", end.Column);
        writer.WriteEndObject();
    }

    private static void WriteFix(Utf8JsonWriter writer, Fix fix, ReportOptions options, SourceFiles sources)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("description");
        writer.WriteString("text", fix.Title);
        writer.WriteEndObject();
        writer.WriteStartArray("artifactChanges");
        foreach (var file in fix.Changes.GroupBy(c => c.Path))
        {
            writer.WriteStartObject();
            WriteArtifact(writer, file.Key, options);
            writer.WriteStartArray("replacements");
            foreach (var change in file)
            {
                writer.WriteStartObject();
                WriteDeletedRegion(writer, change, sources.Get(change.Path));
                writer.WriteStartObject("insertedContent");
                writer.WriteString("text", change.NewText);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteDeletedRegion(Utf8JsonWriter writer, TextChange change, SourceText? source)
    {
        if (source is not null && change.Span.End <= source.Text.Length)
        {
            WriteRegion(writer, "deletedRegion", source.GetLinePosition(change.Span.Start), source.GetLinePosition(change.Span.End));
            return;
        }

        writer.WriteStartObject("deletedRegion");
        writer.WriteNumber("charOffset", change.Span.Start);
        writer.WriteNumber("charLength", change.Span.Length);
        writer.WriteEndObject();
    }
}
