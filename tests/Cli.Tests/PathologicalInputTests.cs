using System.Text;

namespace ConfigConvert.Cli.Tests;

/// <summary>
/// Inputs built to break a tool (issue 12): each gives a message and a documented exit code through
/// `parse`, `describe`, `convert` and `check`, never a crash, a stack trace or a changed file.
/// </summary>
public sealed class PathologicalInputTests
{
    public static TheoryData<string> Commands => ["parse", "describe", "convert", "check"];

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_100_MB_config_is_refused_unread_with_exit_2(string command)
    {
        using var dir = new TempDirectory();
        var config = Path.Combine(dir.Path, "config");
        using (var file = File.Create(config))
        {
            // Sparse: the size is what the tools look at before reading anything.
            file.SetLength(100L * 1024 * 1024);
        }

        var result = Run(command, dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Matches("too large|larger than|16 MiB|16777216", result.Out + result.Error);
        Assert.Equal(100L * 1024 * 1024, new FileInfo(config).Length);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_million_nested_command_substitutions_stop_at_the_nesting_limit(string command)
    {
        var result = RunOn(command, "ngx_addon_name=x\necho " + string.Concat(Enumerable.Repeat("$(", 1_000_000)) + "\n", out var unchanged);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CC1007", result.Out + result.Error, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_10_MB_line_is_read_whole(string command)
    {
        var result = RunOn(command, "ngx_addon_name=x\nx=" + new string('a', 10 * 1024 * 1024) + "\n", out var unchanged);
        Assert.Equal(0, result.ExitCode);
        Assert.True(unchanged);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void A_binary_config_with_NUL_bytes_is_an_error_not_a_crash(string command)
    {
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)(i * 7)).ToArray();
        var result = RunOn(command, bytes, out var unchanged);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CC1104", result.Out + result.Error, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Invalid_utf8_crlf_and_mixed_line_endings_keep_every_byte(string command)
    {
        var text = "ngx_addon_name=ngx_http_x_module\r\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\n"
            + "NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/x.c\"\r\n# caf\xe9 \xff\xfe\n";
        var bytes = Encoding.Latin1.GetBytes(text);
        var result = RunOn(command, bytes, out var unchanged, dryRun: true);
        Assert.InRange(result.ExitCode, 0, 1);
        if (command == "describe")
        {
            // describe reports errors only (warnings are check's); the module is still read whole.
            Assert.Contains("ngx_http_x_module  HTTP", result.Out, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("CC1103", result.Out + result.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    private static CliRunner.Result RunOn(string command, string config, out bool unchanged)
        => RunOn(command, Encoding.UTF8.GetBytes(config), out unchanged);

    // A module holding `config`; `unchanged` says whether the config still has its bytes afterwards
    // (convert and check --fix must not write a file they refuse or cannot read).
    private static CliRunner.Result RunOn(string command, byte[] config, out bool unchanged, bool dryRun = false)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config");
        File.WriteAllBytes(path, config);
        var result = Run(command, dir.Path, dryRun);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", result.Error, StringComparison.Ordinal);
        unchanged = File.ReadAllBytes(path).AsSpan().SequenceEqual(config);
        return result;
    }

    private static CliRunner.Result Run(string command, string module, bool dryRun = false) => command switch
    {
        "parse" => CliRunner.Run("parse", Path.Combine(module, "config")),
        "convert" when dryRun => CliRunner.Run("convert", "--diff", module),
        "check" => CliRunner.Run("check", "--fail-on", "error", module),
        _ => CliRunner.Run(command, module),
    };
}
