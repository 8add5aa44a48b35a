using ConfigConvert.TestSupport;
using ConfigConvert.Verification;
using ConfigConvert.Verification.Nginx;
using ConfigConvert.Verification.Processes;

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

    private static string? Configure(string module, string extraFlags, string objs, IReadOnlyDictionary<string, string>? environment)
    {
        var output = Directory.CreateTempSubdirectory("cc-static-").FullName;
        try
        {
            var runner = new ProcessRunner(TimeSpan.FromMinutes(3), null, CancellationToken.None) { Environment = environment ?? new Dictionary<string, string>() };
            var source = NginxSourceTree.Open(VerificationRequest.DefaultNginxSource, runner, out var problem) ?? throw new InvalidOperationException(problem);
            var configuration = new NginxToolchain(source, runner).Configure([new("configure --add-module", output, [.. extraFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--add-module=" + module])], output)[0];
            if (configuration.Files is not { } files)
            {
                return configuration.Run.Output;
            }

            files.WriteTo(objs);
            return null;
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>
    /// nginx's own modules, in order: configure with <paramref name="extraFlags"/> and no module of its own, run once per
    /// test run for the same flags (<see cref="SharedRuns.ConfigureAlone"/>).
    /// </summary>
    public static IReadOnlyList<string> Baseline(string extraFlags)
    {
        ShellOracle.RequireNginxDev();
        var flags = extraFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var directory = SharedRuns.ConfigureAlone(flags, made =>
        {
            var output = Directory.CreateTempSubdirectory("cc-alone-").FullName;
            try
            {
                var runner = new ProcessRunner(TimeSpan.FromMinutes(3), null, CancellationToken.None);
                var source = NginxSourceTree.Open(VerificationRequest.DefaultNginxSource, runner, out var problem) ?? throw new InvalidOperationException(problem);
                var configuration = new NginxToolchain(source, runner).Configure([new("configure (nginx alone, no module)", output, [.. flags])], output)[0];
                if (configuration.Files is not { } files)
                {
                    throw new InvalidOperationException($"configure of nginx alone failed: {configuration.Run.Output}");
                }

                files.WriteTo(made);
            }
            finally
            {
                Directory.Delete(output, recursive: true);
            }
        });
        return StaticBuildFacts.ModuleArray(StaticBuildFiles.Read(directory).ModulesFile);
    }
}
