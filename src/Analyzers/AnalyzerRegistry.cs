using System.Collections.Immutable;

using ConfigConvert.Analyzers.Framework;

namespace ConfigConvert.Analyzers;

/// <summary>
/// Every rule, listed by hand rather than found by reflection, so that the tool stays trimmable and the
/// order of the catalogue is the order written here: by id within each group.
/// </summary>
internal static class AnalyzerRegistry
{
    /// <summary>Rules on config scripts (CC22xx-CC29xx).</summary>
    private static readonly ImmutableArray<ModuleAnalyzer> ConfigRules =
    [
        new Rules.Config.OldStyleConfig(),
        new Rules.Config.ConfigSetsModuleLink(),
    ];

    /// <summary>Rules on C sources (CC4xxx).</summary>
    private static readonly ImmutableArray<ModuleAnalyzer> CSourceRules =
    [
        new Rules.CSources.GlobalModuleList(),
        new Rules.CSources.ModuleCountingLoop(),
        new Rules.CSources.ModuleListLength(),
        new Rules.CSources.UndeclaredModuleDependency(),
    ];

    /// <summary>Rules on the repository's files (CC5xxx).</summary>
    private static readonly ImmutableArray<ModuleAnalyzer> RepositoryRules =
    [
    ];

    /// <summary>Every analyzer, config rules first.</summary>
    public static ImmutableArray<ModuleAnalyzer> All { get; } = [.. ConfigRules, .. CSourceRules, .. RepositoryRules];
}
