using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using ConfigConvert.Analyzers;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>The <c>tool.driver</c> of a SARIF run: the tool, and one rule per diagnostic id the results use, sorted by id.</summary>
internal sealed class SarifRules
{
    private readonly ImmutableArray<DiagnosticDescriptor> _rules;

    private SarifRules(ImmutableArray<DiagnosticDescriptor> rules) => _rules = rules;

    public static SarifRules Of(IEnumerable<Diagnostic> findings)
        => new([.. findings.Select(f => f.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal)]);

    /// <summary>The <c>ruleIndex</c> of a descriptor's id.</summary>
    public int IndexOf(DiagnosticDescriptor descriptor) => _rules.IndexOf(_rules.First(r => r.Id == descriptor.Id));

    public void WriteTool(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("tool");
        writer.WriteStartObject("driver");
        writer.WriteString("name", "ngx-convert");
        writer.WriteString("informationUri", "https://example.invalid/configconvert");
        writer.WriteString("semanticVersion", Version());
        writer.WriteStartArray("rules");
        foreach (var rule in _rules)
        {
            WriteRule(writer, rule);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, DiagnosticDescriptor rule)
    {
        var page = RuleCatalog.Explain(rule.Id);
        writer.WriteStartObject();
        writer.WriteString("id", rule.Id);
        writer.WriteString("name", PascalName(rule.Title));
        WriteText(writer, "shortDescription", rule.Title);
        WriteText(writer, "fullDescription", rule.Description);
        writer.WriteString("helpUri", rule.HelpLink);
        writer.WriteStartObject("help");
        // A rule of `check` has its documentation page; any other diagnostic, its description and where it is explained.
        writer.WriteString("text", page ?? $"{rule.Description}\n\nSee {rule.HelpLink}");
        writer.WriteString("markdown", page ?? $"{rule.Description}\n\nSee [{rule.Id}]({rule.HelpLink}).");
        writer.WriteEndObject();
        writer.WriteStartObject("defaultConfiguration");
        writer.WriteString("level", SarifFormatter.Level(rule.DefaultSeverity));
        writer.WriteBoolean("enabled", rule.IsEnabledByDefault);
        writer.WriteEndObject();
        writer.WriteStartObject("properties");
        writer.WriteString("category", rule.Category);
        writer.WriteStartArray("tags");
        writer.WriteStringValue(rule.Category);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string text)
    {
        writer.WriteStartObject(name);
        writer.WriteString("text", text);
        writer.WriteEndObject();
    }

    /// <summary><c>Old-style config</c> becomes <c>OldStyleConfig</c>, the form SARIF expects of a rule's name.</summary>
    private static string PascalName(string title)
    {
        var name = new StringBuilder();
        foreach (var word in title.Split([.. title.Where(c => !char.IsAsciiLetterOrDigit(c)).Distinct()]))
        {
            if (word.Length > 0)
            {
                name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
            }
        }

        return name.ToString();
    }

    private static string Version()
        => typeof(SarifRules).Assembly.GetName().Version is { } version ? $"{version.Major}.{version.Minor}.{version.Build}" : "0.0.0";
}
