using System.Diagnostics;
using ConfigConvert.Cli.Output.Reports;

namespace ConfigConvert.Cli.Tests;

/// <summary>check and convert over trees of modules, and what they do with bad input: nothing the user had is lost.</summary>
public sealed class TreeCommandTests
{
    private const string OldStyle = "ngx_addon_name=ngx_http_{0}_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_{0}_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/{0}.c\"\n";

    // The shape of ngx_brotli: a top config that sources its two parts.
    private const string Parent = "ngx_addon_name=ngx_brotli\n. $ngx_addon_dir/filter/config\nngx_addon_name=ngx_brotli\n. $ngx_addon_dir/static/config\n";

    private const string Part = "ngx_addon_name=ngx_brotli\nngx_module_type=HTTP_FILTER\nngx_module_name=ngx_http_brotli_{0}_module\nngx_module_srcs=\"$ngx_addon_dir/{0}/x.c\"\n. auto/module\n";

    [Fact]
    public void Check_and_convert_find_every_module_of_a_tree_and_print_the_same_whatever_the_parallelism()
    {
        using var dir = Tree(12);
        var serial = CliRunner.Run("check", "--max-parallelism", "1", dir.Path);
        var parallel = CliRunner.Run("check", "--max-parallelism", "4", dir.Path);
        Assert.Equal((1, serial.Out, serial.Error), (parallel.ExitCode, parallel.Out, parallel.Error));
        Assert.Contains("ngx-convert: check: 13 module(s)", serial.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("filter/config:", serial.Out, StringComparison.Ordinal);

        var serialConvert = CliRunner.Run("convert", "--check", "--max-parallelism", "1", dir.Path);
        var parallelConvert = CliRunner.Run("convert", "--check", "--max-parallelism", "3", dir.Path);
        Assert.Equal((1, serialConvert.Out), (parallelConvert.ExitCode, parallelConvert.Out));
        Assert.Equal(12, serialConvert.Out.Split('\n').Count(l => l.EndsWith(": needs converting", StringComparison.Ordinal)));
        Assert.Equal(
            Enumerable.Range(0, 12).Select(i => Path.Combine(dir.Path, $"m{i:D2}", "config")),
            serialConvert.Out.Split('\n').Where(l => l.EndsWith(": needs converting", StringComparison.Ordinal)).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
    }

    [Fact]
    public void Include_and_exclude_choose_the_modules_of_a_tree()
    {
        using var dir = Tree(3);
        var result = CliRunner.Run("convert", "--check", "--include", "m*", "--exclude", "m01", dir.Path);
        Assert.Equal($"{Path.Combine(dir.Path, "m00", "config")}: needs converting\n{Path.Combine(dir.Path, "m02", "config")}: needs converting\n", result.Out);
        Assert.Equal(2, CliRunner.Run("check", "--max-parallelism", "0", dir.Path).ExitCode);
    }

    /// <summary>
    /// A backslash in a directory's name is a character of the name, here as in the output; a glob that spells it out
    /// still names the module (the glob library reads it as a separator in patterns and paths alike). And a patch in a
    /// directory named <c>t\fix</c> at the top of a module is not in a test folder <c>t/</c>: it blocks.
    /// </summary>
    [Fact]
    public void A_backslash_in_a_name_is_part_of_the_name()
    {
        using var dir = new TempDirectory();
        dir.Write("x\\y/config", string.Format(OldStyle, "m"));
        dir.Write("plain/config", string.Format(OldStyle, "p"));
        var chosen = CliRunner.Run("convert", "--check", "--include", "x\\y/config", dir.Path);
        Assert.Equal($"{Path.Combine(dir.Path, "x\\y", "config")}: needs converting\n", chosen.Out);

        dir.Write("plain/t\\fix.patch", "--- a/src/http/ngx_http_request.c\n+++ b/src/http/ngx_http_request.c\n@@ -1 +1 @@\n-a\n+b\n");
        var check = CliRunner.Run("check", Path.Combine(dir.Path, "plain"));
        Assert.Contains("t\\fix.patch(1,5): error CC5001", check.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Paths that overlap (a tree and a directory in it, a path named twice in two spellings) find each module once;
    /// the later path is not taken for one without modules, as it was when the search skipped what the earlier had seen.
    /// </summary>
    [Theory]
    [InlineData("check")]
    [InlineData("convert")]
    public void Overlapping_paths_find_each_module_once_and_no_path_without_modules(string command)
    {
        using var dir = new TempDirectory();
        dir.Write("tree/sub/m00/config", string.Format(OldStyle, "m00"));
        dir.Write("tree/sub/m00/m00.c", "#include <ngx_config.h>\n");
        string[] paths = [Path.Combine(dir.Path, "tree"), Path.Combine(dir.Path, "tree", "sub"), Path.Combine(dir.Path, "tree") + "/./"];

        var result = command == "check" ? CliRunner.Run(["check", .. paths]) : CliRunner.Run(["convert", "--check", .. paths]);

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain("CC5903", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("CC2002", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Single(ModuleModel.ModuleSearch.Find(paths).Modules);
    }

    /// <summary>
    /// A glob with a `..` part can match no module (the paths lie below the directory searched); the Matcher threw on
    /// some of them. It is a usage error, named with the reason; the library takes it as matching nothing.
    /// </summary>
    [Theory]
    [InlineData("check", "--include", "**/..")]
    [InlineData("check", "--exclude", "a/../b")]
    [InlineData("convert", "--include", "..")]
    [InlineData("convert", "--exclude", "x/..")]
    public void A_glob_with_a_parent_part_is_a_usage_error(string command, string option, string glob)
    {
        using var dir = Tree(2);
        var result = command == "check" ? CliRunner.Run("check", option, glob, dir.Path) : CliRunner.Run("convert", "--check", option, glob, dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"ngx-convert: {option} '{glob}': a glob is matched against paths below the directory searched, which have no `..` part, so it would match nothing\n", result.Error);
        Assert.Equal(string.Empty, result.Out);

        var search = ModuleModel.ModuleSearch.Find([dir.Path], new ModuleModel.ModuleSearchOptions { Include = option == "--include" ? [glob] : [], Exclude = option == "--exclude" ? [glob] : [] });
        Assert.Equal(option == "--include" ? 0 : ModuleModel.ModuleSearch.Find([dir.Path]).Modules.Length, search.Modules.Length);
    }

    /// <summary>
    /// A tree deeper than the longest path the system takes (4096 bytes): .NET lists such a directory without a path,
    /// and the search stopped with an internal error. The directory whose children are too long is reported instead.
    /// </summary>
    [Theory]
    [InlineData("check", "CC5902")]
    [InlineData("convert", "CC2003")]
    public void A_tree_deeper_than_the_longest_path_is_reported_not_an_internal_error(string command, string id)
    {
        using var dir = new TempDirectory();
        var name = new string('d', 200);
        // bash, not dash: dash cannot cd below the longest path.
        Assert.True(Run("bash", "-c", $"cd '{dir.Path}' && mkdir deep && cd deep && for i in $(seq 21); do mkdir {name} && cd {name} || exit 1; done"));
        try
        {
            var result = command == "check" ? CliRunner.Run("check", Path.Combine(dir.Path, "deep")) : CliRunner.Run("convert", "--check", Path.Combine(dir.Path, "deep"));

            Assert.Equal(2, result.ExitCode);
            Assert.Contains($"error {id}: ", result.Out + result.Error, StringComparison.Ordinal);
            Assert.Contains("the paths of the directories in it are longer than the system takes (4096 bytes)", result.Out + result.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("internal error", result.Out + result.Error, StringComparison.Ordinal);
        }
        finally
        {
            // Directory.Delete cannot reach below the longest path; rm works from each directory down.
            Assert.True(Run("rm", "-rf", Path.Combine(dir.Path, "deep")));
        }
    }

    private static bool Run(string program, params string[] arguments)
    {
        using var process = System.Diagnostics.Process.Start(program, arguments);
        process.WaitForExit();
        return process.ExitCode == 0;
    }

    [Fact]
    public void A_progress_display_is_drawn_on_a_terminal_and_never_when_output_is_redirected()
    {
        using var dir = Tree(4);
        var terminal = CliRunner.Run(isTerminal: true, "check", dir.Path);
        var redirected = CliRunner.Run(isTerminal: false, "check", dir.Path);
        Assert.Contains("Checking modules", terminal.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Checking modules", redirected.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', redirected.Error);
        // The bar is drawn on standard error only; standard output (findings with source lines on a terminal) has none of it.
        Assert.Equal(terminal.ExitCode, redirected.ExitCode);
        Assert.DoesNotContain("Checking modules", terminal.Out, StringComparison.Ordinal);
        Assert.Contains("Converting modules", CliRunner.Run(isTerminal: true, "convert", "--check", dir.Path).Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_in_a_read_only_module_directory_exits_2_and_keeps_the_original()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("m/config", string.Format(OldStyle, "x"));
        var module = Path.GetDirectoryName(config)!;
        File.SetUnixFileMode(module, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var result = CliRunner.Run("convert", module);
            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"ngx-convert: {config}: cannot write: the directory `{module}` is read-only, so `config` cannot be replaced there\n", result.Error);
            Assert.Equal(string.Format(OldStyle, "x"), File.ReadAllText(config));
            Assert.Equal(["config"], Directory.GetFileSystemEntries(module).Select(Path.GetFileName));
        }
        finally
        {
            File.SetUnixFileMode(module, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Symbolic_link_loops_in_a_tree_are_skipped_quietly()
    {
        using var dir = Tree(2);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop"), "loop");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "m00", "up"), "..");
        var result = CliRunner.Run("convert", "--check", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, result.Out.Split('\n').Count(l => l.EndsWith(": needs converting", StringComparison.Ordinal)));
        Assert.DoesNotContain("loop", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_runs_at_once_on_one_tree_lose_and_mix_nothing()
    {
        for (var round = 0; round < 4; round++)
        {
            using var expected = Tree(8);
            Assert.Equal(0, CliRunner.Run("convert", expected.Path).ExitCode);
            using var dir = Tree(8);
            using var start = new Barrier(2);
            var runs = Enumerable.Range(0, 2).AsParallel().WithDegreeOfParallelism(2).Select(_ =>
            {
                start.SignalAndWait();
                return CliRunner.Run("convert", "--max-parallelism", "2", dir.Path);
            }).ToList();

            // Each config is converted once: by one run, while the other sees the change and refuses (exit 2,
            // saying so), or by both to the same bytes. Either way the tree is what one run alone gives.
            foreach (var run in runs)
            {
                Assert.True(run.ExitCode is 0 or 2, run.Error);
                Assert.All(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains("changed since it was read; it was not overwritten", line, StringComparison.Ordinal));
            }

            Assert.Equal(Snapshot(expected.Path), Snapshot(dir.Path));
        }
    }

    [Fact]
    public async Task Output_to_a_closed_pipe_ends_quietly_with_the_usual_exit_code()
    {
        using var dir = Tree(30);
        var start = new ProcessStartInfo("dotnet", [typeof(CliApplication).Assembly.Location, "check", dir.Path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var reading = process.StandardError.ReadToEndAsync();

        // As `ngx-convert check tree | head -1`: one line read, then the reader goes away.
        Assert.NotNull(process.StandardOutput.ReadLine());
        process.StandardOutput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var error = await reading;

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("ngx-convert: check: 31 module(s)", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(8)]
    public void Fixing_a_file_two_modules_share_gives_what_one_module_at_a_time_gives(int parallelism)
    {
        using var serial = SharingTree();
        using var parallel = SharingTree();
        var one = CliRunner.Run("check", "--fix", "--max-parallelism", "1", serial.Path);
        var many = CliRunner.Run("check", "--fix", "--max-parallelism", parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture), parallel.Path);

        Assert.Equal(one.ExitCode, many.ExitCode);
        Assert.Equal(one.Out.Replace(serial.Path, "T", StringComparison.Ordinal), many.Out.Replace(parallel.Path, "T", StringComparison.Ordinal));
        Assert.DoesNotContain("CC5911", one.Out + many.Out, StringComparison.Ordinal);
        Assert.Equal(Snapshot(serial.Path), Snapshot(parallel.Path));
        Assert.Contains("cycle->modules[i]", File.ReadAllText(Path.Combine(parallel.Path, "a", "shared.c")), StringComparison.Ordinal);
    }

    /// <summary>Eight new-style modules, a to h, whose sources all name shared.c: the others' are links to a's.</summary>
    private static TempDirectory SharingTree()
    {
        var dir = new TempDirectory();
        var names = new[] { "a", "b", "c", "d", "e", "f", "g", "h" };
        foreach (var name in names)
        {
            dir.Write($"{name}/config", $"ngx_addon_name=ngx_http_{name}_module\nngx_module_type=HTTP\nngx_module_name=ngx_http_{name}_module\nngx_module_srcs=\"$ngx_addon_dir/{name}.c $ngx_addon_dir/shared.c\"\n. auto/module\n");
            dir.Write($"{name}/{name}.c", $"#include <ngx_config.h>\n#include <ngx_core.h>\nngx_module_t ngx_http_{name}_module;\n");
        }

        dir.Write("a/shared.c", "#include <ngx_config.h>\n#include <ngx_core.h>\n\nngx_uint_t\nngx_shared_count(ngx_cycle_t *cycle)\n{\n    ngx_uint_t  i, n;\n\n    n = 0;\n    for (i = 0; ngx_modules[i]; i++) {\n        n++;\n    }\n\n    return n;\n}\n");
        foreach (var name in names.Skip(1))
        {
            File.CreateSymbolicLink(Path.Combine(dir.Path, name, "shared.c"), "../a/shared.c");
        }

        return dir;
    }

    [Trait("Requires", "git")]
    [Fact]
    public void The_diff_of_a_tree_is_labelled_from_the_tree_and_applies_there_whole()
    {
        using var dir = Tree(3);
        var whole = CliRunner.Run("convert", "--diff", dir.Path);
        var one = CliRunner.Run("convert", "--diff", Path.Combine(dir.Path, "m01"));

        Assert.Equal(["--- a/m00/config", "--- a/m01/config", "--- a/m02/config"], whole.Out.Split('\n').Where(l => l.StartsWith("--- ", StringComparison.Ordinal)));
        Assert.StartsWith("--- a/config\n+++ b/config\n", one.Out, StringComparison.Ordinal);
        var patch = Path.Combine(Path.GetTempPath(), $"cc-tree-{Guid.NewGuid():N}.patch");
        File.WriteAllText(patch, whole.Out);
        try
        {
            var applied = TestSupport.ExternalTool.Run(TestSupport.ExternalTool.Require("git", "apt-get install -y git"), ["-C", dir.Path, "apply", patch]);
            Assert.True(applied.ExitCode == 0, applied.StandardError);
        }
        finally
        {
            File.Delete(patch);
        }

        Assert.Equal(0, CliRunner.Run("convert", "--check", dir.Path).ExitCode);
    }

    /// <summary>
    /// A module directory whose name git quotes (a line break, a tab, quotes, a backslash, a control character,
    /// non-ASCII): the diff's headers are git's own for the same change, the diff applies with <c>git apply</c>, and
    /// a pull request's <c>git diff</c> of it is read back to the same path. Before, a line break in the name split
    /// the header in two, and git's quoted header was never matched with the file.
    /// </summary>
    [Trait("Requires", "git")]
    [Theory]
    [InlineData("m\n1")]
    [InlineData("m\t\"q\"\\1")]
    [InlineData("m\u00e9\u0001\u007f")]
    [InlineData("\u00e9t\u00e9 \U0001F600")]
    public void A_path_git_quotes_is_quoted_as_git_quotes_it_and_the_diff_applies(string name)
    {
        using var dir = new TempDirectory();
        var config = dir.Write($"{name}/config", string.Format(OldStyle, "m"));
        dir.Write($"{name}/m.c", "#include <ngx_config.h>\n");
        var ours = CliRunner.Run("convert", "--diff", dir.Path);
        Assert.Equal(0, ours.ExitCode);

        var git = TestSupport.ExternalTool.Require("git", "apt-get install -y git");
        string Git(params string[] arguments)
        {
            var run = TestSupport.ExternalTool.Run(git, ["-C", dir.Path, "-c", "user.name=t", "-c", "user.email=t@t", .. arguments]);
            Assert.True(run.ExitCode == 0, run.StandardError);
            return run.StandardOutput;
        }

        Git("init", "-q");
        Git("add", "-A");
        Git("commit", "-q", "-m", "original");
        Assert.Equal(0, CliRunner.Run("convert", dir.Path).ExitCode);
        var converted = File.ReadAllText(config);
        var theirs = Git("diff");
        static IEnumerable<string> Headers(string diff) => diff.Split('\n').Where(l => l.StartsWith("--- ", StringComparison.Ordinal) || l.StartsWith("+++ ", StringComparison.Ordinal));
        Assert.Equal(Headers(theirs), Headers(ours.Out));
        Assert.True(ChangedLines.Parse(theirs).AllAdded($"{name}/config", 4, 4), theirs);

        Git("checkout", "-q", "--", ".");
        var patch = Path.Combine(Path.GetTempPath(), $"cc-quoted-{Guid.NewGuid():N}.patch");
        File.WriteAllText(patch, ours.Out);
        try
        {
            Git("apply", patch);
        }
        finally
        {
            File.Delete(patch);
        }

        Assert.Equal(converted, File.ReadAllText(config));
    }

    /// <summary>The same over a tree of 24 modules with names drawn from the characters git treats apart (a fixed seed).</summary>
    [Trait("Requires", "git")]
    [Fact]
    public void Every_header_of_a_tree_of_odd_names_is_the_one_git_writes()
    {
        const string pool = "ab \t\n\r\"\\'`$*?\u0001\u001b\u007f\u00e9\u00ff\u4e2d\u0100";
        var random = new Random(12);
        using var dir = new TempDirectory();
        for (var i = 0; i < 24; i++)
        {
            var name = $"{i:D2}" + string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pool[random.Next(pool.Length)])) + (random.Next(4) == 0 ? "\U0001F600" : string.Empty);
            dir.Write($"{name}/config", string.Format(OldStyle, "m"));
        }

        var ours = CliRunner.Run("convert", "--diff", dir.Path);
        var git = TestSupport.ExternalTool.Require("git", "apt-get install -y git");
        foreach (var arguments in new[] { new[] { "init", "-q" }, ["add", "-A"], ["commit", "-q", "-m", "original"] })
        {
            var run = TestSupport.ExternalTool.Run(git, ["-C", dir.Path, "-c", "user.name=t", "-c", "user.email=t@t", .. arguments]);
            Assert.True(run.ExitCode == 0, run.StandardError);
        }

        Assert.Equal(0, CliRunner.Run("convert", dir.Path).ExitCode);
        var theirs = TestSupport.ExternalTool.Run(git, ["-C", dir.Path, "diff"]).StandardOutput;
        static List<string> Headers(string diff) => [.. diff.Split('\n').Where(l => l.StartsWith("--- ", StringComparison.Ordinal) || l.StartsWith("+++ ", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
        Assert.Equal(48, Headers(theirs).Count);
        Assert.Equal(Headers(theirs), Headers(ours.Out));
    }

    /// <summary>Old-style modules m00, m01... and one module made of two sourced parts.</summary>
    private static TempDirectory Tree(int count)
    {
        var dir = new TempDirectory();
        for (var i = 0; i < count; i++)
        {
            dir.Write($"m{i:D2}/config", string.Format(OldStyle, $"m{i:D2}"));
            dir.Write($"m{i:D2}/m{i:D2}.c", "#include <ngx_config.h>\n");
        }

        dir.Write("brotli/config", Parent);
        dir.Write("brotli/filter/config", string.Format(Part, "filter"));
        dir.Write("brotli/static/config", string.Format(Part, "static"));
        return dir;
    }

    private static List<(string, string)> Snapshot(string root) => [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories)
        .Select(f => (Path.GetRelativePath(root, f), File.ReadAllText(f)))
        .Order()];
}
