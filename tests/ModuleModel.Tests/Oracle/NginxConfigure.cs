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
    private static readonly Dictionary<string, StaticBuild> Baselines = new(StringComparer.Ordinal);

    /// <summary>What <c>objs/ngx_modules.c</c> and <c>objs/Makefile</c> say of a static build.</summary>
    public sealed record StaticBuild(List<string> Modules, string Makefile, string ModulesFile, string AutoConfig);

    public static StaticBuild Static(string moduleDirectory, string extraFlags, IReadOnlyDictionary<string, string>? environment = null)
    {
        ShellOracle.RequireNginxDev();
        var output = Directory.CreateTempSubdirectory("cc-static-").FullName;
        try
        {
            var runner = new ProcessRunner(TimeSpan.FromMinutes(3), null, CancellationToken.None) { Environment = environment ?? new Dictionary<string, string>() };
            var source = NginxSourceTree.Open(VerificationRequest.DefaultNginxSource, runner, out var problem) ?? throw new InvalidOperationException(problem);
            var directory = Path.GetFullPath(moduleDirectory);
            var configuration = new NginxToolchain(source, runner).ConfigureStatic(directory, extraFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries), output);
            var files = configuration.Files ?? throw new InvalidOperationException($"configure failed for {moduleDirectory}: {configuration.Run.Output}");
            return new StaticBuild([.. StaticBuildFacts.Read(files, directory).Modules], files.Makefile, files.ModulesFile, files.AutoConfig);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The static build with a module that registers nothing: nginx's own modules only.</summary>
    public static StaticBuild Baseline(string extraFlags)
    {
        lock (Baselines)
        {
            if (!Baselines.TryGetValue(extraFlags, out var build))
            {
                var empty = Directory.CreateTempSubdirectory("cc-empty-").FullName;
                File.WriteAllText(Path.Combine(empty, "config"), "ngx_addon_name=empty\n");
                try
                {
                    build = Static(empty, extraFlags);
                }
                finally
                {
                    Directory.Delete(empty, recursive: true);
                }

                Baselines[extraFlags] = build;
            }

            return build;
        }
    }
}
