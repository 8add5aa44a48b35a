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

/// <summary>
/// One build for <see cref="NginxToolchain.Configure(IReadOnlyList{ConfigureBuild}, string)"/>: its name in the report,
/// the directory whose <c>src/</c> it configures, and its flags after conf_flags (those that add modules last).
/// </summary>
internal sealed record ConfigureBuild(string Label, string WorkDirectory, ImmutableArray<string> Flags);

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

    /// <summary>
    /// Runs configure for each build: <c>./configure &lt;conf_flags&gt; FLAGS</c> in a copy of the tree at
    /// <c>src/</c> under the build's directory. Builds whose flags differ only in the modules they add (given last,
    /// in order) share configure's first part (<see cref="ConfigureBranches"/>, run under <paramref name="scratch"/>);
    /// each build's run is reported as the whole configure it stands for.
    /// </summary>
    public ImmutableArray<StaticConfiguration> Configure(IReadOnlyList<ConfigureBuild> builds, string scratch)
    {
        var results = new StaticConfiguration[builds.Count];
        var groups = builds.Select((build, index) => (build, index))
            .GroupBy(b => string.Join('\n', b.build.Flags.Where(f => !AddsModule(f))), StringComparer.Ordinal)
            .ToList();
        foreach (var group in groups)
        {
            var members = group.ToList();
            var branches = members.Count > 1 && Branchable([.. members.Select(m => m.build)], scratch) ? ConfigureBranches.Read(source.Path) : null;
            var configured = branches is null
                ? [.. members.Select(m => ConfigureWhole(m.build))]
                : ConfigureBranched(branches, [.. members.Select(m => m.build)], Path.Combine(scratch, "branch-" + groups.IndexOf(group)));
            for (var i = 0; i < members.Count; i++)
            {
                results[members[i].index] = configured[i];
            }
        }

        return [.. results];
    }

    /// <summary>Runs <c>make -f objs/Makefile modules</c> in the tree of a dynamic configure (after <see cref="Configure(IReadOnlyList{ConfigureBuild}, string)"/>).</summary>
    public DynamicBuild BuildModules(StaticConfiguration configured)
    {
        if (configured.Files is null)
        {
            return new DynamicBuild([configured.Run], [], null);
        }

        var tree = configured.Run.WorkingDirectory;
        var objs = Path.Combine(tree, "objs");
        var declared = DeclaredSharedObjects(configured.Files.Makefile).ToList();
        var lists = DynamicModuleLists.Read(objs, declared);
        var make = runner.Run("make modules", "make", ["-f", "objs/Makefile", "modules"], tree);
        var built = make.Succeeded ? declared.Select(so => Path.Combine(objs, so)).Where(File.Exists) : [];
        return new DynamicBuild([configured.Run, make], [.. built], lists);
    }

    /// <summary>
    /// <paramref name="flags"/> for a dynamic build: with <c>--with-compat</c>, which makes the module's signature match
    /// a binary built with other options (Debian's has it in conf_flags), before the flags that add modules.
    /// </summary>
    public ImmutableArray<string> DynamicFlags(IReadOnlyList<string> flags)
    {
        var compat = source.ConfFlags.Contains(CompatFlag) || flags.Contains(CompatFlag) ? [] : new[] { CompatFlag };
        return [.. flags.Where(f => !AddsModule(f)), .. compat, .. flags.Where(AddsModule)];
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

    /// <summary>The name in the report of nginx configured alone, which the dynamic build's placement of modules is compared with.</summary>
    public const string AloneLabel = "configure (nginx alone, no module)";

    /// <summary>nginx configured with <paramref name="flags"/> and no module of its own (the flags that add one are left out), in <paramref name="workDirectory"/>.</summary>
    public static ConfigureBuild AloneBuild(IEnumerable<string> flags, string workDirectory)
        => new(AloneLabel, workDirectory, [.. flags.Where(f => !AddsModule(f))]);

    /// <summary>True for a flag that gives configure a module of its own (<c>--add-module=DIR</c>, <c>--add-dynamic-module=DIR</c>).</summary>
    public static bool AddsModule(string flag)
        => flag.StartsWith("--add-module=", StringComparison.Ordinal) || flag.StartsWith("--add-dynamic-module=", StringComparison.Ordinal);

    private ProcessRun Configure(string label, string tree, IReadOnlyList<string> flags)
        => runner.Run(label, "/bin/sh", ["./configure", .. source.ConfFlags, .. flags], tree);

    private StaticConfiguration ConfigureWhole(ConfigureBuild build)
    {
        var tree = Path.Combine(build.WorkDirectory, "src");
        source.CopyTo(tree);
        var run = Configure(build.Label, tree, build.Flags);
        return new StaticConfiguration(run, run.Succeeded ? StaticBuildFiles.Read(Path.Combine(tree, "objs")) : null);
    }

    // The builds file and the script take paths and flags as words: anything that would need quoting runs whole. So do
    // builds that would share a --builddir (one objs/ for all) or a backslash (echo would change the first line of
    // ngx_auto_config.h that each build writes again).
    private bool Branchable(IReadOnlyList<ConfigureBuild> builds, string scratch)
        => ConfigureBranches.Plain(Path.GetFullPath(scratch))
            && !source.ConfFlags.Concat(builds[0].Flags).Any(f => f.StartsWith("--builddir=", StringComparison.Ordinal) || f.Contains('\\'))
            && builds.All(b => ConfigureBranches.Plain(Path.GetFullPath(b.WorkDirectory)) && b.Flags.Where(AddsModule).All(ConfigureBranches.Plain)
                && b.Flags.SkipWhile(f => !AddsModule(f)).All(AddsModule));

    private ImmutableArray<StaticConfiguration> ConfigureBranched(ConfigureBranches branches, IReadOnlyList<ConfigureBuild> builds, string scratch)
    {
        var tree = Path.Combine(scratch, "src");
        source.CopyTo(tree);
        var realConfigure = Path.Combine(scratch, "configure");
        var buildsFile = Path.Combine(scratch, "builds");
        var prefixDone = Path.Combine(scratch, "prefix-done");
        var started = DateTime.UtcNow;
        ProcessRun driver;
        File.Move(Path.Combine(tree, "configure"), realConfigure);
        var watch = new BranchWatch(runner.Timeout, prefixDone, [.. builds.Select(TreeOf)]);
        try
        {
            File.WriteAllText(Path.Combine(tree, "configure"), branches.Driver(realConfigure, buildsFile, prefixDone));
            foreach (var build in builds)
            {
                Directory.CreateDirectory(build.WorkDirectory);
            }

            File.WriteAllLines(buildsFile, builds.Select(b => string.Join(' ', [TreeOf(b), .. b.Flags.Where(AddsModule)])));
            // A build that goes on alone after a config stopped the script (`kill $$`) is stopped with it, as what it
            // left running (ChildProcess).
            driver = runner.RunOnBehalf("configure (shared part)", "/bin/sh", ["./configure", .. source.ConfFlags, .. builds[0].Flags.Where(f => !AddsModule(f))], tree, builds.Count + 1, watch.Started);
        }
        finally
        {
            watch.Dispose();

            // The script puts configure back once its first part is over; a run stopped before that must not lose it.
            if (File.Exists(realConfigure))
            {
                File.Move(realConfigure, Path.Combine(tree, "configure"), overwrite: true);
            }
        }

        // The first build's time runs from the start, so that it holds the shared part; each other's from the end of the one before.
        var since = started;
        var results = ImmutableArray.CreateBuilder<StaticConfiguration>(builds.Count);
        var stoppedEarly = StoppedEarly(driver, prefixDone, watch);
        foreach (var build in builds)
        {
            if (stoppedEarly && !File.Exists(TreeOf(build) + ".pid"))
            {
                results.Add(ConfigureWhole(build));
                continue;
            }

            var run = runner.Record(BranchRun(build, driver, since, first: results.Count == 0, watch));
            since += run.Duration;
            results.Add(new StaticConfiguration(run, run.Succeeded ? StaticBuildFiles.Read(Path.Combine(TreeOf(build), "objs")) : null));
        }

        return results.MoveToImmutable();
    }

    // The script ended after its shared part and before its last build, without being stopped at a time limit: a
    // config stopped it (`kill $$` names the script, whose subshell a build is). A whole configure would have stopped
    // only that build, so the builds the script never started are configured whole.
    private static bool StoppedEarly(ProcessRun driver, string prefixDone, BranchWatch watch)
        => !driver.Succeeded && !driver.TimedOut && !watch.SharedPartStopped && File.Exists(prefixDone);

    private static string TreeOf(ConfigureBuild build) => Path.Combine(Path.GetFullPath(build.WorkDirectory), "src");

    // A build's run as the whole configure it stands for: the shared part's output, then its own; its own exit status
    // (the shared part's when that part ended configure or was stopped), and the time since the previous build ended.
    private ProcessRun BranchRun(ConfigureBuild build, ProcessRun driver, DateTime since, bool first, BranchWatch watch)
    {
        var tree = TreeOf(build);
        var (status, output) = (tree + ".status", tree + ".out");
        var own = File.Exists(output) ? ChildProcess.KeptTail(output) : string.Empty;
        File.Delete(output);
        File.Delete(tree + ".pid");
        if (File.Exists(tree + ".uncopied"))
        {
            File.Delete(tree + ".uncopied");
            var why = own.Trim();
            throw new IOException($"cannot copy nginx's source tree to {tree}" + (why.Length > 0 ? ": " + why : string.Empty));
        }

        var run = new ProcessRun(build.Label, "/bin/sh", ["./configure", .. source.ConfFlags, .. build.Flags], tree, driver.ExitCode, driver.TimedOut, driver.StartError, first ? driver.Duration : TimeSpan.Zero, driver.Output + own, null);
        if (watch.SharedPartStopped)
        {
            return StoppedAtTheLimit(run);
        }

        if (File.Exists(status) && int.TryParse(File.ReadAllText(status).Trim(), out var exitCode))
        {
            var ended = File.GetLastWriteTimeUtc(status);
            File.Delete(status);
            run = run with { ExitCode = exitCode, TimedOut = false, Duration = ended > since ? ended - since : TimeSpan.Zero };
            return watch.Stopped(tree) ? StoppedAtTheLimit(run) : run;
        }

        // The script cannot end well without a status for each build: it could not write the file (a full disk, say).
        return driver.Succeeded ? throw new IOException($"configure's shared part ended without the exit status of the build in {tree}") : run;
    }

    // As ChildProcess reports a program it stopped at the limit.
    private ProcessRun StoppedAtTheLimit(ProcessRun run)
        => run with { ExitCode = null, TimedOut = true, Output = run.Output + ChildProcess.TimeLimitNote(runner.Timeout) + "\n" };

    // auto/module writes one `modules: objs/NAME.so` rule per shared object, in the order the config declared them.
    private static IEnumerable<string> DeclaredSharedObjects(string makefile)
        => ModulesRule().Matches(makefile).Select(m => m.Groups[1].Value).Distinct();

    [GeneratedRegex(@"^modules:\s+objs/(\S+\.so)\s*$", RegexOptions.Multiline)]
    private static partial Regex ModulesRule();

    // "nginx: [emerg] ..." before the error log is open, "2024/01/02 03:04:05 [emerg] 12#12: ..." after.
    [GeneratedRegex(@"^(?:nginx: |\S+ \S+ )\[(emerg|alert|crit|error|warn|notice|info)\] (?:\d+#\d+: )?(.*)$", RegexOptions.Multiline)]
    private static partial Regex NginxMessage();
}
