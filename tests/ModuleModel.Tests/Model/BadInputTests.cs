using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>Bad module directories give diagnostics, never exceptions, and the evaluator always ends.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void A_missing_directory()
    {
        var module = ModuleDirectory.Load("/nonexistent/module");
        Assert.True(module.HasIoError);
        Assert.Equal("CC2001", Assert.Single(module.Diagnostics).Id);
        Assert.Empty(module.Describe(LinkMode.Addon).Outcomes);

        // The C index of a directory that is not there is empty, and does not say so a second time (CC2101).
        Assert.Empty(module.Sources.Files);
        Assert.Empty(module.Sources.Diagnostics);
    }

    [Fact]
    public void A_directory_without_config()
    {
        var dir = Directory.CreateTempSubdirectory("cc-noconfig-");
        try
        {
            var module = ModuleDirectory.Load(dir.FullName);
            Assert.True(module.HasIoError);
            Assert.Equal("CC2002", Assert.Single(module.Diagnostics).Id);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_config_that_is_a_symlink_loop()
    {
        var dir = Directory.CreateTempSubdirectory("cc-loop-");
        try
        {
            var config = Path.Combine(dir.FullName, "config");
            File.CreateSymbolicLink(config, config);
            var module = ModuleDirectory.Load(dir.FullName);
            Assert.True(module.HasIoError);
            Assert.Contains("symbolic links", Assert.Single(module.Diagnostics).Message, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_config_with_syntax_errors_is_not_evaluated()
    {
        using var temp = new TempModule("if true; then\n  HTTP_MODULES=\"$HTTP_MODULES x\"\n");
        var module = ModuleDirectory.Load(temp.Path);
        Assert.False(module.HasIoError);
        Assert.Contains(module.Diagnostics, d => d.Id == "CC1002");
        Assert.Contains(module.Diagnostics, d => d.Id == "CC2004");
        Assert.Empty(module.Describe(LinkMode.Addon).Outcomes);
    }

    [Fact]
    public void A_loop_that_never_ends_is_stopped_and_reported()
    {
        using var temp = new TempModule("ngx_addon_name=x\nwhile true; do\n  n=1\ndone\nHTTP_MODULES=\"$HTTP_MODULES x\"\n");
        var description = ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon, null, maxSteps: 5_000);
        var diagnostic = Assert.Single(description.Diagnostics, d => d.Id == "CC2005");
        Assert.Equal(2, diagnostic.Location.Start.Line);
        Assert.False(Assert.Single(description.Outcomes).Complete);
    }

    [Fact]
    public void Patterns_that_backtrack_and_affixes_of_long_values_end()
    {
        // dash takes minutes over the case (its matcher backtracks); the model took as long, and 37 s over ${x%a}.
        using var temp = new TempModule(
            "ngx_addon_name=x\ncase aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa in *a*a*a*a*a*a*a*a*a*a*a*a*b) n=1;; *) n=2;; esac\n"
            + "v=$(printf '%0999999d' 0)\nw=${v%a}\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_${n}_module\"\n");
        var outcome = Assert.Single(ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon).Outcomes);
        Assert.Equal("ngx_http_x_2_module", Assert.Single(outcome.Modules).Name);
    }

    [Fact]
    public void Runaway_recursion_is_stopped()
    {
        using var temp = new TempModule("f() { f; }\nf\n");
        var description = ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon);
        Assert.Contains(description.Diagnostics, d => d.Id == "CC2005");
    }

    [Fact]
    public void A_file_that_sources_itself_is_stopped()
    {
        using var temp = new TempModule(". $ngx_addon_dir/config\n");
        var description = ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon);
        Assert.Contains(description.Diagnostics, d => d.Id == "CC2008");
    }

    [Fact]
    public void Sourcing_a_missing_file_stops_configure_as_dash_does()
    {
        using var temp = new TempModule("ngx_addon_name=x\n. $ngx_addon_dir/nope\nHTTP_MODULES=\"$HTTP_MODULES x\"\n");
        var outcome = Assert.Single(ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon).Outcomes);
        Assert.True(outcome.Exited);
        Assert.Equal(2, outcome.ExitStatus);
        Assert.Empty(outcome.Modules);
    }

    /// <summary>dash parses a sourced file whole before running it: a syntax error at its end runs none of it (X stays unset), and stops configure.</summary>
    [Fact]
    public void Sourcing_a_file_with_syntax_errors_stops_configure_where_it_is_sourced()
    {
        var (description, directory) = DescribeSourcing(". $ngx_addon_dir/common.sh", "X=1\nif true; then\n  Y=2\n");
        var outcome = Assert.Single(description.Outcomes);
        Assert.Equal(2, outcome.ExitStatus);
        Assert.Empty(outcome.Modules);
        Assert.DoesNotContain("X", outcome.ChangedVariables.Keys);
        var stop = Assert.Single(description.Diagnostics, d => d.Descriptor == ModelDiagnostics.SourcedFileSyntaxErrors);
        Assert.Equal((Path.Combine(directory, "config"), 2), (stop.Location.Path, stop.Location.Start.Line));
        var error = Assert.Single(description.Diagnostics, d => d.Id == "CC1002");
        Assert.Equal((Path.Combine(directory, "common.sh"), 2), (error.Location.Path, error.Location.Start.Line));
    }

    [Fact]
    public void A_sourced_file_with_syntax_errors_inside_a_subshell_ends_only_the_subshell()
    {
        var (description, _) = DescribeSourcing("( . $ngx_addon_dir/common.sh )", "if true; then\n");
        Assert.Equal("ngx_http_x_module", Assert.Single(Assert.Single(description.Outcomes).Modules).Name);
        Assert.DoesNotContain(description.Diagnostics, d => d.Descriptor == ModelDiagnostics.SourcedFileSyntaxErrors);
        Assert.Contains(description.Diagnostics, d => d.Id == "CC1002");
    }

    [Fact]
    public async Task A_sourced_fifo_is_read_as_empty_without_waiting_for_a_writer()
    {
        // dash would wait for a writer, and configure with it; a file met inside a module that has no size of its own
        // is read as empty without being opened (README, Limits), so the sourced file runs nothing.
        using var temp = new TempModule("ngx_addon_name=x\n. $ngx_addon_dir/part\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n");
        Fifo.Create(Path.Combine(temp.Path, "part"));
        var description = await Task.Run(() => ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon)).WaitAsync(TimeSpan.FromSeconds(60));
        var outcome = Assert.Single(description.Outcomes);
        Assert.False(outcome.Exited);
        Assert.True(outcome.Complete);
        Assert.Equal("ngx_http_x_module", Assert.Single(outcome.Modules).Name);
        Assert.Empty(description.Diagnostics);
    }

    [Fact]
    public async Task A_sourced_link_to_dev_zero_is_read_as_empty()
    {
        using var temp = new TempModule("ngx_addon_name=x\n. $ngx_addon_dir/zero\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n");
        File.CreateSymbolicLink(Path.Combine(temp.Path, "zero"), "/dev/zero");
        var description = await Task.Run(() => ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon)).WaitAsync(TimeSpan.FromSeconds(60));
        var outcome = Assert.Single(description.Outcomes);
        Assert.True(outcome.Complete);
        Assert.Equal("ngx_http_x_module", Assert.Single(outcome.Modules).Name);
    }

    [Fact]
    public async Task A_fifo_that_the_config_reads_with_cat_is_read_as_empty()
    {
        using var temp = new TempModule("ngx_addon_name=x\nv=`cat $ngx_addon_dir/VERSION`\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x${v}_module\"\n");
        Fifo.Create(Path.Combine(temp.Path, "VERSION"));
        var description = await Task.Run(() => ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon)).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal("ngx_http_x_module", Assert.Single(Assert.Single(description.Outcomes).Modules).Name);
    }

    [Fact]
    public void Many_undecidable_conditions_are_bounded()
    {
        var config = string.Concat(Enumerable.Range(0, 10).Select(i => $"if pkg-config --exists lib{i}; then CORE_LIBS=\"$CORE_LIBS -l{i}\"; fi\n"));
        using var temp = new TempModule(config);
        var description = ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon);
        Assert.Equal(64, description.Outcomes.Length);
        Assert.Contains(description.Diagnostics, d => d.Id == "CC2006");
    }

    // Found by fuzzing (tests/fixtures/built/many as a seed of fuzz/ describe, when `expr` was not
    // emulated; `bc` stands for it now): the condition is unknown at every turn and each turn forks a
    // world. The runs queued every alternative (quadratic memory), ran 64 worlds each to its own step
    // limit, and copied the ever longer name each turn: minutes and gigabytes. The worlds now share a budget of steps, a run
    // queues no more alternatives than there can be worlds, and long values cost steps.
    [Fact]
    public void A_loop_on_an_unknown_condition_that_appends_is_bounded()
    {
        using var temp = new TempModule("i=0\nwhile [ $i -lt 130 ]; do\n    ngx_module_name=\"$ngx_module_name `printf 'ngx_many_%03d_module' $i`\"\n    i=`echo $i + 1 | bc`\ndone\n");
        var description = ModuleDirectory.Load(temp.Path).Describe(LinkMode.Dynamic);
        Assert.Contains(description.Diagnostics, d => d.Id == "CC2005");
        Assert.InRange(description.Outcomes.Length, 1, 64);
    }

    [Fact]
    public void Binary_config_is_reported_not_evaluated()
    {
        using var temp = new TempModule(string.Empty);
        File.WriteAllBytes(Path.Combine(temp.Path, "config"), [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0xFF]);
        var module = ModuleDirectory.Load(temp.Path);
        Assert.Contains(module.Diagnostics, d => d.Id == "CC1104" && d.Severity == DiagnosticSeverity.Error);
        Assert.Empty(module.Describe(LinkMode.Addon).Outcomes);
    }

    [Fact]
    public void Unreadable_sources_do_not_stop_the_model()
    {
        using var temp = new TempModule("ngx_addon_name=x\nHTTP_MODULES=\"$HTTP_MODULES x\"\n", ("x.c", "ngx_module_t x = {"));
        File.WriteAllBytes(Path.Combine(temp.Path, "blob.c"), [0, 1, 2, 0]);
        var module = ModuleDirectory.Load(temp.Path);
        Assert.Single(module.Describe(LinkMode.Addon).Outcomes);
        Assert.Contains(module.Sources.Diagnostics, d => d.Id == "CC2104");
    }

    [Fact]
    public void The_catalogue_has_unique_ids()
    {
        var all = ModelDiagnostics.All.Concat(SyntaxDiagnostics.All).Concat(SourceDiagnostics.All).ToList();
        Assert.Equal(all.Count, all.Select(d => d.Id).Distinct().Count());
        Assert.All(all, d => Assert.Matches("^CC[0-9]{4}$", d.Id));
    }

    /// <summary>Describes a config that runs <paramref name="line"/> before registering its module, beside a <c>common.sh</c> of <paramref name="common"/>.</summary>
    private static (ModuleDescription Description, string Directory) DescribeSourcing(string line, string common)
    {
        using var temp = new TempModule($"ngx_addon_name=x\n{line}\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n", ("common.sh", common));
        return (ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon), temp.Path);
    }
}
