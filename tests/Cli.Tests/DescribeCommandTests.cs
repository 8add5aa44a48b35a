using System.Text.Json;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Cli.Tests;

public sealed class DescribeCommandTests
{
    private static string Fixture(string name) => RepoPaths.Combine("tests", "fixtures", "modules", name);

    [Fact]
    public void Text_lists_modules_with_type_and_position()
    {
        var result = CliRunner.Run("describe", Fixture("filter_before_ssi"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("link: addon\nmodules:\n  ngx_http_after_ssi_filter_module  HTTP_FILTER  before ngx_http_ssi_filter_module\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("sources:\n  $ngx_addon_dir/ngx_http_after_ssi_filter_module.c\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_documented_fields()
    {
        var result = CliRunner.Run("describe", Fixture("new_style"), "--link", "dynamic", "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal("dynamic", root.GetProperty("link").GetString());
        foreach (var field in new[] { "modules", "sources", "deps", "incs", "libs", "use", "sharedObjects", "unknowns", "outcomes" })
        {
            Assert.Equal(JsonValueKind.Array, root.GetProperty(field).ValueKind);
        }

        var so = root.GetProperty("sharedObjects")[0];
        Assert.Equal("ngx_http_crc_module", so.GetProperty("name").GetString());
        Assert.Equal("ngx_http_crc_module", so.GetProperty("modules")[0].GetString());
        Assert.StartsWith("$ngx_addon_dir/", so.GetProperty("sources")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Array, so.GetProperty("order").ValueKind);
        Assert.Contains(root.GetProperty("use").EnumerateArray(), u => u.GetString() == "USE_ZLIB=YES");
    }

    [Fact]
    public void Outcomes_of_a_feature_test_carry_their_assumptions()
    {
        var result = CliRunner.Run("describe", Fixture("feature_test"), "--format", "json");
        using var json = JsonDocument.Parse(result.Out);
        var outcomes = json.RootElement.GetProperty("outcomes");
        Assert.True(outcomes.GetArrayLength() > 1);
        Assert.All(outcomes.EnumerateArray(), o => Assert.NotEqual(0, o.GetProperty("assumptions").GetArrayLength()));
        Assert.Contains(outcomes.EnumerateArray(), o => o.TryGetProperty("exit", out var exit) && exit.GetInt32() == 1);
    }

    [Fact]
    public void Dynamic_link_of_an_old_style_config_says_it_stays_static()
    {
        var result = CliRunner.Run("describe", Fixture("http_single"), "--link", "dynamic");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("note: the config does not call auto/module", result.Out, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(CliRunner.Run("describe", Fixture("http_single"), "--format", "json").Out);
        Assert.Equal(2, json.RootElement.GetProperty("modules")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public void Legacy_link_of_a_new_style_config_stops_configure()
    {
        var result = CliRunner.Run("describe", Fixture("new_style"), "--link", "legacy");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CC2007", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_config_is_an_io_error()
    {
        using var dir = new TempDirectory();
        var result = CliRunner.Run("describe", dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error CC2002", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    /// <summary>The parser's error is in the sourced file, and the JSON says which file: without <c>path</c> its line would read as the config's.</summary>
    [Fact]
    public void A_sourced_file_with_syntax_errors_exits_1_and_the_json_names_each_file()
    {
        using var dir = new TempDirectory();
        dir.Write("config", "ngx_addon_name=x\n. $ngx_addon_dir/common.sh\nHTTP_MODULES=\"$HTTP_MODULES x\"\n");
        dir.Write("common.sh", "if true; then\n  X=1\n");
        var result = CliRunner.Run("describe", dir.Path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        var diagnostics = JsonDocument.Parse(result.Out).RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => (d.GetProperty("id").GetString(), Path.GetFileName(d.GetProperty("path").GetString()), d.GetProperty("line").GetInt32()))
            .Order()
            .ToList();
        Assert.Equal([("CC1002", "common.sh", 1), ("CC2011", "config", 2)], diagnostics);
    }

    [Fact]
    public void A_config_with_syntax_errors_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("config", "if true; then\n");
        var result = CliRunner.Run("describe", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CC1002", result.Error, StringComparison.Ordinal);
        Assert.Contains("error CC2004", result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// A config with more combinations of undecidable conditions than the model explores is described in part: the
    /// outcomes explored are printed, CC2006 says the rest were not, and the exit code is 1 (not fully evaluated).
    /// </summary>
    [Fact]
    public void A_config_with_more_outcomes_than_explored_is_described_in_part_and_exits_1()
    {
        using var dir = new TempDirectory();
        dir.Write("config", "ngx_addon_name=ngx_http_chime_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_chime_module\"\n"
            + string.Concat(Enumerable.Range(0, 7).Select(i => $"if pkg-config --exists libchime{i}; then CORE_LIBS=\"$CORE_LIBS -lchime{i}\"; fi\n")));
        var result = CliRunner.Run("describe", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("warning CC2006: the config has more than 64 combinations", result.Error, StringComparison.Ordinal);
        Assert.Contains("outcomes: 64", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_link_is_a_usage_error()
        => Assert.Equal(2, CliRunner.Run("describe", Fixture("http_single"), "--link", "shared").ExitCode);
}
