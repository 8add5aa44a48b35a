using ConfigConvert.ModuleModel;

namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>
/// Files a check cannot read or tokenize: each gets one diagnostic, the run goes on with the rest of the
/// module, and only reading failures are I/O errors.
/// </summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_binary_c_file_is_reported_once_and_is_not_an_io_error()
    {
        using var tree = ModuleWith("blob.c", "\0\x01ELF");
        var report = Check(tree);
        Assert.Equal(["CC2104 blob.c", "CC2202 config"], Findings(tree, report));
        Assert.False(report.HasIoErrors);
    }

    [Fact]
    public void A_huge_c_file_is_reported_once_without_being_read()
    {
        using var tree = ModuleWith("huge.c", string.Empty);
        using (var stream = new FileStream(tree.PathOf("m/huge.c"), FileMode.Open))
        {
            stream.SetLength(Text.InputLimits.MaxFileBytes + 1);
        }

        var report = Check(tree);
        Assert.Equal(["CC2105 huge.c", "CC2202 config"], Findings(tree, report));
        Assert.False(report.HasIoErrors);
    }

    [Fact]
    public void C_files_that_do_not_tokenize_are_reported_once_each()
    {
        using var tree = ModuleWith("comment.c", "int a; /* never closed\n");
        tree.Write("m/string.c", "char *s = \"never closed;\nchar c = 'x;\n");
        var report = Check(tree);
        Assert.Equal(["CC2107 comment.c", "CC2202 config", "CC5912 string.c", "CC5912 string.c"], Findings(tree, report));
        Assert.False(report.HasIoErrors);
    }

    [Fact]
    public void A_file_link_loop_is_unreadable_an_io_error_and_the_rest_is_checked()
    {
        using var tree = ModuleWith("ok.c", "int a;\n");
        File.CreateSymbolicLink(tree.PathOf("m/loop.c"), "loop.c");
        var report = Check(tree);
        Assert.Equal(["CC2103 loop.c", "CC2202 config"], Findings(tree, report));
        Assert.True(report.HasIoErrors);
    }

    [Fact]
    public async Task A_fifo_named_like_a_source_does_not_block_the_run()
    {
        using var tree = ModuleWith("ok.c", "int a;\n");
        MakeFifo(tree.PathOf("m/pipe.c"));
        var report = await Task.Run(() => Check(tree)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(["CC2202 config"], Findings(tree, report));
    }

    [Fact]
    public async Task A_patch_a_readme_and_a_sourced_script_that_are_fifos_are_read_as_empty()
    {
        // Every rule, the conversion CC2201 proposes included: each reads the module's files as empty when they have no
        // size of their own, so the empty patch is not a diff (CC5002) and the sourced script runs nothing.
        using var tree = new TempTree();
        tree.Write("m/config", ". $ngx_addon_dir/helpers\n" + Samples.OldStyleConfig);
        tree.Write("m/ngx_http_example_module.c", Samples.Source);
        MakeFifo(tree.PathOf("m/fix.patch"));
        MakeFifo(tree.PathOf("m/README"));
        MakeFifo(tree.PathOf("m/helpers"));

        var report = await Task.Run(() => ModuleChecker.Check([tree.PathOf("m")], new CheckOptions())).WaitAsync(TimeSpan.FromSeconds(60));

        var findings = Findings(tree, report);
        Assert.Contains("CC5002 fix.patch", findings);
        Assert.Contains("CC2201 config", findings);
        Assert.False(report.HasIoErrors);
    }

    [Fact]
    public void A_file_without_read_permission_is_reported_when_the_system_refuses_to_read_it()
    {
        using var tree = ModuleWith("locked.c", "char *s = \"open;\n");
        var locked = tree.PathOf("m/locked.c");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        var readable = CanRead(locked);
        var report = Check(tree);

        // Run as root, the permission does not stop reading: then the file must be read like any other
        // (its open literal reported); otherwise it must be reported unreadable, as an I/O error.
        Assert.Equal(readable ? ["CC2202 config", "CC5912 locked.c"] : ["CC2103 locked.c", "CC2202 config"], Findings(tree, report));
        Assert.Equal(!readable, report.HasIoErrors);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Fact]
    public void A_config_that_is_a_link_loop_is_an_io_error_and_other_modules_are_still_checked()
    {
        using var tree = new TempTree();
        Directory.CreateDirectory(tree.PathOf("a"));
        File.CreateSymbolicLink(tree.PathOf("a/config"), "config");
        tree.Write("b/config", Samples.LinkConfig());
        var report = ModuleChecker.Check([tree.PathOf("a"), tree.PathOf("b")], Samples.TwoRules);
        Assert.Equal(ModelDiagnostics.ConfigUnreadable, Assert.Single(report.Modules[0].Diagnostics).Descriptor);
        Assert.Equal(["CC2202"], report.Modules[1].Diagnostics.Select(d => d.Id));
        Assert.True(report.HasIoErrors);
    }

    [Fact]
    public void A_config_whose_evaluation_runs_out_of_steps_is_a_finding_where_it_stopped()
    {
        using var tree = new TempTree();
        tree.Write("m/config", "ngx_addon_name=ngx_http_x_module\nwhile true; do\n    HTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\ndone\n");
        var report = Check(tree);
        var stopped = Assert.Single(report.Diagnostics, d => d.Descriptor == ModelDiagnostics.StepLimit);
        Assert.Equal(tree.PathOf("m/config"), stopped.Location.Path);
        Assert.True(report.HasFindings);
        Assert.False(report.HasIoErrors);
    }

    [Fact]
    public void A_config_with_more_outcomes_than_the_model_explores_is_a_finding()
    {
        using var tree = new TempTree();
        var features = Enumerable.Range(0, 12).Select(i => $"ngx_feature=\"f{i}\"\nngx_feature_test=\"return {i};\"\n. auto/feature\n");
        tree.Write("m/config", "ngx_addon_name=ngx_http_x_module\n" + string.Concat(features) + "HTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n");
        var report = Check(tree);
        Assert.Single(report.Diagnostics, d => d.Descriptor == ModelDiagnostics.TooManyOutcomes);
        Assert.True(report.HasFindings);
    }

    /// <summary>What stops configure where no rule looks: a sourced file missing, one that sources itself, a read-only variable (not in a subshell, which only that ends).</summary>
    [Theory]
    [InlineData(". $ngx_addon_dir/common.sh", 2, "CC2007")]
    [InlineData(". $ngx_addon_dir/config", 2, "CC2008")]
    [InlineData("readonly P=/usr\n( P=/opt )\nP=/opt", 4, "CC2010")]
    public void A_config_that_stops_configure_is_an_error_where_it_stops(string lines, int line, string id)
    {
        using var tree = new TempTree();
        tree.Write("m/config", $"ngx_addon_name=ngx_http_x_module\n{lines}\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n");
        var report = Check(tree);
        var stop = Assert.Single(report.Diagnostics, d => d.Id == id);
        Assert.Equal((tree.PathOf("m/config"), line), (stop.Location.Path, stop.Location.Start.Line));
        Assert.True(report.HasFindings);
        Assert.False(report.HasIoErrors);
    }

    [Fact]
    public void A_stop_inside_a_subshell_ends_only_the_subshell_and_is_no_finding()
    {
        using var tree = new TempTree();
        tree.Write("m/config", "ngx_addon_name=ngx_http_x_module\n( . $ngx_addon_dir/common.sh )\nreadonly P=/usr\nv=`P=/opt`\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n");
        var report = Check(tree);
        Assert.DoesNotContain(report.Diagnostics, d => d.Id is "CC2007" or "CC2010");
    }

    /// <summary>
    /// A sourced file with syntax errors: the parser's errors where they are, and CC2011 where configure stops. No rule reads
    /// either, and without them a module that cannot be configured at all would pass.
    /// </summary>
    [Fact]
    public void A_sourced_file_with_syntax_errors_is_an_error_in_the_file_and_where_it_is_sourced()
    {
        using var tree = new TempTree();
        tree.Write("m/config", "ngx_addon_name=ngx_http_x_module\n. $ngx_addon_dir/common.sh\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n");
        tree.Write("m/common.sh", "if true; then\n  X=1\n");
        var report = Check(tree);
        Assert.Equal(["CC1002 common.sh", "CC2011 config"], Findings(tree, report));
        Assert.Equal(2, report.Diagnostics.Single(d => d.Id == "CC2011").Location.Start.Line);
        Assert.True(report.HasFindings);
        Assert.False(report.HasIoErrors);
    }

    private static TempTree ModuleWith(string file, string text)
    {
        var tree = new TempTree();
        tree.Write("m/config", Samples.LinkConfig());
        tree.Write("m/" + file, text);
        return tree;
    }

    private static CheckReport Check(TempTree tree) => ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules);

    private static List<string> Findings(TempTree tree, CheckReport report)
        => [.. report.Diagnostics.Select(d => $"{d.Id} {Path.GetRelativePath(tree.PathOf("m"), d.Location.Path!)}").Order(StringComparer.Ordinal)];

    private static bool CanRead(string path)
    {
        try
        {
            File.ReadAllBytes(path);
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static void MakeFifo(string path)
    {
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        Assert.Equal(0, mkfifo.ExitCode);
    }
}
