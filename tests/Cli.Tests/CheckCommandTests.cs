using System.Text.Json;

namespace ConfigConvert.Cli.Tests;

/// <summary><c>ngx-convert check</c>, <c>explain</c> and <c>rules</c>: exit codes, text and JSON.</summary>
public sealed class CheckCommandTests
{
    private const string LinkConfig = "ngx_addon_name=ngx_http_x_module\nngx_module_link=DYNAMIC\n";

    private const string OldStyleConfig = "ngx_addon_name=ngx_http_x_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_x_module.c\"\n";

    private const string NewStyleConfig = "ngx_addon_name=ngx_http_x_module\nif test -n \"$ngx_module_link\"; then\n    ngx_module_type=HTTP\n    ngx_module_name=ngx_http_x_module\n    ngx_module_srcs=\"$ngx_addon_dir/ngx_http_x_module.c\"\n    . auto/module\nelse\n    HTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n    NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_x_module.c\"\nfi\n";

    [Fact]
    public void A_clean_module_exits_0_with_only_the_summary()
    {
        using var dir = Tree();
        dir.Write("m/config", NewStyleConfig);
        var result = CliRunner.Run("check", Path.Combine(dir.Path, "m"));
        Assert.Equal((0, string.Empty), (result.ExitCode, result.Out));
        Assert.Equal("ngx-convert: check: 1 module(s), 0 error(s), 0 warning(s), 0 info(s), 0 suppressed, 0 in the baseline, 0 file(s) fixed\n", result.Error);
    }

