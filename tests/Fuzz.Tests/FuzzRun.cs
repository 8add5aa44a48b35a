using System.Globalization;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Fuzz.Tests;

/// <summary>
/// One instrumented copy of the harness for the whole class: built by the project reference, copied
/// to a temporary folder, its libraries instrumented with SharpFuzz (the dotnet tool pinned in
/// .config/dotnet-tools.json). Saved crashes are kept under the test's output folder. The first test
/// to ask starts every target's run, as many at once as there are processors: a run's length is
/// fixed and each keeps about one processor busy, so run one after another they only added up.
/// </summary>
public sealed class FuzzRun : IDisposable
{
    private const string AflHint = "install AFL++ (`apt-get install afl++`; .ci/run does)";

    private static readonly string[] InstrumentedLibraries = ["Core", "ShellParser", "CSources", "ModuleModel", "Converter", "Analyzers", "BuiltModules"];

    private readonly string _work = Path.Combine(Path.GetTempPath(), "ngx-fuzz-run-" + Guid.NewGuid().ToString("N"));
    private readonly Lazy<string> _harness;
    private readonly Lazy<Dictionary<string, Task<Result>>> _runs;
    private readonly SemaphoreSlim _processors = new(Environment.ProcessorCount);

    public FuzzRun()
    {
        _harness = new(Instrument);
        _runs = new(StartAll);
    }

    public static IReadOnlyList<string> TargetNames { get; } = ["parse", "describe", "ctokens", "convert", "nginx-conf", "elf", "check-fix"];

    // A crash replays in a few seconds; an input that ended a run past afl-fuzz's 5 s may hang.
    private static readonly TimeSpan ReplayTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Seconds of fuzzing per target.</summary>
    public static int Seconds => int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 10;

    /// <summary>
    /// What a run found: saved crashes and hangs, and <paramref name="EndedRun"/>, the input that was running when the
    /// run ended before its time (empty when it ran to the end).
    /// </summary>
    public sealed record Result(int Executions, IReadOnlyList<string> Crashes, IReadOnlyList<string> Hangs, IReadOnlyList<string> EndedRun, string Log);

    /// <summary>The bounded run of <paramref name="target"/>, once it has ended.</summary>
    public Result Fuzz(string target) => _runs.Value[target].GetAwaiter().GetResult();

    private Dictionary<string, Task<Result>> StartAll()
    {
        var aflFuzz = ExternalTool.Require("afl-fuzz", AflHint);
        var harness = _harness.Value;
        return TargetNames.ToDictionary(t => t, t => Task.Run(async () =>
        {
            await _processors.WaitAsync();
            try
            {
                return FuzzAlone(aflFuzz, harness, t);
            }
            finally
            {
                _processors.Release();
            }
        }), StringComparer.Ordinal);
    }

    private Result FuzzAlone(string aflFuzz, string harness, string target)
    {
        var seeds = Path.Combine(_work, "seeds", target);
        var output = Path.Combine(_work, "out", target);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        // Seeds and dictionaries come from the uninstrumented copy, as in fuzz/run.sh: instrumented code runs only under
        // afl-fuzz, where SharpFuzz's coverage map exists (seeding through it failed with an AccessViolationException).
        var seeded = Harness(PlainHarness, ["seed", target, RepoPaths.Root, seeds, "8"]);
        Assert.True(seeded.ExitCode == 0, $"no seeds for {target}: {seeded.StandardOutput}{seeded.StandardError}");

        // -t 5000: five seconds an input, the first one (which pays for the JIT) too. Not `5000+`, which
        // makes 5 s the most that afl-fuzz may choose: it chose about 60 ms from the seeds' times, and the
        // harness runs every input in one process (SharpFuzz), so the first input over that was killed with
        // the process and ended the run ("Unable to communicate with fork server"). -V: stop after so many
        // seconds.
        var dictionaries = Harness(PlainHarness, ["dictionaries", target, RepoPaths.Root]);
        Assert.True(dictionaries.ExitCode == 0, $"no dictionaries for {target}: {dictionaries.StandardError}");
        var tokens = dictionaries.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(d => new[] { "-x", d });
        var fuzz = ExternalTool.Run(aflFuzz, ["-i", seeds, "-o", output, "-V", Seconds.ToString(CultureInfo.InvariantCulture), "-t", "5000", "-m", "none", .. tokens, "--", "dotnet", harness, "fuzz", target],
            environment: AflEnvironment(), timeout: TimeSpan.FromSeconds((Seconds * 4) + 120));
        var stats = Path.Combine(output, "default", "fuzzer_stats");
        Assert.True(File.Exists(stats), $"afl-fuzz did not run {target} (exit {fuzz.ExitCode}):\n{Tail(fuzz.StandardOutput)}\n{Tail(fuzz.StandardError)}");

        // afl-fuzz exits with 0 when -V's time is up. The harness runs every input in its one process (SharpFuzz), so
        // an input that ends that process (one past -t, which afl-fuzz kills; a stack overflow) ends the run instead,
        // with "Unable to communicate with fork server", and is saved nowhere but in .cur_input.
        var endedRun = fuzz.ExitCode == 0 ? [] : KeepCurrentInput(output, target);
        return new Result(Executions(stats), Keep(output, "crashes", target), Keep(output, "hangs", target), endedRun, Tail(fuzz.StandardOutput + fuzz.StandardError));
    }

