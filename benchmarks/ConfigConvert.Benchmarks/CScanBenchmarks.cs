using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ConfigConvert.CSources;

namespace ConfigConvert.Benchmarks;

/// <summary>
/// C scanning of a large tree (<see cref="Inputs.CSourceTree"/>): listing, reading, tokenizing and
/// finding the module definitions of every <c>.c</c> and <c>.h</c> file, in MB/s of C. The baseline
/// reads the same files and does nothing else: the floor the scan is measured against.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerByteConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class CScanBenchmarks
{
    private string _tree = string.Empty;

    [GlobalSetup]
    public void Setup() => _tree = Inputs.CSourceTree;

    [Benchmark(Baseline = true, Description = "read every file")]
    [BenchmarkCategory(Categories.CScan)]
    public long ReadOnly() => Directory.EnumerateFiles(_tree, "*", SearchOption.AllDirectories)
        .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
        .Sum(f => (long)File.ReadAllBytes(f).Length);

    [Benchmark(Description = "CSourceIndex.Build")]
    [BenchmarkCategory(Categories.CScan)]
    public int Index() => CSourceIndex.Build(_tree).Modules.Length;
}
