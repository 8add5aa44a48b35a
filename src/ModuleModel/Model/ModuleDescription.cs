using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.ModuleModel;

/// <summary>What a module's config registers under one link mode: one or more outcomes.</summary>
public sealed class ModuleDescription
{
    internal ModuleDescription(LinkMode link, string moduleDirectory, ImmutableArray<ModuleOutcome> outcomes, ImmutableArray<Diagnostic> diagnostics)
    {
        Link = link;
        ModuleDirectory = moduleDirectory;
        Outcomes = outcomes;
        Diagnostics = diagnostics;
    }

    /// <summary>The link mode evaluated.</summary>
    public LinkMode Link { get; }

    /// <summary>The module directory (absolute).</summary>
    public string ModuleDirectory { get; }

    /// <summary>
    /// One outcome per combination of conditions the model cannot decide; a config without such
    /// conditions has exactly one. Empty when the config could not be evaluated at all.
    /// </summary>
    public ImmutableArray<ModuleOutcome> Outcomes { get; }

    /// <summary>Problems met while evaluating.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when there is exactly one outcome and everything in it was known.</summary>
    internal bool IsCertain => Outcomes.Length == 1 && Outcomes[0].Complete && Outcomes[0].Unknowns.IsEmpty;
}