    /// <summary>Runs a saved input through the uninstrumented harness and returns what it printed (the stack trace).</summary>
    public string Replay(string target, string input)
    {
        if (!File.Exists(input))
        {
            return "(nothing to replay)";
        }

        try
        {
            var replay = ExternalTool.Run("dotnet", [PlainHarness, "replay", target, input], timeout: ReplayTimeout);
            return $"exit {replay.ExitCode}\n{replay.StandardOutput}{Tail(replay.StandardError)}";
        }
        catch (TimeoutException)
        {
            return $"the replay did not end in {ReplayTimeout.TotalSeconds:0} s: the input hangs";
        }
    }

    public void Dispose()
    {
        // Runs a filtered test run did not ask for are still going: their afl-fuzz works in the folder deleted below.
        if (_runs.IsValueCreated)
        {
            Task.WhenAll(_runs.Value.Values).ContinueWith(_ => { }, TaskScheduler.Default).Wait();
        }

        _processors.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>The uninstrumented copy of the harness that <see cref="Instrument"/> leaves beside the tests.</summary>
    private static string PlainHarness => Path.Combine(AppContext.BaseDirectory, "fuzz-harness", "ConfigConvert.Fuzz.dll");

    private static ExternalTool.Result Harness(string dll, IEnumerable<string> arguments)
        => ExternalTool.Run("dotnet", [dll, .. arguments], timeout: TimeSpan.FromMinutes(5));

    private string Instrument()
    {
        var built = HarnessBuildOutput();
        var copy = Path.Combine(_work, "harness");
        CopyDirectory(built, copy);
        CopyDirectory(built, Path.Combine(AppContext.BaseDirectory, "fuzz-harness"));
        var restore = ExternalTool.Run("dotnet", ["tool", "restore"], RepoPaths.Root);
        Assert.True(restore.ExitCode == 0, "dotnet tool restore (sharpfuzz) failed:\n" + restore.StandardOutput + restore.StandardError);
        foreach (var library in InstrumentedLibraries)
        {
            var dll = Path.Combine(copy, $"ConfigConvert.{library}.dll");
            var instrumented = ExternalTool.Run("dotnet", ["tool", "run", "sharpfuzz", dll], RepoPaths.Root);
            Assert.True(instrumented.ExitCode == 0, $"sharpfuzz {dll} failed:\n{instrumented.StandardOutput}{instrumented.StandardError}");
        }

        return Path.Combine(copy, "ConfigConvert.Fuzz.dll");
    }

    // The harness's build output beside this test's: same configuration, same target framework.
    internal static string HarnessBuildOutput()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd('/'));
        var configuration = framework.Parent!.Name;
        var path = RepoPaths.Combine("fuzz", "ConfigConvert.Fuzz", "bin", configuration, framework.Name);
        Assert.True(File.Exists(Path.Combine(path, "ConfigConvert.Fuzz.dll")), $"the fuzz harness is not built at {path}");
        return path;
    }

    private Dictionary<string, string> AflEnvironment() => new()
    {
        ["AFL_SKIP_BIN_CHECK"] = "1",                       // dotnet itself is not instrumented; the libraries are
        ["AFL_NO_UI"] = "1",
        ["AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES"] = "1",    // CI cannot change /proc/sys/kernel/core_pattern
        ["AFL_SKIP_CPUFREQ"] = "1",
        ["AFL_NO_AFFINITY"] = "1",                          // shared runners: do not pin a core
        ["TMPDIR"] = Directory.CreateDirectory(Path.Combine(_work, "tmp")).FullName,
    };

    private static int Executions(string stats)
        => File.ReadLines(stats).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim() == "execs_done")
            .Select(p => int.Parse(p[1].Trim(), CultureInfo.InvariantCulture)).FirstOrDefault();

    // Saved inputs are copied under the test's output folder, so that the paths in the failure
    // message outlive the temporary folder.
    private static List<string> Keep(string output, string kind, string target)
    {
        var found = Path.Combine(output, "default", kind);
        if (!Directory.Exists(found))
        {
            return [];
        }

        var kept = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "fuzz-findings", target, kind)).FullName;
        return [.. Directory.EnumerateFiles(found, "id:*").Order(StringComparer.Ordinal).Select(file =>
        {
            var destination = Path.Combine(kept, Path.GetFileName(file).Replace(':', '_'));
            File.Copy(file, destination, overwrite: true);
            return destination;
        })];
    }

    private static List<string> KeepCurrentInput(string output, string target)
    {
        var current = Path.Combine(output, "default", ".cur_input");
        var kept = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "fuzz-findings", target, "ended-run")).FullName;
        var destination = Path.Combine(kept, "cur_input");
        if (!File.Exists(current))
        {
            return [destination + " (afl-fuzz left no input)"];
        }

        File.Copy(current, destination, overwrite: true);
        return [destination];
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];
}
