using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ConfigConvert.IO;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Benchmarks;

/// <summary>
/// Parsing speed and allocations on a typical config and on 9.9 MB of config text, each against the
/// baseline the project promises to beat: <c>dash -n</c> on the same text (process start included,
/// since that is what a user who checks a config with dash pays). On the large text, the whole tree
/// (<c>ParseText</c>) beside the statement-at-a-time parse of the text, the same of the file read in windows, and
/// the diagnostics of the file as <c>ngx-convert parse</c> gets them (<c>ParseDiagnostics</c>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerByteConfig))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class ParserBenchmarks
{
    private string _typical = string.Empty;
    private string _large = string.Empty;
    private string _typicalFile = string.Empty;
    private string _largeFile = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _typical = Inputs.TypicalConfig;
        _large = Inputs.LargeConfig;
        _typicalFile = Write("typical", _typical);
        _largeFile = Write("large", _large);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        File.Delete(_typicalFile);
        File.Delete(_largeFile);
    }

    [Benchmark(Baseline = true, Description = "dash -n")]
    [BenchmarkCategory(Categories.ParseTypical)]
    public int DashTypical() => Dash(_typicalFile);

    [Benchmark(Description = "SyntaxTree.ParseText")]
    [BenchmarkCategory(Categories.ParseTypical)]
    public int ParseTypical() => SyntaxTree.ParseText(_typical).GetRoot().FullWidth;

    [Benchmark(Description = "parse + ToFullString")]
    [BenchmarkCategory(Categories.ParseTypical)]
    public int RoundTripTypical() => SyntaxTree.ParseText(_typical).GetRoot().ToFullString().Length;

    [Benchmark(Baseline = true, Description = "dash -n")]
    [BenchmarkCategory(Categories.ParseLarge)]
    public int DashLarge() => Dash(_largeFile);

    [Benchmark(Description = "SyntaxTree.ParseText")]
    [BenchmarkCategory(Categories.ParseLarge)]
    public int ParseLarge() => SyntaxTree.ParseText(_large).GetRoot().FullWidth;

    [Benchmark(Description = "SyntaxTree.ParseSegments")]
    [BenchmarkCategory(Categories.ParseLarge)]
    public int SegmentsLarge() => CountDiagnostics(SyntaxTree.ParseSegments(_large));

    [Benchmark(Description = "ParseSegments of the file, in windows")]
    [BenchmarkCategory(Categories.ParseLarge)]
    public int WindowedSegmentsLarge()
    {
        // The file read and decoded as it is parsed, a window at a time, the diagnostics of each statement
        // kept and the statement dropped.
        using var reader = BoundedFile.OpenText(_largeFile)!;
        return CountDiagnostics(SyntaxTree.ParseSegments(reader));
    }

    [Benchmark(Description = "ParseDiagnostics of the file")]
    [BenchmarkCategory(Categories.ParseLarge)]
    public int ScannedDiagnosticsLarge()
    {
        // What `ngx-convert parse FILE` does: the file read in windows, the statements a quick scan proves
        // clean not parsed at all, the others parsed for their diagnostics.
        using var reader = BoundedFile.OpenText(_largeFile)!;
        return SyntaxTree.ParseDiagnostics(reader).Count();
    }

    [Benchmark(Description = "parse + ToFullString")]
    [BenchmarkCategory(Categories.ParseLarge)]
    public int RoundTripLarge() => SyntaxTree.ParseText(_large).GetRoot().ToFullString().Length;

    private static int CountDiagnostics(IEnumerable<ScriptSegment> segments)
    {
        var diagnostics = 0;
        foreach (var segment in segments)
        {
            diagnostics += segment.Diagnostics.Length;
        }

        return diagnostics;
    }

    private static string Write(string name, string text)
    {
        var file = Path.Combine(Path.GetTempPath(), $"cc-bench-{name}-{Environment.ProcessId}.sh");
        File.WriteAllText(file, text);
        return file;
    }

    private static int Dash(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("dash", ["-n", file]) { RedirectStandardError = true })!;
        process.WaitForExit();
        return process.ExitCode;
    }
}
