using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Verification.Steps;

/// <summary>What the steps found, gathered for the report.</summary>
internal sealed record VerificationFacts
{
    public string? SourceVersion { get; init; }

    public string? BinaryVersion { get; init; }

    public ConfigStyle Style { get; init; }

    public ImmutableArray<Diagnostic> ConversionDiagnostics { get; init; } = [];

    public ImmutableArray<StaticDifference> StaticDifferences { get; init; } = [];

    public ImmutableArray<string> SharedObjects { get; init; } = [];

    public ImmutableArray<SharedObjectModules> SharedObjectModules { get; init; } = [];

    public ImmutableArray<PlacementDifference> PlacementDifferences { get; init; } = [];

    public string? NginxConfiguration { get; init; }

    public ImmutableArray<string> NginxMessages { get; init; } = [];

    public string? KeptDirectory { get; init; }
}
