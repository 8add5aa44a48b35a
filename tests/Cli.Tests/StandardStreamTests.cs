using System.Diagnostics;

namespace ConfigConvert.Cli.Tests;

/// <summary>
/// Standard output or error that cannot be written (a full disk, a descriptor the caller closed): the run does its
/// work whole, never blames the file it wrote, and says what it lost with exit 2, never a stack trace.
/// </summary>
public sealed class StandardStreamTests
{
    private const string OldStyle = "ngx_addon_name=ngx_http_x_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/x.c\"\n";

    [Fact]
    public void A_full_standard_output_is_reported_after_the_conversion_it_did_not_stop()
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);
        var error = new StringWriter();
        var full = GuardedWriter.Open(() => new FailingWriter());

        var code = CliApplication.Run(["convert", dir.Path], new CliConsole(full, error));

        Assert.Equal(2, code);
        Assert.Equal("ngx-convert: cannot write to standard output: No space left on device\n", error.ToString());
        Assert.Contains("ngx_module_type=HTTP", File.ReadAllText(config), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(">/dev/full", "No space left on device")]
    [InlineData(">&-", "it is not open")]
    public void Convert_whose_output_is_lost_still_converts_and_exits_2(string redirection, string reason)
    {
        using var dir = new TempDirectory();
        var config = dir.Write("config", OldStyle);

        var (code, error) = RunRedirected($"convert '{dir.Path}' {redirection}");

        Assert.Equal(2, code);
        Assert.StartsWith($"ngx-convert: cannot write to standard output: {reason}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.DoesNotContain(config + ": cannot write", error, StringComparison.Ordinal);
        Assert.Contains("ngx_module_type=HTTP", File.ReadAllText(config), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2>/dev/full")]
    [InlineData("2>&-")]
    public void Check_whose_standard_error_is_lost_keeps_its_exit_code(string redirection)
    {
        using var dir = new TempDirectory();
        dir.Write("config", OldStyle);

        var (code, _) = RunRedirected($"check '{dir.Path}' >/dev/null {redirection}");

        Assert.Equal(1, code);
    }

    [Fact]
    public void Output_and_errors_sent_to_one_file_keep_their_order()
    {
        // Standard output sent to a file is written in blocks; standard error must still come after what was written before it.
        using var dir = new TempDirectory();
        using var logs = new TempDirectory();
        dir.Write("config", OldStyle);
        var log = Path.Combine(logs.Path, "log");

        var (code, _) = RunRedirected($"check '{dir.Path}' >'{log}' 2>&1");

        var lines = File.ReadAllLines(log);
        Assert.Equal(1, code);
        Assert.True(lines.Length >= 2, string.Join('\n', lines));
        Assert.All(lines[..^1], line => Assert.Matches(@": (warning|error) CC\d{4}: ", line));
        Assert.StartsWith("ngx-convert: check: 1 module(s)", lines[^1], StringComparison.Ordinal);
    }

    /// <summary>The CLI as a process, its streams redirected by <c>/bin/sh</c>; the exit code and what it wrote to standard error.</summary>
    private static (int ExitCode, string Error) RunRedirected(string arguments)
    {
        var start = new ProcessStartInfo("/bin/sh", ["-c", $"exec dotnet '{typeof(CliApplication).Assembly.Location}' {arguments}"]) { RedirectStandardError = !arguments.Contains("2>", StringComparison.Ordinal) };
        using var process = Process.Start(start)!;
        var error = start.RedirectStandardError ? process.StandardError.ReadToEnd() : string.Empty;
        process.WaitForExit();
        return (process.ExitCode, error);
    }

    private sealed class FailingWriter : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }
}
