using ConfigConvert.TestSupport;

namespace ConfigConvert.Cli.Tests;

public sealed class ConvertCommandTests
{
    private const string OldStyle = "ngx_addon_name=ngx_http_x_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/x.c\"\n";

    [Fact]
    public void Rewrites_the_config_in_place_keeping_its_permissions()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        var result = CliRunner.Run("convert", dir.Path);
        Assert.Equal((0, $"{config}: converted\n"), (result.ExitCode, result.Out));
        var text = File.ReadAllText(config);
        Assert.Contains("ngx_module_type=HTTP\n", text, StringComparison.Ordinal);
        Assert.Contains("else\n    HTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n", text, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(config));
        Assert.Single(Directory.GetFiles(dir.Path));

        var again = CliRunner.Run("convert", dir.Path);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(text, File.ReadAllText(config));
    }

    [Fact]
    public void Diff_and_check_together_are_a_usage_error_and_write_nothing()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);
        var result = CliRunner.Run("convert", "--diff", "--check", dir.Path);
        Assert.Equal((2, string.Empty), (result.ExitCode, result.Out));
        Assert.StartsWith("ngx-convert: --diff and --check cannot be used together", result.Error, StringComparison.Ordinal);
        Assert.Equal(OldStyle, File.ReadAllText(config));
    }

    [Fact]
    public void Diff_prints_a_unified_diff_and_writes_nothing()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);
        var result = CliRunner.Run("convert", "--diff", dir.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\n@@ -1,3 +1,11 @@\n ngx_addon_name=ngx_http_x_module\n-HTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n", result.Out, StringComparison.Ordinal);
        Assert.Contains("+if test -n \"$ngx_module_link\"; then\n", result.Out, StringComparison.Ordinal);
        Assert.Equal(OldStyle, File.ReadAllText(config));
    }

    [Fact]
    [Trait("Requires", "git")]
    public void Diff_labels_are_relative_to_the_module_and_apply_there_with_git_apply()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);
        var diff = CliRunner.Run("convert", "--diff", dir.Path).Out;
        Assert.StartsWith("--- a/config\n+++ b/config\n", diff, StringComparison.Ordinal);

        // Outside the module: a .diff file inside it would be taken for a patch to nginx.
        using var patchDir = new TempDirectory();
        var patch = patchDir.Write("convert.diff", diff);
        var git = ExternalTool.Require("git", "apt-get install git");
        var applied = ExternalTool.Run(git, ["apply", patch], dir.Path);
        Assert.True(applied.ExitCode == 0, applied.StandardError);
        var patched = File.ReadAllText(config);
        File.WriteAllText(config, OldStyle);
        Assert.Equal(0, CliRunner.Run("convert", dir.Path).ExitCode);
        Assert.Equal(File.ReadAllText(config), patched);
    }

    [Fact]
    public void Check_exits_1_when_a_conversion_is_needed_and_0_when_not()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);
        var needed = CliRunner.Run("convert", "--check", dir.Path);
        Assert.Equal((1, $"{config}: needs converting\n"), (needed.ExitCode, needed.Out));
        Assert.Equal(OldStyle, File.ReadAllText(config));

        var fixture = RepoPaths.Combine("tests", "fixtures", "modules", "new_style");
        Assert.Equal((0, string.Empty), (CliRunner.Run("convert", "--check", fixture).ExitCode, CliRunner.Run("convert", "--check", fixture).Out));
    }

    [Fact]
    public void No_compat_drops_the_old_text()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);
        Assert.Equal(0, CliRunner.Run("convert", "--no-compat", dir.Path).ExitCode);
        var text = File.ReadAllText(config);
        Assert.DoesNotContain("HTTP_MODULES", text, StringComparison.Ordinal);
        Assert.EndsWith("\n. auto/module\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_conversion_exits_1_and_leaves_the_file_alone()
    {
        using var dir = new TempDirectory();
        // A registration inside a function is still refused (a loop is converted: its appends collect into a variable).
        var text = "register() {\n  HTTP_MODULES=\"$HTTP_MODULES $1\"\n}\nregister ngx_http_a_module\n";
        var config = dir.Write("config", text);
        var result = CliRunner.Run("convert", dir.Path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{config}(2,3): error CC3003:", result.Error, StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(config));
    }

    [Fact]
    public void Several_directories_and_an_io_error()
    {
        using var dir = new TempDirectory();
        dir.Write("a/config", OldStyle);
        var result = CliRunner.Run("convert", "--check", Path.Combine(dir.Path, "a"), Path.Combine(dir.Path, "missing"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs converting", result.Out, StringComparison.Ordinal);
        Assert.Contains("error CC2001", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_symlink_is_followed_and_kept()
    {
        using var dir = new TempDirectory();
        var real = dir.Write("real-config", OldStyle);
        var link = Path.Combine(dir.Path, "config");
        File.CreateSymbolicLink(link, real);
        Assert.Equal(0, CliRunner.Run("convert", dir.Path).ExitCode);
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains(". auto/module", File.ReadAllText(real), StringComparison.Ordinal);
    }
}
