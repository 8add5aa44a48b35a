using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Framework;

/// <summary>
/// One rule, in the shape of a Roslyn analyzer: it declares the diagnostics it can report, registers
/// actions on the parts of a module it looks at, and carries its own examples, so that the catalogue
/// test can prove every rule on what it must and must not report.
/// </summary>
internal abstract class ModuleAnalyzer
{
    /// <summary>Every descriptor this analyzer may report; reporting any other is a bug the driver refuses.</summary>
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Examples that must report exactly the marked spans, and examples that must report nothing.</summary>
    public abstract ImmutableArray<RuleExample> Examples { get; }

    /// <summary>Registers the actions the driver calls, once per analyzed module.</summary>
    public abstract void Initialize(AnalysisContext context);
}
