using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ConfigConvert.TestSupport.Nginx;
using ConfigConvert.Verification.Nginx;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Tests;

/// <summary>
/// Builds that share configure's first part (<see cref="ConfigureBranches"/>) are those of whole configures: the
/// same files under the tree, byte for byte, the same output and exit status, and the same shell state when the
/// module's config runs (a config here writes all of it down). A config that fails, and flags configure rejects,
/// fail each build as they fail a whole configure; a config that stops configure fails its own build and no other.
/// </summary>
[Trait("Requires", "nginx")]
[Trait("Requires", "dash")]
public sealed partial class ConfigureBranchesTests : IClassFixture<ConfigureBranchesTests.Runs>
{
    private readonly Runs _runs;

    public ConfigureBranchesTests(Runs runs) => _runs = runs;

    /// <summary>Four builds configured together (sharing the first part), and each on its own, whole.</summary>
    public sealed class Runs : IDisposable
    {
        public Runs()
        {
            var recorder = Module("recorder", """
                ngx_addon_name=ngx_http_recorder_module
                set > $NGX_OBJS/shell-state.txt
                echo "arguments: $# $*" >> $NGX_OBJS/shell-state.txt
                HTTP_MODULES="$HTTP_MODULES ngx_http_recorder_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/recorder.c"
                CORE_INCS="$CORE_INCS $ngx_addon_dir/include"
                CORE_LIBS="$CORE_LIBS -L$ngx_addon_dir/lib -lm"
                have=NGX_HTTP_RECORDER . auto/have

                """);
            var helper = Module("helper", """
                ngx_addon_name=ngx_http_helper_module
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_helper_module
                ngx_module_srcs="$ngx_addon_dir/helper.c"
                . auto/module

                """);
            var broken = Module("broken", """
                echo "broken: libbroken is not installed"
                exit 1

                """);
            Builds =
            [
                new("static", Path.Combine(Root, "together", "static"), ["--add-module=" + helper, "--add-module=" + recorder]),
                new("dynamic", Path.Combine(Root, "together", "dynamic"), ["--add-dynamic-module=" + helper, "--add-dynamic-module=" + recorder]),
                new("broken", Path.Combine(Root, "together", "broken"), ["--add-module=" + broken]),
                NginxToolchain.AloneBuild([], Path.Combine(Root, "together", "alone")),
            ];
            Together = Toolchain().Configure(Builds, Path.Combine(Root, "together", "scratch"));
            Whole = [.. Builds.SkipLast(1).Select(b => Toolchain().Configure([b with { WorkDirectory = Path.Combine(Root, "whole", b.Label) }], Path.Combine(Root, "whole", "scratch"))[0])];

            // nginx alone, whole, is configured once in a test run for the converter's and the model's tests too.
            Alone = TestNginx.AloneObjs([]);
        }

        public string Root { get; } = Directory.CreateTempSubdirectory("cc-branches-").FullName;

        internal ImmutableArray<ConfigureBuild> Builds { get; }

        internal ImmutableArray<StaticConfiguration> Together { get; }

        internal ImmutableArray<StaticConfiguration> Whole { get; }

        /// <summary>The <c>objs/</c> files of nginx alone, configured whole.</summary>
        public string Alone { get; }

        public void Dispose() => Directory.Delete(Root, recursive: true);

        private string Module(string name, string config)
        {
            var directory = Directory.CreateDirectory(Path.Combine(Root, "modules", name)).FullName;
            File.WriteAllText(Path.Combine(directory, "config"), config);
            return directory;
        }
    }

    [Fact]
    public void The_builds_shared_configure_s_first_part()
        => Assert.True(File.Exists(Path.Combine(_runs.Root, "together", "scratch", "branch-0", "prefix-done")));

