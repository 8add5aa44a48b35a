using System.Collections.Immutable;
using ConfigConvert.TestSupport;
using ConfigConvert.TestSupport.Nginx;
using ConfigConvert.Verification;
using ConfigConvert.Verification.Nginx;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Converter.Tests.Conformance;

/// <summary>
/// nginx's real build system and binary, through the code of <c>ngx-convert verify</c>
/// (ConfigConvert.Verification): configure in a copy of nginx-dev's tree with Debian's flags,
/// <c>make modules</c>, and <c>nginx -t</c> on a throwaway <c>nginx.conf</c>.
/// </summary>
internal static class RealNginx
{
    public const string Source = VerificationRequest.DefaultNginxSource;

    public static void Require()
    {
        ExternalTool.Require("dash", "apt-get install -y dash");
        ExternalTool.Require("nginx", "apt-get install -y nginx-core");
        if (!File.Exists(Path.Combine(Source, "configure")))
        {
            throw new InvalidOperationException($"{Source}/configure is missing: apt-get install -y nginx-dev");
        }
    }

    /// <summary>
    /// What a static build of a module directory contains: modules in order, the module's sources, include dirs, libs,
    /// defines. configure runs once per test run for the same module bytes, flags and environment
    /// (<see cref="SharedRuns.ConfigureStatic"/>): the original config of a fixture is configured by ModuleModel's
    /// tests too.
    /// </summary>
    public static StaticBuildFacts Static(string module, string flags, IReadOnlyDictionary<string, string>? environment = null)
    {
        var configured = SharedRuns.ConfigureStatic(module, flags, environment ?? new Dictionary<string, string>(), (copy, objs) => ConfigureStatic(copy, flags, objs, environment));
        Assert.True(configured.Failure is null, $"configure failed: {configured.Failure}");
        return StaticBuildFacts.Read(StaticBuildFiles.Read(configured.Objs), configured.Module);
    }

    /// <summary>
    /// What the static build of <paramref name="configured"/> (configure --add-module=<paramref name="module"/> with
    /// <paramref name="flags"/>) contains, kept for the test run as <see cref="Static(string, string, IReadOnlyDictionary{string, string}?)"/>
    /// keeps it: read the same way, with the module's path as the same placeholder, so that the two compare.
    /// </summary>
    public static StaticBuildFacts Static(string module, string flags, IReadOnlyDictionary<string, string> environment, StaticConfiguration configured)
    {
        // As if configure had run with the module at the copy's path (SharedRuns writes that path as one placeholder).
        var shared = SharedRuns.ConfigureStatic(module, flags, environment, (copy, objs) => Keep(configured, objs, text => text.Replace(module, copy, StringComparison.Ordinal)));
        Assert.True(shared.Failure is null, $"configure failed: {shared.Failure}");
        return StaticBuildFacts.Read(StaticBuildFiles.Read(shared.Objs), shared.Module);
    }

    /// <summary>Runs configure for the builds with the code of ngx-convert verify: those that differ only in the modules they add share configure's first part.</summary>
    public static ImmutableArray<StaticConfiguration> Configure(IReadOnlyList<ConfigureBuild> builds, string scratch, IReadOnlyDictionary<string, string>? environment)
        => Toolchain(TimeSpan.FromMinutes(3), environment).Configure(builds, scratch);

    /// <summary>Runs make modules in the tree of a dynamic configure (<see cref="Configure"/>); fails the test when make fails.</summary>
    public static DynamicBuild BuildModules(StaticConfiguration configured, IReadOnlyDictionary<string, string>? environment)
    {
        var build = Toolchain(TimeSpan.FromMinutes(5), environment).BuildModules(configured);
        Assert.True(build.Succeeded, $"configure or make modules failed: {build.Runs[^1].Output}");
        return build;
    }

    /// <summary>The flags of a dynamic build as ngx-convert verify gives them (with --with-compat).</summary>
    public static ImmutableArray<string> DynamicFlags(IReadOnlyList<string> flags) => Toolchain(TimeSpan.FromMinutes(1)).DynamicFlags(flags);

    /// <summary>Runs configure --add-module=<paramref name="module"/> and keeps its objs/ files in <paramref name="objs"/>; null, or configure's output when it failed.</summary>
    public static string? ConfigureStatic(string module, string flags, string objs, IReadOnlyDictionary<string, string>? environment)
    {
        var output = Directory.CreateTempSubdirectory("cc-static-").FullName;
        try
        {
            return Keep(Toolchain(TimeSpan.FromMinutes(3), environment).Configure([new("configure --add-module", output, [.. Split(flags), "--add-module=" + module])], output)[0], objs);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>Writes a configure's objs/ files into <paramref name="objs"/> (each through <paramref name="rewrite"/>); null, or configure's output when it failed.</summary>
    public static string? Keep(StaticConfiguration configured, string objs, Func<string, string>? rewrite = null)
    {
        if (configured.Files is not { } files)
        {
            return configured.Run.Output;
        }

        rewrite ??= text => text;
        new StaticBuildFiles(rewrite(files.ModulesFile), rewrite(files.Makefile), rewrite(files.AutoConfig)).WriteTo(objs);
        return null;
    }

    /// <summary>Builds the module with --add-dynamic-module and make modules under <paramref name="output"/>; returns the shared objects, in load order.</summary>
    public static IReadOnlyList<string> Dynamic(string module, string flags, string output, IReadOnlyDictionary<string, string>? environment = null)
        => DynamicBuild(module, flags, output, environment).SharedObjects;

    /// <summary>Builds the module with --add-dynamic-module and make modules under <paramref name="output"/>: the shared objects, in load order, and where configure put each module.</summary>
    public static DynamicBuild DynamicBuild(string module, string flags, string output, IReadOnlyDictionary<string, string>? environment = null)
    {
        var build = new ConfigureBuild("configure --add-dynamic-module", output, DynamicFlags([.. Split(flags), "--add-dynamic-module=" + Path.GetFullPath(module)]));
        return BuildModules(Configure([build], output, environment)[0], environment);
    }

    /// <summary>Runs nginx -t with the shared objects loaded and the given directives (main, http, stream, mail).</summary>
    public static ExternalTool.Result Load(IEnumerable<string> sharedObjects, IReadOnlyDictionary<string, string> directives)
    {
        var runner = new ProcessRunner(TimeSpan.FromMinutes(1), null, CancellationToken.None);
        var nginx = NginxBinary.Open(ExternalTool.Require("nginx", "apt-get install -y nginx-core"), runner, out var problem)
            ?? throw new InvalidOperationException(problem);
        var snippets = new NginxSnippets(Text("main"), Text("http"), Text("stream"), Text("mail"));
        var prefix = Directory.CreateTempSubdirectory("cc-load-").FullName;
        try
        {
            var test = Toolchain(TimeSpan.FromMinutes(1)).Load(nginx, [.. sharedObjects], snippets, prefix);
            return new ExternalTool.Result(test.Run.ExitCode ?? -1, string.Empty, test.Run.Output);
        }
        finally
        {
            Directory.Delete(prefix, recursive: true);
        }

        string Text(string context) => directives.TryGetValue(context, out var text) ? text : string.Empty;
    }

    private static NginxToolchain Toolchain(TimeSpan timeout, IReadOnlyDictionary<string, string>? environment = null)
    {
        Require();
        return TestNginx.Toolchain(timeout, environment);
    }

    public static string[] Split(string flags) => flags.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
