namespace ConfigConvert.Cli.Tests;

/// <summary>
/// An empty argument (<c>''</c>, often an unset shell variable in a script) names no file. .NET refuses an empty path
/// with an exception of its own, which every command met as an internal error that stopped the whole run.
/// </summary>
public sealed class EmptyArgumentTests
{
    private const string OldStyle = "ngx_addon_name=ngx_http_x_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/x.c\"\n";

    [Theory]
    [InlineData("describe", "")]
    [InlineData("parse", "")]
    [InlineData("inspect", "")]
    [InlineData("verify", "")]
    [InlineData("check", "{0}", "--baseline", "")]
    [InlineData("check", "{0}", "--include", "")]
    [InlineData("convert", "--check", "{0}", "--with", "")]
    [InlineData("verify", "{0}", "--keep", "")]
    [InlineData("verify", "{0}", "--directives", "stream:")]
    [InlineData("preflight", "--nginx", "/usr/sbin/nginx", "--conf", "")]
    [InlineData("inspect", "x.so", "--against", "")]
    public void An_empty_path_is_a_usage_or_io_error_with_exit_2(params string[] arguments)
    {
        using var dir = new TempDirectory();
        dir.Write("config", OldStyle);
        var result = CliRunner.Run([.. arguments.Select(a => string.Format(a, dir.Path))]);
        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
        Assert.Matches("an empty path names no file|was given an empty value", result.Out + result.Error);
    }

    [Theory]
    [InlineData("check")]
    [InlineData("convert")]
    public void The_other_paths_are_still_worked_on(string command)
    {
        using var dir = new TempDirectory();
        var config = dir.Write("m/config", OldStyle);
        var result = CliRunner.Run(command, Path.Combine(dir.Path, "m"), string.Empty);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("an empty path names no file", result.Out + result.Error, StringComparison.Ordinal);
        Assert.Contains(command == "check" ? "CC2201" : "ngx_module_type=HTTP", command == "check" ? result.Out : File.ReadAllText(config), StringComparison.Ordinal);
    }
}
