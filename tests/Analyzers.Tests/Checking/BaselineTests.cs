using System.Text.Json;

namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>Baselines: recorded findings stay hidden through unrelated edits; stale entries and bad files are reported.</summary>
public sealed class BaselineTests
{
    [Fact]
    public void Recorded_findings_are_hidden_even_after_lines_are_inserted_above_them()
    {
        using var tree = new TempTree();
        var config = tree.Write("m/config", Samples.LinkConfig());
        var baseline = tree.PathOf("baseline.json");
        var written = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = baseline, WriteBaseline = true });
        Assert.Empty(written.Diagnostics);
        Assert.Equal(1, written.Modules.Single().HiddenByBaseline);

        File.WriteAllText(config, Samples.LinkConfig("# added later\necho one\necho two\n"));
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = baseline });
        Assert.Empty(report.Diagnostics);
        Assert.Equal(1, report.Modules.Single().HiddenByBaseline);
    }

    [Fact]
    public void The_file_records_id_module_path_line_hash_and_occurrence()
    {
        using var tree = new TempTree();
        tree.Write("mods/m/config", Samples.LinkConfig("ngx_module_link=ADDON\n"));
        var baseline = tree.PathOf("baseline.json");
        ModuleChecker.Check([tree.PathOf("mods")], Samples.TwoRules with { BaselinePath = baseline, WriteBaseline = true });
        using var json = JsonDocument.Parse(File.ReadAllText(baseline));
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        var entries = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("CC2202", "mods/m", "config", 16), (e.GetProperty("id").GetString(), e.GetProperty("module").GetString(), e.GetProperty("path").GetString(), e.GetProperty("lineHash").GetString()!.Length)));
        Assert.NotEqual(entries[0].GetProperty("lineHash").GetString(), entries[1].GetProperty("lineHash").GetString());
        Assert.DoesNotContain(Directory.EnumerateFiles(tree.Root), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Equal_findings_are_told_apart_by_occurrence_and_a_new_one_shows()
    {
        using var tree = new TempTree();
        var config = tree.Write("m/config", Samples.LinkConfig("ngx_module_link=DYNAMIC\n"));
        var baseline = tree.PathOf("baseline.json");
        ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = baseline, WriteBaseline = true });
        File.WriteAllText(config, Samples.LinkConfig("ngx_module_link=DYNAMIC\nngx_module_link=DYNAMIC\n"));
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = baseline });
        var shown = Assert.Single(report.Diagnostics);
        Assert.Equal(("CC2202", 4), (shown.Id, shown.Location.Start.Line));
        Assert.Equal(2, report.Modules.Single().HiddenByBaseline);
    }

    [Fact]
    public void A_changed_line_revives_its_finding_and_the_stale_entry_is_a_note()
    {
        using var tree = new TempTree();
        var config = tree.Write("m/config", Samples.LinkConfig());
        var baseline = tree.PathOf("baseline.json");
        ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = baseline, WriteBaseline = true });
        File.WriteAllText(config, Samples.LinkConfig().Replace("ngx_module_link=DYNAMIC", "ngx_module_link=ADDON", StringComparison.Ordinal));
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = baseline });
        Assert.Equal(["CC2202"], report.Modules.Single().Diagnostics.Select(d => d.Id));
        var stale = Assert.Single(report.General);
        Assert.Equal($"{baseline}(1,1): info CC5906: the baseline records CC2202 in `m/config`, but no such finding exists any more; write the baseline again", stale.ToString());
        Assert.False(report.HasIoErrors);
    }

    [Theory]
    [InlineData("not json", "it is not JSON (")]
    [InlineData("{\"version\": 2, \"findings\": []}", "it is not a baseline of version 1")]
    [InlineData("{\"version\": 1.5, \"findings\": []}", "it is not a baseline of version 1")]
    [InlineData("{\"version\": 1e10, \"findings\": []}", "it is not a baseline of version 1")]
    [InlineData("{\"version\": 1}", "it has no \"findings\" array")]
    [InlineData("{\"version\": 1, \"findings\": [{\"id\": \"CC2202\", \"module\": \".\", \"path\": \"config\", \"lineHash\": \"x\", \"occurrence\": 1e12}]}", "an entry's occurrence is not a whole number")]
    [InlineData("{\"version\": 1, \"findings\": [{\"id\": \"CC2202\"}]}", "an entry lacks one of id, module, path, lineHash and occurrence")]
    public void A_baseline_that_is_not_one_is_an_io_error_and_hides_nothing(string text, string reason)
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.LinkConfig());
        var baseline = tree.Write("baseline.json", text);
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = baseline });
        Assert.True(report.HasIoErrors);
        var error = Assert.Single(report.General);
        Assert.Equal("CC5907", error.Id);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(["CC2202"], report.Modules.Single().Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_baseline_that_is_a_directory_is_said_to_be_one()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        var directory = tree.PathOf("baselines");
        Directory.CreateDirectory(directory);
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = directory });
        Assert.Equal($"{directory}(1,1): error CC5907: cannot use the baseline `{directory}`: it is a directory", Assert.Single(report.General).ToString());
        Assert.True(report.HasIoErrors);
    }

    [Fact]
    public void A_missing_baseline_is_an_io_error()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        var missing = tree.PathOf("none.json");
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { BaselinePath = missing });
        Assert.Equal($"{missing}(1,1): error CC5907: cannot use the baseline `{missing}`: no such file", Assert.Single(report.General).ToString());
        Assert.True(report.HasIoErrors);
    }
}
