using System.Diagnostics;

namespace ConfigConvert.Cli.Tests;

/// <summary>
/// What a user without permission meets. Permissions do not stop root, and CI runs as root, so there the CLI runs
/// as <c>nobody</c> (<c>setpriv</c>), from a copy of its files that <c>nobody</c> may read.
/// </summary>
public sealed class PermissionTests : IDisposable
{
    private const string Config = "ngx_addon_name=ngx_http_x_module\nngx_module_type=HTTP\nngx_module_name=ngx_http_x_module\nngx_module_srcs=\"$ngx_addon_dir/src/x.c\"\nngx_module_deps=\"$ngx_addon_dir/src/x.h\"\nngx_module_incs=\"$ngx_addon_dir/src/inc\"\n. auto/module\n";

    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        File.SetUnixFileMode(Path.Combine(_dir.Path, "m", "src"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _dir.Dispose();
    }

    [Fact]
    public void A_source_directory_that_cannot_be_read_is_said_once_and_its_files_are_not_called_missing()
    {
        _dir.Write("m/config", Config);
        _dir.Write("m/src/x.c", "ngx_module_t ngx_http_x_module;\n");
        _dir.Write("m/src/x.h", "\n");
        Directory.CreateDirectory(Path.Combine(_dir.Path, "m", "src", "inc"));
        File.SetUnixFileMode(_dir.Path, (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(_dir.Path, "m"), (UnixFileMode)0b111_101_101);
        File.SetUnixFileMode(Path.Combine(_dir.Path, "m", "src"), UnixFileMode.None);

        var (code, output) = RunWithoutPermissions("check", Path.Combine(_dir.Path, "m"));

        Assert.Equal(2, code);
        Assert.Contains("warning CC2102: cannot list directory `src`: permission denied; its files are not indexed", output, StringComparison.Ordinal);
        foreach (var id in new[] { "CC2220", "CC2221", "CC2222", "CC2223" })
        {
            Assert.DoesNotContain(id, output, StringComparison.Ordinal);
        }
    }

    /// <summary>The CLI's exit code and its standard output and error, run by a user the file modes apply to.</summary>
    private (int ExitCode, string Output) RunWithoutPermissions(params string[] args)
    {
        if (Environment.UserName != "root")
        {
            var result = CliRunner.Run(args);
            return (result.ExitCode, result.Out + result.Error);
        }

        var copy = Path.Combine(_dir.Path, "cli");
        CopyDirectory(Path.GetDirectoryName(typeof(CliApplication).Assembly.Location)!, copy);
        var start = new ProcessStartInfo("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(copy, "ngx-convert.dll"), .. args])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["DOTNET_CLI_HOME"] = _dir.Path;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}
