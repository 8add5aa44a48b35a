using ConfigConvert.TestSupport;

namespace ConfigConvert.Fuzz.Tests;

/// <summary>
/// A replay runs saved inputs outside afl-fuzz, with the user's temporary directory: the files a
/// target writes for an input must not be left there.
/// </summary>
[Trait("Requires", "dotnet")]
public sealed class ReplayTests : IDisposable
{
    private readonly string _temporary = Directory.CreateTempSubdirectory("ngx-fuzz-replay-").FullName;

    [Theory]
    [MemberData(nameof(BoundedFuzzRunTests.Targets), MemberType = typeof(BoundedFuzzRunTests))]
    public void A_replay_leaves_nothing_in_the_temporary_directory(string target)
    {
        var harness = Path.Combine(FuzzRun.HarnessBuildOutput(), "ConfigConvert.Fuzz.dll");
        var seeds = Path.Combine(_temporary, "seeds");
        var seeded = ExternalTool.Run("dotnet", [harness, "seed", target, RepoPaths.Root, seeds, "3"], timeout: TimeSpan.FromMinutes(2));
        Assert.True(seeded.ExitCode == 0, seeded.StandardOutput + seeded.StandardError);
        var tmp = Directory.CreateDirectory(Path.Combine(_temporary, "tmp")).FullName;

        var replay = ExternalTool.Run("dotnet", [harness, "replay", target, .. Directory.GetFiles(seeds)], environment: new Dictionary<string, string> { ["TMPDIR"] = tmp }, timeout: TimeSpan.FromMinutes(2));

        Assert.True(replay.ExitCode == 0, replay.StandardOutput + replay.StandardError);
        Assert.Empty(Directory.EnumerateFileSystemEntries(tmp));
    }

    public void Dispose() => Directory.Delete(_temporary, recursive: true);
}
