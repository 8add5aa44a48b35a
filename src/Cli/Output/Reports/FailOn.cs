using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>The least severity that fails a run (<c>--fail-on error|warning|note|none</c>); null for <c>none</c>.</summary>
internal static class FailOn
{
    /// <summary>The values <c>--fail-on</c> accepts, most severe first.</summary>
    public static IReadOnlyList<string> Names { get; } = ["error", "warning", "note", "none"];

    /// <summary>The default: warnings and errors fail.</summary>
    public const string Default = "warning";

    /// <summary>The threshold a name stands for; null for <c>none</c> (nothing fails).</summary>
    public static DiagnosticSeverity? Threshold(string name) => name switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "note" => DiagnosticSeverity.Info,
        _ => null,
    };

    /// <summary>True when some finding is at or above <paramref name="threshold"/>.</summary>
    public static bool Fails(IEnumerable<Diagnostic> findings, DiagnosticSeverity? threshold)
        => threshold is { } least && findings.Any(d => d.Severity >= least);
}
