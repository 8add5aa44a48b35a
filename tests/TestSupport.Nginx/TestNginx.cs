using ConfigConvert.Verification;
using ConfigConvert.Verification.Nginx;
using ConfigConvert.Verification.Processes;
using Xunit;

namespace ConfigConvert.TestSupport.Nginx;

/// <summary>
/// nginx-dev's source tree through the code of <c>ngx-convert verify</c> (ConfigConvert.Verification), for the tests
/// of every project that run nginx's real configure: the toolchain, and nginx configured alone, which the converter's
/// conformance tests, the model's agreement tests and the verifier's own tests all compare builds with.
/// </summary>
internal static class TestNginx
{
    /// <summary>The toolchain on nginx-dev's tree, each program held to <paramref name="timeout"/>, with <paramref name="environment"/> set.</summary>
    public static NginxToolchain Toolchain(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        var runner = new ProcessRunner(timeout, null, CancellationToken.None) { Environment = environment ?? new Dictionary<string, string>() };
        var source = NginxSourceTree.Open(VerificationRequest.DefaultNginxSource, runner, out var problem) ?? throw new InvalidOperationException(problem);
        return new NginxToolchain(source, runner);
    }

    /// <summary>
    /// The directory of configure's <c>objs/</c> files for nginx configured with <paramref name="flags"/> and no module
    /// of its own (flags that add one are left out), configured once per test run for the same flags
    /// (<see cref="SharedRuns.ConfigureAlone"/>); the test fails when configure does.
    /// </summary>
    public static string AloneObjs(IEnumerable<string> flags)
    {
        var alone = flags.Where(f => !NginxToolchain.AddsModule(f)).ToArray();
        return SharedRuns.ConfigureAlone(alone, made =>
        {
            var scratch = Directory.CreateTempSubdirectory("cc-alone-").FullName;
            try
            {
                var configuration = Toolchain(TimeSpan.FromMinutes(3)).Configure([NginxToolchain.AloneBuild(alone, scratch)], scratch)[0];
                Assert.True(configuration.Files is not null, $"configure of nginx alone failed: {configuration.Run.Output}");
                configuration.Files.WriteTo(made);
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        });
    }

    /// <summary>nginx's own modules, in order, configured with <paramref name="flags"/> and no module of its own (<see cref="AloneObjs"/>).</summary>
    public static IReadOnlyList<string> AloneModules(IEnumerable<string> flags)
        => StaticBuildFacts.ModuleArray(StaticBuildFiles.Read(AloneObjs(flags)).ModulesFile);
}
