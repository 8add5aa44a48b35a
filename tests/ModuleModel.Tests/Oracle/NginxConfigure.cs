using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>nginx's real configure (tests/oracle/build-static.sh): the static build a module directory gives.</summary>
internal static partial class NginxConfigure
{
    private static readonly Dictionary<string, StaticBuild> Baselines = new(StringComparer.Ordinal);

    /// <summary>What <c>objs/ngx_modules.c</c> and <c>objs/Makefile</c> say of a static build.</summary>
    public sealed record StaticBuild(List<string> Modules, string Makefile, string ModulesFile, string AutoConfig);

    public static StaticBuild Static(string moduleDirectory, string extraFlags)
    {
        ShellOracle.RequireNginxDev();
        var output = Path.Combine(Path.GetTempPath(), "cc-static-" + Guid.NewGuid().ToString("N"));
        try
        {
            var args = new List<string> { RepoPaths.Combine("tests", "oracle", "build-static.sh"), moduleDirectory, output };
            args.AddRange(extraFlags.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var result = ExternalTool.Run("bash", args, timeout: TimeSpan.FromMinutes(3));
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"configure failed for {moduleDirectory}: {result.StandardError}");
            }

            var modulesFile = File.ReadAllText(Path.Combine(output, "ngx_modules.c"));
            return new StaticBuild(ModuleArray(modulesFile), File.ReadAllText(Path.Combine(output, "Makefile")), modulesFile, File.ReadAllText(Path.Combine(output, "ngx_auto_config.h")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }

    /// <summary>The static build with a module that registers nothing: nginx's own modules only.</summary>
    public static StaticBuild Baseline(string extraFlags)
    {
        lock (Baselines)
        {
            if (!Baselines.TryGetValue(extraFlags, out var build))
            {
                var empty = Path.Combine(Path.GetTempPath(), "cc-empty-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(empty);
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

    private static List<string> ModuleArray(string modulesFile)
    {
        var start = modulesFile.IndexOf("ngx_module_t *ngx_modules[] = {", StringComparison.Ordinal);
        var end = modulesFile.IndexOf("};", start, StringComparison.Ordinal);
        return [.. ModuleReference().Matches(modulesFile[start..end]).Select(m => m.Groups[1].Value)];
    }

    [GeneratedRegex(@"&(\w+),")]
    private static partial Regex ModuleReference();
}
