using ConfigConvert.TestSupport;
using ConfigConvert.TestSupport.Nginx;
using ConfigConvert.Verification.Nginx;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>
/// nginx's real configure, through the code of <c>ngx-convert verify</c> (ConfigConvert.Verification):
/// the static build a module directory gives with Debian's flags.
/// </summary>
internal static class NginxConfigure
{
    /// <summary>What <c>objs/ngx_modules.c</c> and <c>objs/Makefile</c> say of a static build; <paramref name="Module"/> is the module directory configure was given.</summary>
    public sealed record StaticBuild(List<string> Modules, string Makefile, string ModulesFile, string AutoConfig, string Module);

    /// <summary>
    /// The static build of <paramref name="moduleDirectory"/>. configure runs once per test run for the same module
    /// bytes, flags and environment (<see cref="SharedRuns.ConfigureStatic"/>), on a copy of the module: the
    /// conformance tests of the converter configure the fixtures' original configs too.
    /// </summary>
    public static StaticBuild Static(string moduleDirectory, string extraFlags, IReadOnlyDictionary<string, string>? environment = null)
    {
        ShellOracle.RequireNginxDev();
        var configured = SharedRuns.ConfigureStatic(moduleDirectory, extraFlags, environment ?? new Dictionary<string, string>(), (copy, objs) => Configure(copy, extraFlags, objs, environment));
        if (configured.Failure is not null)
        {
            throw new InvalidOperationException($"configure failed for {moduleDirectory}: {configured.Failure}");
        }

        var files = StaticBuildFiles.Read(configured.Objs);
        return new StaticBuild([.. StaticBuildFacts.Read(files, configured.Module).Modules], files.Makefile, files.ModulesFile, files.AutoConfig, configured.Module);
    }

    /// <summary>
    /// The static builds of <paramref name="modules"/> that the test run does not hold yet and no other test is making
    /// (<see cref="SharedRuns.ClaimStatic"/>), configured at once through the code of ngx-convert verify: those with
    /// the same flags and environment share configure's first part. Each is kept in SharedRuns, where
    /// <see cref="Static"/> finds it.
    /// </summary>
    public static void ConfigureTogether(IEnumerable<(string Module, string Flags, IReadOnlyDictionary<string, string> Environment)> modules)
    {
        ShellOracle.RequireNginxDev();
        foreach (var group in modules.GroupBy(m => string.Join('\n', m.Environment.OrderBy(e => e.Key, StringComparer.Ordinal)), StringComparer.Ordinal))
        {
            var claimed = new List<(string Flags, StaticClaim Claim)>();
            try
            {
                foreach (var (module, flags, environment) in group)
                {
                    if (SharedRuns.ClaimStatic(module, flags, environment) is { } claim)
                    {
                        claimed.Add((flags, claim));
                    }
                }

                var builds = claimed.Select((c, i) => (c.Flags, c.Claim.Module, Directory: i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
                var configured = Configure(builds, group.First().Environment);
                for (var i = 0; i < claimed.Count; i++)
                {
                    claimed[i].Claim.Complete(objs => Keep(configured[i], objs));
                }
            }
            finally
            {
                claimed.ForEach(c => c.Claim.Dispose());
            }
        }
    }

    private static string? Configure(string module, string extraFlags, string objs, IReadOnlyDictionary<string, string>? environment)
        => Keep(Configure([(extraFlags, module, "build")], environment ?? new Dictionary<string, string>())[0], objs);

    // configure --add-module=Module with Flags for each build, in a directory of its own under one scratch directory.
    private static StaticConfiguration[] Configure(IReadOnlyList<(string Flags, string Module, string Directory)> builds, IReadOnlyDictionary<string, string> environment)
    {
        if (builds.Count == 0)
        {
            return [];
        }

        var scratch = Directory.CreateTempSubdirectory("cc-static-").FullName;
        try
        {
            var toolchain = Toolchain(environment);
            return [.. toolchain.Configure([.. builds.Select(b => new ConfigureBuild("configure --add-module", Path.Combine(scratch, b.Directory), [.. Split(b.Flags), "--add-module=" + b.Module]))], scratch)];
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // Writes a configure's objs/ files into objs; configure's output when it failed.
    private static string? Keep(StaticConfiguration configured, string objs)
    {
        if (configured.Files is not { } files)
        {
            return configured.Run.Output;
        }

        files.WriteTo(objs);
        return null;
    }

    private static NginxToolchain Toolchain(IReadOnlyDictionary<string, string> environment) => TestNginx.Toolchain(TimeSpan.FromMinutes(3), environment);

    private static string[] Split(string flags) => flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