    [Fact]
    public void Each_build_has_the_exit_status_output_and_command_of_its_whole_configure()
    {
        for (var i = 0; i < _runs.Whole.Length; i++)
        {
            var (together, whole) = (_runs.Together[i].Run, _runs.Whole[i].Run);
            Assert.True(whole.ExitCode == together.ExitCode, together.Output[^Math.Min(800, together.Output.Length)..]);
            Assert.Equal(whole.Output, together.Output);
            Assert.Equal(string.Join(' ', whole.Arguments), string.Join(' ', together.Arguments));
            Assert.Equal(_runs.Builds[i].Label, together.Label);
        }

        Assert.Equal([0, 0, 1, 0], _runs.Together.Select(c => c.Run.ExitCode ?? -1));
        Assert.Contains("broken: libbroken is not installed", _runs.Together[2].Run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Nginx_alone_has_the_files_of_its_whole_configure_byte_for_byte()
    {
        var together = _runs.Together[^1].Files!;
        var whole = StaticBuildFiles.Read(_runs.Alone);
        Assert.Equal(whole.ModulesFile, together.ModulesFile);
        Assert.Equal(whole.Makefile, together.Makefile);
        Assert.Equal(whole.AutoConfig, together.AutoConfig);
        Assert.Equal(0, _runs.Together[^1].Run.ExitCode);
    }

    [Fact]
    public void Each_build_leaves_the_files_of_its_whole_configure_byte_for_byte()
    {
        for (var i = 0; i < _runs.Whole.Length; i++)
        {
            var together = Files(_runs.Together[i].Run.WorkingDirectory);
            var whole = Files(_runs.Whole[i].Run.WorkingDirectory);
            Assert.Equal(whole.Keys, together.Keys);
            foreach (var (name, bytes) in whole.Where(f => f.Key != "objs/shell-state.txt"))
            {
                Assert.True(Comparable(name, bytes).AsSpan().SequenceEqual(Comparable(name, together[name])), $"{_runs.Builds[i].Label}: {name} differs");
            }
        }
    }

    [Fact]
    public void The_config_runs_in_the_shell_state_of_its_whole_configure_but_for_its_parent_and_directory()
    {
        foreach (var i in new[] { 0, 1 })
        {
            var together = State(_runs.Together[i].Run.WorkingDirectory);
            var whole = State(_runs.Whole[i].Run.WorkingDirectory);
            Assert.True(together.Length > 100, "the config wrote down too little of the shell state");
            Assert.Equal(Without(whole, _runs.Whole[i].Run.WorkingDirectory), Without(together, _runs.Together[i].Run.WorkingDirectory));
        }

        Assert.Contains($"arguments: {_runs.Together[1].Run.Arguments.Length - 1} ", File.ReadAllText(Path.Combine(_runs.Together[1].Run.WorkingDirectory, "objs", "shell-state.txt")), StringComparison.Ordinal);
    }

    [Fact]
    public void Flags_configure_rejects_fail_every_build_as_they_fail_a_whole_configure()
    {
        var root = Directory.CreateTempSubdirectory("cc-branches-rejected-").FullName;
        try
        {
            ImmutableArray<string> flags = ["--with-no-such-module", "--add-module=" + Path.Combine(root, "absent")];
            var builds = new ConfigureBuild[] { new("one", Path.Combine(root, "one"), flags), new("two", Path.Combine(root, "two"), ["--with-no-such-module"]) };
            var together = Toolchain().Configure(builds, Path.Combine(root, "scratch"));
            var whole = Toolchain().Configure([builds[0] with { WorkDirectory = Path.Combine(root, "whole") }], Path.Combine(root, "scratch-whole"))[0];

            Assert.All(together, c => Assert.Equal(1, c.Run.ExitCode));
            Assert.All(together, c => Assert.Null(c.Files));
            Assert.Equal(whole.Run.Output, together[0].Run.Output);
            Assert.Contains("./configure: error: invalid option \"--with-no-such-module\"", whole.Run.Output, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "scratch", "branch-0")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// A config that stops configure (<c>kill $$</c>) stops the script the builds share, of which its build is a
    /// subshell. Its build fails as its whole configure does, and is not left running, though it changed directory
    /// first; the builds after it are configured whole, as they would have been on their own.
    /// </summary>
    [Fact]
    public void A_config_that_stops_configure_fails_its_own_build_and_no_other()
    {
        var root = Directory.CreateTempSubdirectory("cc-branches-stopped-").FullName;
        try
        {
            var stopper = Directory.CreateDirectory(Path.Combine(root, "modules", "stopper")).FullName;
            var buildId = Path.Combine(root, "stopper-build.pid");
            File.WriteAllText(Path.Combine(stopper, "config"), $"ngx_addon_name=ngx_http_stopper_module\necho \"stopping configure\"\n/bin/sh -c 'echo $PPID' > {buildId}\ncd /\nkill $$\nsleep 60\necho \"configure went on\"\n");
            var builds = new ConfigureBuild[] { new("stopper", Path.Combine(root, "stopper"), ["--add-module=" + stopper]), NginxToolchain.AloneBuild([], Path.Combine(root, "alone")) };

            var together = Toolchain().Configure(builds, Path.Combine(root, "scratch"));
            var left = ProcessesWorkingIn(root);
            var build = int.Parse(File.ReadAllText(buildId).Trim(), CultureInfo.InvariantCulture);
            var whole = Toolchain().Configure([builds[0] with { WorkDirectory = Path.Combine(root, "whole") }], Path.Combine(root, "scratch-whole"))[0];

            Assert.Empty(left);
            Assert.False(ProcessState.IsRunning(build), $"the stopped build ({build}) is still running");
            Assert.Equal(143, whole.Run.ExitCode);
            Assert.DoesNotContain("configure went on", whole.Run.Output, StringComparison.Ordinal);
            Assert.Equal(whole.Run.ExitCode, together[0].Run.ExitCode);
            Assert.Null(together[0].Files);
            Assert.Equal(whole.Run.Output, together[0].Run.Output);
            Assert.Contains("stopping configure", together[0].Run.Output, StringComparison.Ordinal);
            Assert.Equal(0, together[1].Run.ExitCode);
            Assert.Equal(StaticBuildFiles.Read(TestNginx.AloneObjs([])).ModulesFile, together[1].Files?.ModulesFile);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>
    /// A build whose copy of the tree cannot be made (here its place is taken by a file; a full disk does the same) is
    /// the work directory's failure, an I/O error with the copy's own message, not a configure that failed.
    /// </summary>
    [Fact]
    public void A_copy_of_the_tree_that_fails_is_an_io_error_not_a_failed_configure()
    {
        var root = Directory.CreateTempSubdirectory("cc-branches-uncopied-").FullName;
        try
        {
            var builds = new ConfigureBuild[] { new("fine", Path.Combine(root, "fine"), []), new("blocked", Path.Combine(root, "blocked"), []) };
            var blocked = Path.Combine(Directory.CreateDirectory(builds[1].WorkDirectory).FullName, "src");
            File.WriteAllText(blocked, "a file where the copy of the tree goes\n");

            var error = Assert.Throws<IOException>(() => Toolchain().Configure(builds, Path.Combine(root, "scratch")));

            Assert.Contains($"cannot copy nginx's source tree to {blocked}: mkdir: ", error.Message, StringComparison.Ordinal);
            Assert.True(Directory.Exists(Path.Combine(root, "scratch", "branch-0")));
            Assert.False(File.Exists(blocked + ".uncopied"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Paths_that_would_need_quoting_are_configured_whole()
    {
        var root = Directory.CreateTempSubdirectory("cc-branches-quoted-").FullName;
        try
        {
            ImmutableArray<string> flags = ["--with-no-such-module", "--add-module=" + Path.Combine(root, "a module")];
            var builds = new ConfigureBuild[] { new("one", Path.Combine(root, "one"), flags), new("two", Path.Combine(root, "two"), flags) };
            var configured = Toolchain().Configure(builds, Path.Combine(root, "scratch"));

            Assert.All(configured, c => Assert.Contains("invalid option \"--with-no-such-module\"", c.Run.Output, StringComparison.Ordinal));
            Assert.False(Directory.Exists(Path.Combine(root, "scratch", "branch-0")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void A_configure_of_another_shape_is_not_split()
    {
        var root = Directory.CreateTempSubdirectory("cc-branches-shape-").FullName;
        try
        {
            Assert.NotNull(ConfigureBranches.Read(VerificationRequest.DefaultNginxSource));
            var configure = File.ReadAllText(Path.Combine(VerificationRequest.DefaultNginxSource, "configure"));
            var options = File.ReadAllText(Path.Combine(VerificationRequest.DefaultNginxSource, "auto", "options"));
            Assert.Null(ConfigureBranches.Read(Tree("no-modules-line", configure.Replace(". auto/modules\n", ". auto/modules.sh\n", StringComparison.Ordinal), options)));
            Assert.Null(ConfigureBranches.Read(Tree("modules-twice", configure.Replace(". auto/modules\n", ". auto/modules\n. auto/modules\n", StringComparison.Ordinal), options)));
            Assert.Null(ConfigureBranches.Read(Tree("other-addons", configure, options.Replace("NGX_ADDONS=\"$NGX_ADDONS $value\"", "NGX_ADDONS=\"$value $NGX_ADDONS\"", StringComparison.Ordinal))));
            Assert.NotNull(ConfigureBranches.Read(Tree("same", configure, options)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }

        string Tree(string name, string configure, string options)
        {
            var tree = Directory.CreateDirectory(Path.Combine(root, name, "auto")).Parent!.FullName;
            File.WriteAllText(Path.Combine(tree, "configure"), configure);
            File.WriteAllText(Path.Combine(tree, "auto", "options"), options);
            return tree;
        }
    }

    // The processes whose working directory lies under `root` (Linux: the link /proc/ID/cwd).
    private static List<string> ProcessesWorkingIn(string root)
    {
        var found = new List<string>();
        foreach (var process in Directory.EnumerateDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                if (new DirectoryInfo(Path.Combine(process, "cwd")).LinkTarget is { } cwd && (cwd + "/").StartsWith(root + "/", StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(process)}: {File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ')}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended meanwhile.
            }
        }

        return found;
    }

    private static NginxToolchain Toolchain() => TestNginx.Toolchain(TimeSpan.FromMinutes(3));

    // The compiler names its temporary objects at random (`$TMPDIR/ccXXXXXX.o`), and autoconf.err keeps the linker's
    // messages that name them: two whole configures differ there too. Under .ci/run a caching compiler replays them.
    private static byte[] Comparable(string name, byte[] bytes)
        => name == "objs/autoconf.err" ? Encoding.Latin1.GetBytes(CompilerTemporary().Replace(Encoding.Latin1.GetString(bytes), "ccTEMP.")) : bytes;

    [GeneratedRegex(@"(?<=/)cc[A-Za-z0-9]{6}\.")]
    private static partial Regex CompilerTemporary();

    private static SortedDictionary<string, byte[]> Files(string tree)
        => new(Directory.EnumerateFiles(tree, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(tree, f), File.ReadAllBytes), StringComparer.Ordinal);

    private static string[] State(string tree) => File.ReadAllLines(Path.Combine(tree, "objs", "shell-state.txt"));

    // The parent's process id differs from run to run, so does the mark each run has in its environment (RunMark), and
    // each tree is a directory of its own.
    private static string[] Without(string[] state, string tree)
    {
        Assert.Contains($"PWD='{tree}'", state);
        Assert.Single(state, l => l.StartsWith(RunMark.Variable + "=", StringComparison.Ordinal));
        return [.. state.Where(l => !l.StartsWith("PPID=", StringComparison.Ordinal) && !l.StartsWith(RunMark.Variable + "=", StringComparison.Ordinal) && l != $"PWD='{tree}'")];
    }
}
