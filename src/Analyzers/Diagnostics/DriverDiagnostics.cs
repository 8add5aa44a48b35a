using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers;

/// <summary>What the check itself reports, apart from the rules: failures of a rule, suppressions and baselines that match nothing.</summary>
public static class DriverDiagnostics
{
    private const string Category = "Check";

    /// <summary>A rule threw on a module: a bug in the rule, reported so that the run goes on with the others.</summary>
    public static readonly DiagnosticDescriptor RuleFailed = new(
        "CC5901", "A rule failed", "rule {0} failed on this module and reported nothing: {1}", Category, DiagnosticSeverity.Error,
        "A rule threw an exception while analyzing this module. The other rules ran; this rule's findings for the module are missing. This is a bug in ngx-convert: please report it with the module.");

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = [RuleFailed];
}
