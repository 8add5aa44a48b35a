using ConfigConvert.TestSupport;

namespace ConfigConvert.Architecture.Tests;

/// <summary>
/// A static configure claimed for a batch (<see cref="SharedRuns.ClaimStatic"/>) is made once: a request for it waits
/// for the claim and reads what the claim kept; a claim given up is made again by the next request. Each test uses a
/// module of its own bytes, so its keys are its own in the run's shared directory.
/// </summary>
public sealed class SharedRunsTests : IDisposable
{
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    private readonly DirectoryInfo _module = Directory.CreateTempSubdirectory("cc-shared-module-");

    public SharedRunsTests() => File.WriteAllText(Path.Combine(_module.FullName, "config"), "ngx_addon_name=" + Guid.NewGuid().ToString("N") + "\n");

    public void Dispose() => _module.Delete(recursive: true);

    [Fact]
    public async Task A_request_waits_for_the_claim_and_reads_what_it_kept_with_the_module_path_as_the_placeholder()
    {
        using var claim = SharedRuns.ClaimStatic(_module.FullName, "--flag", NoEnvironment);
        Assert.NotNull(claim);
        Assert.Equal(File.ReadAllText(Path.Combine(_module.FullName, "config")), File.ReadAllText(Path.Combine(claim.Module, "config")));
        var configuredAgain = false;
        var asking = new TaskCompletionSource();
        var request = Task.Run(() =>
        {
            asking.SetResult();
            return SharedRuns.ConfigureStatic(_module.FullName, "--flag", NoEnvironment, (_, _) =>
            {
                configuredAgain = true;
                return "configured again";
            });
        });

        await asking.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(500);
        Assert.False(request.IsCompleted);
        claim.Complete(objs =>
        {
            File.WriteAllText(Path.Combine(objs, "Makefile"), "sources: " + claim.Module + "/a.c\n");
            return null;
        });
        claim.Dispose();

        var configured = await request.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(configuredAgain);
        Assert.Null(configured.Failure);
        Assert.Equal("sources: " + SharedRuns.ConfiguredModule + "/a.c\n", File.ReadAllText(Path.Combine(configured.Objs, "Makefile")));
        Assert.Throws<ObjectDisposedException>(() => claim.Complete(_ => null));
    }

    [Fact]
    public void A_configure_held_or_made_is_not_claimed_again_and_other_flags_are_another_configure()
    {
        using (var claim = SharedRuns.ClaimStatic(_module.FullName, "--flag", NoEnvironment))
        {
            Assert.NotNull(claim);
            Assert.Null(SharedRuns.ClaimStatic(_module.FullName, "--flag", NoEnvironment));
            using var other = SharedRuns.ClaimStatic(_module.FullName, "--other-flag", NoEnvironment);
            Assert.NotNull(other);
            claim.Complete(_ => "configure failed here");
        }

        Assert.Null(SharedRuns.ClaimStatic(_module.FullName, "--flag", NoEnvironment));
        var configured = SharedRuns.ConfigureStatic(_module.FullName, "--flag", NoEnvironment, (_, _) => throw new InvalidOperationException("made twice"));
        Assert.Equal("configure failed here", configured.Failure);
    }

    [Fact]
    public void A_claim_given_up_is_made_by_the_next_request()
    {
        var environment = new Dictionary<string, string> { ["LIB_PATH"] = "/opt/lib" };
        using (var claim = SharedRuns.ClaimStatic(_module.FullName, string.Empty, environment))
        {
            Assert.NotNull(claim);
            File.WriteAllText(Path.Combine(claim.Module, "left-over"), "half made");
        }

        var configured = SharedRuns.ConfigureStatic(_module.FullName, string.Empty, environment, (module, objs) =>
        {
            Assert.False(File.Exists(Path.Combine(module, "left-over")));
            File.WriteAllText(Path.Combine(objs, "ngx_modules.c"), "made by the request\n");
            return null;
        });
        Assert.Null(configured.Failure);
        Assert.Equal("made by the request\n", File.ReadAllText(Path.Combine(configured.Objs, "ngx_modules.c")));
    }
}
