using System.Collections.Immutable;
using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers;

/// <summary>
/// The entry point of the rules: checks module directories for what blocks or breaks them as dynamic
/// modules, and returns the findings as data for any output format.
/// </summary>
public static class ModuleChecker
{
    /// <summary>Checks each module directory in <paramref name="modules"/>, in the order given.</summary>
    public static CheckReport Check(IEnumerable<string> modules, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        var driver = new AnalyzerDriver(AnalyzerRegistry.All);
        var target = new NginxVersionRange(options.MinimumNginxVersion, options.MaximumNginxVersion);
        var results = modules.Select(m => new CheckedModule(Path.GetFullPath(m), driver.Analyze(m, target))).ToImmutableArray();
        return new CheckReport(results);
    }
}

/// <summary>How to check.</summary>
public sealed record CheckOptions
{
    /// <summary>The oldest nginx the module must work with, as an <c>nginx_version</c> number; 1.9.11 (1009011) by default.</summary>
    public int MinimumNginxVersion { get; init; } = NginxVersionRange.FirstDynamic;

    /// <summary>The newest nginx the module must work with, or null for every later one.</summary>
    public int? MaximumNginxVersion { get; init; }
}

/// <summary>The findings of a check, per module.</summary>
public sealed record CheckReport(ImmutableArray<CheckedModule> Modules)
{
    /// <summary>Every finding, module after module.</summary>
    public IEnumerable<Diagnostic> Diagnostics => Modules.SelectMany(m => m.Diagnostics);
}

/// <summary>One checked module directory and what was found in it.</summary>
public sealed record CheckedModule(string Directory, ImmutableArray<Diagnostic> Diagnostics);
