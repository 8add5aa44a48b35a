using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>Which modules a check covers, and paths it cannot check.</summary>
public sealed class CheckerTests
{
    [Fact]
    public void A_tree_is_searched_for_module_configs_in_ordinal_order_skipping_vcs_build_output_and_other_configs()
    {
        using var tree = new TempTree();
        tree.Write("b/config", Samples.CleanConfig);
        tree.Write("a/nested/config", Samples.CleanConfig);
        tree.Write("a/nested/sub/config", Samples.CleanConfig);
        tree.Write("A/config", Samples.CleanConfig);
        tree.Write(".git/config", "[core]\n\tbare = false\n");
        tree.Write("objs/config", Samples.CleanConfig);
        tree.Write("t/config", "timeout=30\n");
        var report = ModuleChecker.Check([tree.Root], Samples.TwoRules);
        Assert.Equal([tree.PathOf("A"), tree.PathOf("a/nested"), tree.PathOf("b")], report.Modules.Select(m => m.Directory));
        Assert.Empty(report.Diagnostics);
    }

    [Fact]
    public void A_module_directory_or_its_config_is_checked_itself()
    {
        using var tree = new TempTree();
        var config = tree.Write("m/config", Samples.LinkConfig());
        Assert.Equal([tree.PathOf("m")], ModuleChecker.Check([tree.PathOf("m"), config], Samples.TwoRules).Modules.Select(m => m.Directory));
    }

    [Fact]
    public void A_missing_path_is_an_io_error_and_the_other_paths_are_still_checked()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.LinkConfig());
        var missing = tree.PathOf("nope");
        var report = ModuleChecker.Check([missing, tree.PathOf("m")], Samples.TwoRules);
        Assert.True(report.HasIoErrors);
        var general = Assert.Single(report.General);
        Assert.Equal($"{missing}(1,1): error CC5902: cannot check `{missing}`: no such file or directory", general.ToString());
        Assert.Equal(["CC2202"], report.Modules.Single().Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_directory_without_modules_is_reported()
    {
        using var tree = new TempTree();
        tree.Write("docs/readme", "nothing here\n");
        var report = ModuleChecker.Check([tree.PathOf("docs")], Samples.TwoRules);
        Assert.Equal(["CC5903"], report.General.Select(d => d.Id));
        Assert.True(report.HasIoErrors);
        Assert.Empty(report.Modules);
    }

    [Fact]
    public void Symbolic_link_loops_in_the_tree_end_and_each_module_is_checked_once()
    {
        using var tree = new TempTree();
        tree.Write("mods/m/config", Samples.CleanConfig);
        tree.Write("mods/m/ngx_http_example_module.c", Samples.Source);
        Directory.CreateSymbolicLink(tree.PathOf("mods/up"), "..");
        Directory.CreateSymbolicLink(tree.PathOf("mods/m/self"), ".");
        var report = ModuleChecker.Check([tree.PathOf("mods")], Samples.TwoRules);
        var module = Assert.Single(report.Modules);
        Assert.Equal(tree.PathOf("mods/m"), module.Directory);
        var loop = Assert.Single(module.Diagnostics);
        Assert.Equal(SourceDiagnostics.DirectoryLinkCycle, loop.Descriptor);
        Assert.Equal(tree.PathOf("mods/m/self"), loop.Location.Path);
        Assert.False(report.HasIoErrors);
        Assert.False(report.HasFindings);
    }

    [Fact]
    public void The_report_and_the_baseline_are_the_same_whatever_the_parallelism_and_progress_is_told_of_each_module()
    {
        using var tree = new TempTree();
        for (var i = 0; i < 10; i++)
        {
            tree.Write($"mods/m{i}/config", i % 2 == 0 ? Samples.LinkConfig() : Samples.CleanConfig);
        }

        tree.Write("mods/parts/config", "ngx_addon_name=parts\n. $ngx_addon_dir/filter/config\n");
        tree.Write("mods/parts/filter/config", Samples.LinkConfig());
        var progress = new List<ModuleProgress>();
        var serial = ModuleChecker.Check([tree.PathOf("mods")], Samples.TwoRules with { BaselinePath = tree.PathOf("serial.json"), WriteBaseline = true });
        var parallel = ModuleChecker.Check([tree.PathOf("mods")], Samples.TwoRules with
        {
            BaselinePath = tree.PathOf("parallel.json"),
            WriteBaseline = true,
            MaxParallelism = 4,
            Progress = new Recorder(progress),
        });

        Assert.Equal(11, serial.Modules.Length);
        Assert.Equal(serial.Modules.Select(m => (m.Directory, m.HiddenByBaseline)), parallel.Modules.Select(m => (m.Directory, m.HiddenByBaseline)));
        Assert.Equal(File.ReadAllText(tree.PathOf("serial.json")), File.ReadAllText(tree.PathOf("parallel.json")));
        Assert.Equal(Enumerable.Range(0, 12), progress.Select(p => p.Done).Order());
        Assert.All(progress, p => Assert.Equal(11, p.Total));
        Assert.Equal(
            ModuleChecker.Check([tree.PathOf("mods")], Samples.TwoRules).Diagnostics.Select(d => d.ToString()),
            ModuleChecker.Check([tree.PathOf("mods")], Samples.TwoRules with { MaxParallelism = 3 }).Diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Findings_carry_absolute_paths_lines_and_columns()
    {
        using var tree = new TempTree();
        var config = tree.Write("m/config", Samples.LinkConfig("# a comment\n"));
        var finding = Assert.Single(ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules).Diagnostics);
        Assert.Equal($"{config}(3,1): warning CC2202: the config sets `ngx_module_link`, which configure sets from --add-module or --add-dynamic-module; remove the assignment", DiagnosticLine.Format(finding));
    }

    /// <summary>Keeps every report; reports come from the checking threads.</summary>
    private sealed class Recorder(List<ModuleProgress> reports) : IProgress<ModuleProgress>
    {
        public void Report(ModuleProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
