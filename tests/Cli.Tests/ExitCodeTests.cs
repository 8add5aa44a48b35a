namespace ConfigConvert.Cli.Tests;

/// <summary>The exit codes of <c>check</c> and <c>convert</c> under <c>--fail-on</c> and <c>--format</c>: 0 clean, 1 findings, 2 usage or I/O error.</summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData("error", 0)]
    [InlineData("warning", 1)]
    [InlineData("note", 1)]
    [InlineData("none", 0)]
    public void A_warning_fails_the_check_at_or_below_the_fail_on_severity(string failOn, int expected)
    {
        using var repo = Formats.FormatFixtures.Repository("ngx_addon_name=ngx_http_x_module\nngx_module_link=DYNAMIC\n");
        Assert.Equal(expected, Formats.FormatFixtures.Check(repo, "--fail-on", failOn).ExitCode);
    }

    [Theory]
    [InlineData("warning", 0)]
    [InlineData("note", 1)]
    public void A_note_fails_only_with_fail_on_note(string failOn, int expected)
    {
        using var repo = Formats.FormatFixtures.Repository("ngx_addon_name=ngx_http_x_module\nngx_module_link=DYNAMIC\n");
        File.WriteAllText(Path.Combine(repo.Path, ".editorconfig"), "root = true\n[config]\nngx_convert.CC2202.severity = note\n");
        Assert.Equal(expected, Formats.FormatFixtures.Check(repo, "--fail-on", failOn).ExitCode);
    }

    [Fact]
    public void An_io_error_exits_2_even_with_fail_on_none()
    {
        using var repo = Formats.FormatFixtures.Repository("ngx_addon_name=ngx_http_x_module\n");
        Assert.Equal(2, CliRunner.Run("check", Path.Combine(repo.Path, "missing"), "--fail-on", "none").ExitCode);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("convert", "--check")]
    [InlineData("convert", "--diff")]
    public void An_unknown_format_lists_the_valid_ones_and_exits_2(params string[] command)
    {
        using var repo = Formats.FormatFixtures.Repository("ngx_addon_name=ngx_http_x_module\n");
        var result = CliRunner.Run([.. command, Path.Combine(repo.Path, "m"), "--format", "xml"]);
        Assert.Equal((2, string.Empty), (result.ExitCode, result.Out));
        Assert.Contains("ngx-convert: --format `xml` is not a format; the formats are: text, json, sarif, github, markdown, rdjson, checkstyle\n", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fail-on", "info")]
    [InlineData("--repository-root", "/nonexistent/root")]
    [InlineData("--changed-lines", "/nonexistent/pr.diff")]
    public void Bad_report_options_exit_2(string option, string value)
    {
        using var repo = Formats.FormatFixtures.Repository("ngx_addon_name=ngx_http_x_module\n");
        var result = CliRunner.Run("check", Path.Combine(repo.Path, "m"), option, value);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ngx-convert: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_in_place_takes_only_the_text_format()
    {
        using var repo = Formats.FormatFixtures.Repository(Formats.FormatFixtures.OldStyle);
        var result = CliRunner.Run("convert", Path.Combine(repo.Path, "m"), "--format", "sarif");
        Assert.Equal((2, "ngx-convert: --format sarif needs --check or --diff\n"), (result.ExitCode, result.Error));
        Assert.Equal(Formats.FormatFixtures.OldStyle, File.ReadAllText(Path.Combine(repo.Path, "m", "config")));
    }

    [Fact]
    public void Convert_check_exits_1_for_a_needed_conversion_in_every_format_and_diff_exits_0()
    {
        using var repo = Formats.FormatFixtures.Repository(Formats.FormatFixtures.OldStyle);
        var module = Path.Combine(repo.Path, "m");
        foreach (var format in new[] { "text", "json", "sarif", "github", "markdown", "rdjson", "checkstyle" })
        {
            Assert.Equal((format, 1), (format, CliRunner.Run("convert", "--check", module, "--format", format).ExitCode));
            Assert.Equal((format, 0), (format, CliRunner.Run("convert", "--diff", module, "--format", format).ExitCode));
        }
    }
}
