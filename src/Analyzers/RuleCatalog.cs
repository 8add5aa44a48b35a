using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers;

/// <summary>The rules, for listing and explaining them.</summary>
public static class RuleCatalog
{
    /// <summary>Every rule's descriptor, in catalogue order.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Rules { get; } = [.. AnalyzerRegistry.All.SelectMany(a => a.SupportedDiagnostics)];

    /// <summary>The rule with <paramref name="id"/> (any case), or null.</summary>
    public static DiagnosticDescriptor? Find(string id) => Rules.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The documentation page of rule <paramref name="id"/> (what, why, how to fix, an example), as Markdown; null for an unknown id.</summary>
    public static string? Explain(string id) => Find(id) is { } rule ? RuleDocumentation.Read(rule.Id) : null;
}
