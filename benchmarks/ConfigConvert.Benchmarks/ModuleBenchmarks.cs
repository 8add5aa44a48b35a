using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ConfigConvert.Analyzers;
using ConfigConvert.Converter;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Benchmarks;

/// <summary>
/// The work per module of <c>describe</c>, <c>convert --check</c> and <c>check</c> on a large
/// multi-type module, each from the directory on disk (a module is loaded afresh every time, since a
/// loaded module keeps its descriptions). The baseline is <c>describe</c>: what the others add to it.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ModuleBenchmarks
{
    private string _module = string.Empty;

    [GlobalSetup]
    public void Setup() => _module = Inputs.MultiTypeModule;

    [Benchmark(Baseline = true, Description = "describe (ADDON)")]
    [BenchmarkCategory(Categories.Module)]
    public int Describe() => ModuleDirectory.Load(_module).Describe(LinkMode.Addon).Outcomes.Length;

    [Benchmark(Description = "convert (with its self-check)")]
    [BenchmarkCategory(Categories.Module)]
    public ConversionStatus Convert() => ConfigConverter.Convert(ModuleDirectory.Load(_module)).Status;

    [Benchmark(Description = "check (every rule)")]
    [BenchmarkCategory(Categories.Module)]
    public int Check() => ModuleChecker.Check([_module]).Modules.Length;
}