    [Fact]
    public void Findings_print_one_line_each_and_exit_1()
    {
        using var dir = Tree();
        var config = dir.Write("m/config", LinkConfig);
        var result = CliRunner.Run("check", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{config}(2,1): warning CC2202: the config sets `ngx_module_link`, which configure sets from --add-module or --add-dynamic-module; remove the assignment\n", result.Out);
    }

    [Fact]
    public void A_missing_path_exits_2_and_the_other_modules_are_still_reported()
    {
        using var dir = Tree();
        dir.Write("m/config", LinkConfig);
        var missing = Path.Combine(dir.Path, "missing");
        var result = CliRunner.Run("check", missing, Path.Combine(dir.Path, "m"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{missing}(1,1): error CC5902: cannot check `{missing}`: no such file or directory", result.Out, StringComparison.Ordinal);
        Assert.Contains("warning CC2202", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--write-baseline")]
    [InlineData("--nginx-version", "1.9")]
    [InlineData("--nginx-version", "1.25.3:1.9.11")]
    [InlineData("--format", "xml")]
    public void Bad_usage_exits_2(params string[] arguments)
    {
        using var dir = Tree();
        dir.Write("m/config", NewStyleConfig);
        var result = CliRunner.Run(["check", Path.Combine(dir.Path, "m"), .. arguments]);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ngx-convert: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_version_range_whose_minimum_is_past_its_maximum_is_said_to_be_so()
    {
        using var dir = Tree();
        dir.Write("m/config", NewStyleConfig);
        var result = CliRunner.Run("check", Path.Combine(dir.Path, "m"), "--nginx-version", "1.25.3:1.9.11");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("ngx-convert: --nginx-version `1.25.3:1.9.11` names no version: MIN `1.25.3` is later than MAX `1.9.11`", result.Error.Trim());
    }

    [Theory]
    [InlineData("1.9.11:1.25.3")]
    [InlineData("1009011")]
    public void Version_ranges_are_accepted(string range)
    {
        using var dir = Tree();
        dir.Write("m/config", NewStyleConfig);
        Assert.Equal(0, CliRunner.Run("check", Path.Combine(dir.Path, "m"), "--nginx-version", range).ExitCode);
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        using var dir = Tree();
        var config = dir.Write("m/config", OldStyleConfig);
        var result = CliRunner.Run("check", dir.Path, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(0, root.GetProperty("diagnostics").GetArrayLength());
        var module = Assert.Single(root.GetProperty("modules").EnumerateArray());
        Assert.Equal(Path.Combine(dir.Path, "m"), module.GetProperty("path").GetString());
        Assert.Equal((0, 0, 0), (module.GetProperty("fixed").GetArrayLength(), module.GetProperty("suppressed").GetInt32(), module.GetProperty("hiddenByBaseline").GetInt32()));
        var diagnostic = Assert.Single(module.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal(("CC2201", "warning", config), (diagnostic.GetProperty("id").GetString(), diagnostic.GetProperty("severity").GetString(), diagnostic.GetProperty("path").GetString()));
        Assert.Equal((2, 1, 2, 47), (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(), diagnostic.GetProperty("endLine").GetInt32(), diagnostic.GetProperty("endColumn").GetInt32()));
        Assert.EndsWith("/docs/rules/CC2201.md", diagnostic.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        var change = Assert.Single(Assert.Single(diagnostic.GetProperty("fixes").EnumerateArray()).GetProperty("changes").EnumerateArray());
        Assert.Equal((config, 0, OldStyleConfig.Length), (change.GetProperty("path").GetString(), change.GetProperty("start").GetInt32(), change.GetProperty("length").GetInt32()));
        Assert.Contains(". auto/module", change.GetProperty("newText").GetString(), StringComparison.Ordinal);
        var summary = root.GetProperty("summary");
        Assert.Equal((1, 0, 1), (summary.GetProperty("modules").GetInt32(), summary.GetProperty("errors").GetInt32(), summary.GetProperty("warnings").GetInt32()));
    }

    [Fact]
    public void Fix_rewrites_the_config_reports_it_and_a_second_run_is_clean()
    {
        using var dir = Tree();
        var config = dir.Write("m/config", OldStyleConfig);
        var first = CliRunner.Run("check", dir.Path, "--fix");
        Assert.Equal((0, string.Empty), (first.ExitCode, first.Out));
        Assert.StartsWith($"ngx-convert: fixed: {config}\n", first.Error, StringComparison.Ordinal);
        var fixedText = File.ReadAllText(config);
        Assert.Contains(". auto/module", fixedText, StringComparison.Ordinal);
        var second = CliRunner.Run("check", dir.Path, "--fix");
        Assert.Equal((0, string.Empty), (second.ExitCode, second.Out));
        Assert.Equal(fixedText, File.ReadAllText(config));
    }

    [Fact]
    public void A_written_baseline_makes_the_next_run_pass_until_a_new_finding()
    {
        using var dir = Tree();
        var config = dir.Write("m/config", LinkConfig);
        var baseline = Path.Combine(dir.Path, "baseline.json");
        Assert.Equal(0, CliRunner.Run("check", dir.Path, "--baseline", baseline, "--write-baseline").ExitCode);
        var hidden = CliRunner.Run("check", dir.Path, "--baseline", baseline);
        Assert.Equal((0, string.Empty), (hidden.ExitCode, hidden.Out));
        Assert.Contains("1 in the baseline", hidden.Error, StringComparison.Ordinal);
        File.AppendAllText(config, "ngx_module_link=ADDON\n");
        Assert.Equal(1, CliRunner.Run("check", dir.Path, "--baseline", baseline).ExitCode);
        File.WriteAllText(baseline, "{}");
        Assert.Equal(2, CliRunner.Run("check", dir.Path, "--baseline", baseline).ExitCode);
    }

    [Fact]
    public void Suppressed_findings_do_not_count()
    {
        using var dir = Tree();
        dir.Write("m/config", "# ngx-convert disable=CC2202\n" + LinkConfig);
        var result = CliRunner.Run("check", dir.Path);
        Assert.Equal((0, string.Empty), (result.ExitCode, result.Out));
        Assert.Contains("1 suppressed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Editorconfig_can_make_a_finding_an_error_or_a_note()
    {
        using var dir = Tree();
        dir.Write("m/config", LinkConfig);
        File.WriteAllText(Path.Combine(dir.Path, ".editorconfig"), "root = true\n[config]\nngx_convert.CC2202.severity = note\n");
        var note = CliRunner.Run("check", dir.Path);
        Assert.Equal(0, note.ExitCode);
        Assert.Contains(": info CC2202: ", note.Out, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(dir.Path, ".editorconfig"), "root = true\n[config]\nngx_convert.CC2202.severity = error\n");
        Assert.Contains(": error CC2202: ", CliRunner.Run("check", dir.Path).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_prints_the_rule_page()
    {
        var result = CliRunner.Run("explain", "cc2202");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# CC2202: Config sets ngx_module_link\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("## How to fix", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_of_an_unknown_id_exits_2_with_a_message()
    {
        var result = CliRunner.Run("explain", "CC9999");
        Assert.Equal((2, string.Empty), (result.ExitCode, result.Out));
        Assert.Equal("ngx-convert: `CC9999` is not the id of a rule; `ngx-convert rules` lists them\n", result.Error);
    }

    [Fact]
    public void Rules_lists_every_rule_as_text_and_json()
    {
        var text = CliRunner.Run("rules");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("CC2201  warning  Config      Old-style config\n", text.Out, StringComparison.Ordinal);
        var json = CliRunner.Run("rules", "--format", "json");
        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(1, document.RootElement.GetProperty("version").GetInt32());
        var rule = document.RootElement.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "CC2202");
        Assert.Equal(("Config sets ngx_module_link", "Config", "warning", true), (rule.GetProperty("title").GetString(), rule.GetProperty("category").GetString(), rule.GetProperty("defaultSeverity").GetString(), rule.GetProperty("enabledByDefault").GetBoolean()));
        Assert.EndsWith("/docs/rules/CC2202.md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
    }

    /// <summary>A temporary directory whose .editorconfig stops the search for more above it.</summary>
    /// <summary>A directory for module <c>m</c>, with the source that defines the module its configs register, so that only what a test writes can be a finding.</summary>
    private static TempDirectory Tree()
    {
        var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n");
        dir.Write("m/ngx_http_x_module.c", "#include <ngx_config.h>\n#include <ngx_core.h>\n#include <ngx_http.h>\n\nngx_module_t  ngx_http_x_module = {\n    NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,\n    NULL, NULL, NULL, NULL, NULL, NULL, NULL,\n    NGX_MODULE_V1_PADDING\n};\n");
        return dir;
    }
}
