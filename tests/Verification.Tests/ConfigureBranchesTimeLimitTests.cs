using ConfigConvert.TestSupport.Nginx;
using ConfigConvert.Verification.Nginx;

namespace ConfigConvert.Verification.Tests;

/// <summary>
/// Builds that share configure's first part keep the time limit of a whole configure (<see cref="BranchWatch"/>): a
/// build whose config hangs is stopped at the limit, with what it started, and the builds after it still run; a
/// shared part that hangs stops every build at the limit.
/// </summary>
[Trait("Requires", "nginx")]
[Trait("Requires", "dash")]
public sealed class ConfigureBranchesTimeLimitTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-branches-limit-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_build_over_the_limit_is_stopped_with_what_it_started_and_the_next_build_runs()
    {
        const string hang = "986.125";
        var fine = Module("fine", "ngx_addon_name=ngx_http_fine_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_fine_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/fine.c\"\n");
        var hangs = Module("hangs", $"ngx_addon_name=ngx_http_hangs_module\necho 'waiting for a licence server'\nsleep {hang}\n");
        ConfigureBuild[] builds =
        [
            new("before", Path.Combine(_root, "before"), ["--add-module=" + fine]),
            new("hangs", Path.Combine(_root, "hangs"), ["--add-module=" + hangs]),
            new("after", Path.Combine(_root, "after"), ["--add-module=" + fine]),
        ];

        var configured = Toolchain(TimeSpan.FromSeconds(40)).Configure(builds, Path.Combine(_root, "scratch"));

        Assert.True(File.Exists(Path.Combine(_root, "scratch", "branch-0", "prefix-done")), "the builds did not share configure's first part");
        Assert.Equal(0, configured[0].Run.ExitCode);
        var stopped = configured[1].Run;
        Assert.True(stopped.TimedOut, stopped.Output[^Math.Min(800, stopped.Output.Length)..]);
        Assert.Null(stopped.ExitCode);
        Assert.Null(configured[1].Files);
        Assert.Contains("waiting for a licence server\n", stopped.Output, StringComparison.Ordinal);
        Assert.EndsWith("[stopped after 40 s: over the time limit]\n", stopped.Output, StringComparison.Ordinal);
        Assert.InRange(stopped.Duration, TimeSpan.FromSeconds(39), TimeSpan.FromSeconds(70));
        Assert.DoesNotContain("Killed", configured[0].Run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Killed", configured[2].Run.Output, StringComparison.Ordinal);
        Assert.True(configured[2].Run.Succeeded, configured[2].Run.Output[^Math.Min(800, configured[2].Run.Output.Length)..]);
        Assert.NotNull(configured[2].Files);
        AssertEnded(hang);
    }

    [Fact]
    public void A_shared_part_over_the_limit_stops_every_build()
    {
        const string hang = "985.125";
        var compiler = Path.Combine(_root, "slow-cc");
        File.WriteAllText(compiler, $"#!/bin/sh\nsleep {hang}\n");
        File.SetUnixFileMode(compiler, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var fine = Module("fine", "ngx_addon_name=ngx_http_fine_module\n");
        ConfigureBuild[] builds =
        [
            new("one", Path.Combine(_root, "one"), ["--add-module=" + fine]),
            new("two", Path.Combine(_root, "two"), []),
        ];

        var configured = Toolchain(TimeSpan.FromSeconds(5), new Dictionary<string, string> { ["CC"] = compiler }).Configure(builds, Path.Combine(_root, "scratch"));

        Assert.False(File.Exists(Path.Combine(_root, "scratch", "branch-0", "prefix-done")));
        Assert.InRange(configured[0].Run.Duration, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(12));
        Assert.All(configured, c =>
        {
            Assert.True(c.Run.TimedOut, c.Run.Output);
            Assert.Null(c.Run.ExitCode);
            Assert.Null(c.Files);
            Assert.Contains("checking for OS", c.Run.Output, StringComparison.Ordinal);
            Assert.EndsWith("[stopped after 5 s: over the time limit]\n", c.Run.Output, StringComparison.Ordinal);
        });
        AssertEnded(hang);
    }

    private string Module(string name, string config)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, "modules", name)).FullName;
        File.WriteAllText(Path.Combine(directory, "config"), config);
        return directory;
    }

    private static NginxToolchain Toolchain(TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null) => TestNginx.Toolchain(limit, environment);

    // Stopped processes are gone once the kernel has reaped them: a moment after the signal.
    private static void AssertEnded(string marker)
    {
        for (var i = 0; i < 50 && Running(marker).Count > 0; i++)
        {
            Thread.Sleep(100);
        }

        Assert.Empty(Running(marker));
    }

    // The processes whose command line holds the marker (a sleep the module's config or the compiler started).
    private static List<string> Running(string marker)
        => [.. Directory.EnumerateDirectories("/proc").Select(p => Path.Combine(p, "cmdline")).Select(Read).Where(c => c.Contains(marker, StringComparison.Ordinal))];

    private static string Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
