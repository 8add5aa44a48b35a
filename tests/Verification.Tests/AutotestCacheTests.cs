using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;
using ConfigConvert.Verification.Nginx;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Tests;

/// <summary>
/// <c>.ci/autotest-cc.c</c>, the compiler <c>.ci/run</c> gives nginx's configure: it compiles each distinct
/// feature test once in a run and gives the real compiler's result again for the same command. These tests prove
/// that configure cannot tell: its files are the same as with the real compiler, cold or warm, and a command whose
/// result could depend on more than its own bytes is never memoized.
/// </summary>
public sealed partial class AutotestCacheTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-autotest-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Cache => Path.Combine(_root, "cache");

    [Trait("Requires", "nginx")]
    [Trait("Requires", "dash")]
    [Fact]
    public void Configure_writes_the_same_files_with_the_memoizing_compiler_cold_and_warm_as_with_the_real_one()
    {
        var wrapper = BuildWrapper();
        // The fixture's first feature test names headers and libraries under /opt: it is compiled every time.
        var module = RepoPaths.Combine("tests", "fixtures", "modules", "feature_test");
        var real = Configure("real", "cc", module);
        var cold = Configure("cold", wrapper, module);
        var memoized = Entries();
        var coldHits = Hits().Length;
        var warm = Configure("warm", wrapper, module);

        // Every command the cold run compiled or gave again, the warm run gave again, and it compiled nothing new.
        Assert.True(memoized.Length >= 80, $"only {memoized.Length} feature tests were memoized");
        Assert.Equal(memoized, Entries());
        Assert.Equal(memoized.Length + coldHits, Hits().Length - coldHits);
        foreach (var run in new[] { cold, warm })
        {
            Assert.Equal(real.Output, run.Output);
            Assert.Equal(real.Files.Keys.Order(StringComparer.Ordinal).ToArray(), run.Files.Keys.Order(StringComparer.Ordinal).ToArray());
            foreach (var (name, text) in real.Files)
            {
                Assert.True(Comparable(text, "cc") == Comparable(run.Files[name], wrapper), $"objs/{name} differs in the {run.Label} run");
            }
        }

        Assert.Contains("checking for libngxprobe in /opt/ngxprobe ... not found", real.Output, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_feature_test_is_given_again_byte_for_byte_and_a_failing_one_with_its_errors()
    {
        var wrapper = BuildWrapper();
        var work = WorkDirectory("#include <stdio.h>\nint main(void) { puts(\"probe\"); return 0; }\n");
        var first = Compile(wrapper, work, []);
        var program = File.ReadAllBytes(Path.Combine(work, "objs", "autotest"));
        var second = Compile(wrapper, work, []);
        Assert.Equal((first.ExitCode, first.StandardOutput, first.StandardError), (second.ExitCode, second.StandardOutput, second.StandardError));
        Assert.Equal(program, File.ReadAllBytes(Path.Combine(work, "objs", "autotest")));
        Assert.Equal(0, first.ExitCode);
        Assert.Single(Hits());

        var broken = WorkDirectory("int main(void) { return undeclared; }\n");
        var failed = Compile(wrapper, broken, []);
        var again = Compile(wrapper, broken, []);
        Assert.NotEqual(0, failed.ExitCode);
        Assert.Contains("undeclared", failed.StandardError, StringComparison.Ordinal);
        Assert.Equal((failed.ExitCode, failed.StandardError), (again.ExitCode, again.StandardError));
        Assert.False(File.Exists(Path.Combine(broken, "objs", "autotest")));
        Assert.Equal(2, Entries().Length);
        Assert.Equal(2, Hits().Length);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public async Task The_same_test_run_at_once_is_compiled_by_one_and_given_to_the_others()
    {
        // Configures started together (a test's builds, all cold at a run's start) ask for the same test at once.
        var wrapper = BuildWrapper();
        var source = "#include <stdio.h>\nint main(void) { puts(\"probe\"); return 0; }\n";
        var works = Enumerable.Range(0, 4).Select(_ => WorkDirectory(source)).ToArray();
        var results = await Task.WhenAll(works.Select(work => Task.Run(() => Compile(wrapper, work, []))));

        Assert.Single(Entries());
        Assert.Equal(3, Hits().Length);
        Assert.All(results, r => Assert.Equal((0, string.Empty, string.Empty), (r.ExitCode, r.StandardOutput, r.StandardError)));
        var program = File.ReadAllBytes(Path.Combine(works[0], "objs", "autotest"));
        Assert.All(works, work => Assert.Equal(program, File.ReadAllBytes(Path.Combine(work, "objs", "autotest"))));
    }

    [Trait("Requires", "nginx")]
    [Theory]
    [InlineData("#include \"local.h\"\nint main(void) { return 0; }\n", "")]
    [InlineData("#include <stdio.h>\nint main(void) { return 0; }\n", "-I /opt/probe/include")]
    [InlineData("#include <stdio.h>\nint main(void) { return 0; }\n", "-L/opt/probe/lib")]
    [InlineData("#include <stdio.h>\nint main(void) { return 0; }\n", "-I /usr/../opt/probe")]
    public void A_test_that_reads_files_outside_the_system_is_compiled_every_time(string source, string arguments)
    {
        var wrapper = BuildWrapper();
        var work = WorkDirectory(source);
        File.WriteAllText(Path.Combine(work, "objs", "local.h"), string.Empty);
        var first = Compile(wrapper, work, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Compile(wrapper, work, arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(0, first.ExitCode);
        Assert.Empty(Entries());
        Assert.Empty(Hits());
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Other_bytes_or_other_arguments_are_another_test()
    {
        var wrapper = BuildWrapper();
        var work = WorkDirectory("int main(void) { return 0; }\n");
        Compile(wrapper, work, []);
        Compile(wrapper, work, ["-O2"]);
        File.WriteAllText(Path.Combine(work, "objs", "autotest.c"), "int main(void) { return 1; }\n");
        Compile(wrapper, work, []);
        Assert.Equal(3, Entries().Length);
        Assert.Empty(Hits());
        Assert.Equal(1, ExternalTool.Run(Path.Combine(work, "objs", "autotest"), [], work).ExitCode);
    }

    private sealed record ConfigureRun(string Label, string Output, Dictionary<string, string> Files);

    private ConfigureRun Configure(string label, string compiler, string module)
    {
        var runner = new ProcessRunner(TimeSpan.FromMinutes(3), null, CancellationToken.None);
        var source = NginxSourceTree.Open(VerificationRequest.DefaultNginxSource, runner, out var problem) ?? throw new InvalidOperationException(problem);
        var tree = Path.Combine(_root, label);
        source.CopyTo(tree);
        var environment = new Dictionary<string, string> { ["CC"] = compiler, ["CONFIGCONVERT_AUTOTEST_CACHE"] = Cache };
        var run = ExternalTool.Run("/bin/sh", ["./configure", .. source.ConfFlags, "--add-module=" + module], tree, environment, TimeSpan.FromMinutes(3));
        Assert.True(run.ExitCode == 0, $"configure ({label}) failed: {run.StandardError}");
        var objs = Path.Combine(tree, "objs");
        var files = Directory.EnumerateFiles(objs, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(objs, f), File.ReadAllText, StringComparer.Ordinal);
        return new ConfigureRun(label, run.StandardOutput, files);
    }

    // configure writes the compiler it was given into the Makefile (CC, and CPP as CC -E) and, for a test that
    // failed, the command into autoconf.err, whose linker errors name the compiler's temporary files, which differ
    // between any two runs.
    private static string Comparable(string text, string compiler)
        => TemporaryObject().Replace(text.Replace(compiler, "cc", StringComparison.Ordinal), "/tmp/ccXXXXXX.o");

    [GeneratedRegex(@"/tmp/cc[A-Za-z0-9]{6}\.o")]
    private static partial Regex TemporaryObject();

    private string BuildWrapper()
    {
        Directory.CreateDirectory(Cache);
        var compiler = ExternalTool.Require("cc", "apt-get install -y gcc");
        var wrapper = Path.Combine(_root, "autotest-cc");
        var build = ExternalTool.Run(compiler, ["-O2", "-Wall", "-Wextra", "-Werror", $"-DREAL_CC=\"{compiler}\"", "-o", wrapper, RepoPaths.Combine(".ci", "autotest-cc.c")]);
        Assert.True(build.ExitCode == 0, build.StandardError);
        return wrapper;
    }

    private string WorkDirectory(string source)
    {
        var work = Path.Combine(_root, "work-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(work, "objs"));
        File.WriteAllText(Path.Combine(work, "objs", "autotest.c"), source);
        return work;
    }

    private ExternalTool.Result Compile(string wrapper, string work, string[] arguments)
        => ExternalTool.Run(wrapper, [.. arguments, "-o", "objs/autotest", "objs/autotest.c"], work, new Dictionary<string, string> { ["CONFIGCONVERT_AUTOTEST_CACHE"] = Cache });

    private string[] Entries()
        => [.. Directory.EnumerateDirectories(Cache).Select(Path.GetFileName).Where(n => !n!.StartsWith('.')).Order(StringComparer.Ordinal)!];

    private string[] Hits()
    {
        var hits = Path.Combine(Cache, "hits");
        return File.Exists(hits) ? File.ReadAllLines(hits) : [];
    }
}
