using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Nginx;

/// <summary>What configure said of a static build: its run, and the <c>objs/</c> files when it succeeded.</summary>
internal sealed record StaticConfiguration(ProcessRun Run, StaticBuildFiles? Files);

/// <summary>
/// What a dynamic build made: its runs (configure, then <c>make modules</c>), the shared objects in load order, and
/// where configure put each module (null when configure failed).
/// </summary>
internal sealed record DynamicBuild(ImmutableArray<ProcessRun> Runs, ImmutableArray<string> SharedObjects, DynamicModuleLists? Lists)
{
    public bool Succeeded => Runs.All(r => r.Succeeded);
}

/// <summary>What <c>nginx -t</c> said of a configuration that loads shared objects.</summary>
internal sealed record LoadTest(ProcessRun Run, string Configuration, ImmutableArray<string> Messages);

/// <summary>
/// nginx's real build system and binary, run as the project's conformance tests run them: configure in
/// a fresh copy of the source tree with the distribution's flags, <c>make modules</c>, and <c>nginx -t</c>
/// on a generated <c>nginx.conf</c> in a throwaway prefix.
/// </summary>
internal sealed partial class NginxToolchain(NginxSourceTree source, ProcessRunner runner)
{
    private const string CompatFlag = "--with-compat";

    /// <summary>Runs <c>./configure &lt;conf_flags&gt; FLAGS --add-module=MODULE</c> in a copy of the tree under <paramref name="workDirectory"/>.</summary>
    public StaticConfiguration ConfigureStatic(string module, IReadOnlyList<string> flags, string workDirectory, string label = "configure --add-module")
    {
        var tree = Path.Combine(workDirectory, "src");
        source.CopyTo(tree);
        var run = Configure(label, tree, [.. flags, "--add-module=" + module]);
        return new StaticConfiguration(run, run.Succeeded ? StaticBuildFiles.Read(Path.Combine(tree, "objs")) : null);
    }

    /// <summary>
    /// Runs <c>./configure &lt;conf_flags&gt; FLAGS</c> with no module of its own in a copy of the tree under
    /// <paramref name="workDirectory"/>: nginx's own module list, to tell the modules a config adds from nginx's.
    /// Flags that add modules (<c>--add-module=</c>, <c>--add-dynamic-module=</c>) are left out.
    /// </summary>
    public StaticConfiguration ConfigureAlone(IReadOnlyList<string> flags, string workDirectory)
    {
        var tree = Path.Combine(workDirectory, "src");
        source.CopyTo(tree);
        var run = Configure("configure (nginx alone, no module)", tree, [.. flags.Where(f => !AddsModule(f))]);
        return new StaticConfiguration(run, run.Succeeded ? StaticBuildFiles.Read(Path.Combine(tree, "objs")) : null);
    }

    /// <summary>
    /// Runs <c>./configure &lt;conf_flags&gt; FLAGS --with-compat --add-dynamic-module=MODULE</c> and
    /// <c>make -f objs/Makefile modules</c> in a copy of the tree under <paramref name="workDirectory"/>.
    /// </summary>
    public DynamicBuild BuildDynamic(string module, IReadOnlyList<string> flags, string workDirectory)
    {
        var tree = Path.Combine(workDirectory, "src");
        source.CopyTo(tree);
        // --with-compat makes the module's signature match a binary built with other options (Debian's has it in conf_flags).
        var compat = source.ConfFlags.Contains(CompatFlag) || flags.Contains(CompatFlag) ? [] : new[] { CompatFlag };
        var configure = Configure("configure --add-dynamic-module", tree, [.. flags, .. compat, "--add-dynamic-module=" + module]);
        if (!configure.Succeeded)
        {
            return new DynamicBuild([configure], [], null);
        }

        var objs = Path.Combine(tree, "objs");
        var declared = DeclaredSharedObjects(File.ReadAllText(Path.Combine(objs, StaticBuildFiles.MakefileName))).ToList();
        var lists = DynamicModuleLists.Read(objs, declared);
        var make = runner.Run("make modules", "make", ["-f", "objs/Makefile", "modules"], tree);
        var built = make.Succeeded ? declared.Select(so => Path.Combine(objs, so)).Where(File.Exists) : [];
        return new DynamicBuild([configure, make], [.. built], lists);
    }

    /// <summary>Runs <c>nginx -t</c> on a generated <c>nginx.conf</c> in <paramref name="prefix"/> that loads <paramref name="sharedObjects"/>.</summary>
    public LoadTest Load(NginxBinary nginx, IReadOnlyList<string> sharedObjects, NginxSnippets directives, string prefix)
    {
        var configuration = NginxConfiguration.Write(nginx, sharedObjects, directives, prefix);
        var path = Path.Combine(prefix, "nginx.conf");
        File.WriteAllText(path, configuration);
        var run = runner.Run("nginx -t", nginx.Path, ["-t", "-p", prefix + "/", "-c", path], prefix);
        return new LoadTest(run, configuration, [.. NginxMessage().Matches(run.Output).Select(m => $"[{m.Groups[1].Value}] {m.Groups[2].Value}")]);
    }

    /// <summary>True for a flag that gives configure a module of its own (<c>--add-module=DIR</c>, <c>--add-dynamic-module=DIR</c>).</summary>
    public static bool AddsModule(string flag)
        => flag.StartsWith("--add-module=", StringComparison.Ordinal) || flag.StartsWith("--add-dynamic-module=", StringComparison.Ordinal);

    private ProcessRun Configure(string label, string tree, IReadOnlyList<string> flags)
        => runner.Run(label, "/bin/sh", ["./configure", .. source.ConfFlags, .. flags], tree);

    // auto/module writes one `modules: objs/NAME.so` rule per shared object, in the order the config declared them.
    private static IEnumerable<string> DeclaredSharedObjects(string makefile)
        => ModulesRule().Matches(makefile).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"^modules:\s+objs/(\S+\.so)\s*$", RegexOptions.Multiline)]
    private static partial Regex ModulesRule();

    // "nginx: [emerg] ..." before the error log is open, "2024/01/02 03:04:05 [emerg] 12#12: ..." after.
    [GeneratedRegex(@"^(?:nginx: |\S+ \S+ )\[(emerg|alert|crit|error|warn|notice|info)\] (?:\d+#\d+: )?(.*)$", RegexOptions.Multiline)]
    private static partial Regex NginxMessage();
}
