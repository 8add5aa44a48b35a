using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ConfigConvert.Analyzers;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Benchmarks;

/// <summary>
/// A module whose config meets more undecidable feature tests than the cap on worlds (64), as
/// lua-nginx-module's does: every link mode runs 64 worlds, each of which parts from an earlier one
/// at a feature test. The baseline is <c>describe</c> in one link mode.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class WorldsBenchmarks
{
    private string _module = string.Empty;

    [GlobalSetup]
    public void Setup() => _module = Inputs.ManyConditionsModule;

    [Benchmark(Baseline = true, Description = "describe (ADDON)")]
    [BenchmarkCategory(Categories.ManyConditions)]
    public int Describe() => ModuleDirectory.Load(_module).Describe(LinkMode.Addon).Outcomes.Length;

    [Benchmark(Description = "describe (every link mode)")]
    [BenchmarkCategory(Categories.ManyConditions)]
    public int DescribeEveryLinkMode()
    {
        var module = ModuleDirectory.Load(_module);
        return Enum.GetValues<LinkMode>().Sum(link => module.Describe(link).Outcomes.Length);
    }

    [Benchmark(Description = "check (every rule)")]
    [BenchmarkCategory(Categories.ManyConditions)]
    public int Check() => ModuleChecker.Check([_module]).Modules.Length;
}
