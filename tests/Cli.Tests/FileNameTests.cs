using System.Diagnostics;

namespace ConfigConvert.Cli.Tests;

/// <summary>
/// A file name that is not valid UTF-8 (Latin-1 `é`, byte 0xE9): .NET reads names as UTF-8, puts U+FFFD for such a
/// byte, and cannot open the file by that name again. The tool says so, rather than that the file does not exist.
/// </summary>
public sealed class FileNameTests
{
    private const string OldStyle = "ngx_addon_name=ngx_http_x_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/x.c\"\n";

    [Theory]
    [InlineData("describe \"$name\"", "is not a directory: its name is not valid UTF-8")]
    [InlineData("check .", "error CC5902: cannot check")]
    [InlineData("parse \"$name/config\"", "config: its name is not valid UTF-8")]
    public void A_name_that_is_not_utf8_is_said_to_be_so_with_exit_2(string command, string expected)
    {
        using var dir = new TempDirectory();
        var cli = typeof(CliApplication).Assembly.Location;

        // The name is made by the shell: a .NET string cannot hold the byte.
        var script = $"name=\"$(printf 'l\\351t')\"; mkdir \"$name\" && printf '%s' \"$1\" > \"$name/config\" && exec dotnet '{cli}' {command} 2>&1";
        var start = new ProcessStartInfo("/bin/sh", ["-c", script, "sh", OldStyle]) { WorkingDirectory = dir.Path, RedirectStandardOutput = true };
        string output;
        int exitCode;
        try
        {
            using var process = Process.Start(start)!;
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            exitCode = process.ExitCode;
        }
        finally
        {
            // Nor can .NET delete it.
            using var remove = Process.Start("/bin/sh", ["-c", "rm -rf -- \"$1\"/*", "sh", dir.Path]);
            remove.WaitForExit();
        }

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("its name is not valid UTF-8, which ngx-convert cannot open", output, StringComparison.Ordinal);
    }
}
