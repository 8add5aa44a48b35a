using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Benchmarks;

/// <summary>
/// Parsing speed and allocations on a typical config and on a megabyte of config text, against the
/// baseline the project promises to beat: <c>dash -n</c> on the same text (process start included,
/// since that is what a user who checks a config with dash pays).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ParserBenchmarks
{
    private string _text = string.Empty;
    private string _file = string.Empty;

    [Params("typical", "large")]
    public string Input { get; set; } = "typical";

    [GlobalSetup]
    public void Setup()
    {
        _text = Input == "typical" ? Inputs.TypicalConfig : Inputs.LargeConfig;
        _file = Path.Combine(Path.GetTempPath(), $"cc-bench-{Input}.sh");
        File.WriteAllText(_file, _text);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_file);

    [Benchmark(Baseline = true, Description = "dash -n")]
    public int DashCheck()
    {
        using var process = Process.Start(new ProcessStartInfo("dash", ["-n", _file]) { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }

    [Benchmark(Description = "SyntaxTree.ParseText")]
    public int Parse() => SyntaxTree.ParseText(_text).GetRoot().FullWidth;

    [Benchmark(Description = "parse + ToFullString")]
    public int ParseAndRoundTrip() => SyntaxTree.ParseText(_text).GetRoot().ToFullString().Length;

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn());
    }
}
