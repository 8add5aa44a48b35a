using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Converter.Tests.Conformance;

/// <summary>nginx's real build system and binary, through tests/oracle: configure, make modules, nginx -t.</summary>
internal static partial class RealNginx
{
    public const string Source = "/usr/share/nginx/src";

    /// <summary>What a static build of a module directory contains.</summary>
    public sealed record StaticBuild(IReadOnlyList<string> Modules, IReadOnlyList<string> AddonSources, IReadOnlyList<string> IncludeDirs, string Libs, IReadOnlyList<string> Defines);

    public static void Require()
    {
        ExternalTool.Require("dash", "apt-get install -y dash");
        ExternalTool.Require("nginx", "apt-get install -y nginx-core");
        if (!File.Exists(Path.Combine(Source, "configure")))
        {
            throw new InvalidOperationException($"{Source}/configure is missing: apt-get install -y nginx-dev");
        }
    }

    private static string Oracle(string script) => RepoPaths.Combine("tests", "oracle", script);

    public static StaticBuild Static(string module, string flags)
    {
        Require();
        var output = Directory.CreateTempSubdirectory("cc-static-").FullName;
        try
        {
            var result = ExternalTool.Run("bash", [Oracle("build-static.sh"), module, output, .. Split(flags)], timeout: TimeSpan.FromMinutes(3));
            Assert.True(result.ExitCode == 0, $"configure failed: {result.StandardError}");
            var modulesFile = File.ReadAllText(Path.Combine(output, "ngx_modules.c"));
            var start = modulesFile.IndexOf("ngx_module_t *ngx_modules[] = {", StringComparison.Ordinal);
            var modules = ModuleReference().Matches(modulesFile[start..modulesFile.IndexOf("};", start, StringComparison.Ordinal)]).Select(m => m.Groups[1].Value).ToList();
            var makefile = File.ReadAllText(Path.Combine(output, "Makefile")).Replace("\\\n", " ", StringComparison.Ordinal);
            var sources = makefile.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)
                .Where(w => w.StartsWith(module + "/", StringComparison.Ordinal) && w.EndsWith(".c", StringComparison.Ordinal))
                .Select(w => w[(module.Length + 1)..]).Distinct().Order(StringComparer.Ordinal).ToList();
            var includes = IncludeFlag().Matches(makefile).Select(m => m.Groups[1].Value).Where(i => i.StartsWith(module, StringComparison.Ordinal)).Distinct().Order(StringComparer.Ordinal).ToList();
            var link = makefile.Split('\n').SkipWhile(l => !l.StartsWith("objs/nginx:", StringComparison.Ordinal)).Skip(1).FirstOrDefault(l => l.Contains("$(LINK)", StringComparison.Ordinal)) ?? string.Empty;
            var libs = string.Join(' ', link.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries).SkipWhile(w => !w.StartsWith("-l", StringComparison.Ordinal) && !w.StartsWith("-L", StringComparison.Ordinal) && !w.StartsWith("-Wl", StringComparison.Ordinal)));
            var defines = File.ReadAllLines(Path.Combine(output, "ngx_auto_config.h")).Where(l => l.StartsWith("#define", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
            return new StaticBuild(modules, sources, includes, libs, defines);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Builds the module with --add-dynamic-module and make modules; returns the shared objects.</summary>
    public static IReadOnlyList<string> Dynamic(string module, string flags, string output)
    {
        Require();
        var result = ExternalTool.Run("bash", [Oracle("build-dynamic.sh"), module, output, .. Split(flags)], timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"make modules failed: {result.StandardError}");
        return result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    /// <summary>Runs nginx -t with the shared objects loaded and the given directives.</summary>
    public static ExternalTool.Result Load(IEnumerable<string> sharedObjects, IReadOnlyDictionary<string, string> directives)
    {
        var args = new List<string> { Oracle("load-module.sh") };
        foreach (var (context, option) in new[] { ("main", "--main"), ("http", "--http"), ("stream", "--stream-conf"), ("mail", "--mail-conf") })
        {
            if (directives.TryGetValue(context, out var text) && text.Length > 0)
            {
                args.Add(option);
                args.Add(text);
            }
        }

        args.AddRange(sharedObjects);
        return ExternalTool.Run("bash", args, timeout: TimeSpan.FromMinutes(1));
    }

    private static string[] Split(string flags) => flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex(@"&(\w+),")]
    private static partial Regex ModuleReference();

    [GeneratedRegex(@"-I\s+(\S+)")]
    private static partial Regex IncludeFlag();
}
