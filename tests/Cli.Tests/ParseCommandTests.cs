using System.Text;
using System.Text.Json;
using ConfigConvert.ShellParser;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Cli.Tests;

public sealed class ParseCommandTests
{
    [Fact]
    public void The_sample_module_parses_cleanly()
    {
        var result = CliRunner.Run("parse", RepoPaths.Combine("samples", "ngx_http_hello_module", "config"));
        Assert.Equal((0, string.Empty, string.Empty), (result.ExitCode, result.Out, result.Error));
    }

    [Fact]
    public void Syntax_errors_print_in_compiler_form_and_exit_1()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", "ngx_addon_name=x\nif true; then\n  echo\n");
        var result = CliRunner.Run("parse", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"{path}(2,1): error CC1002: `if` statement must end with `fi`\n", result.Out);
    }

    [Fact]
    public void Warnings_alone_exit_0()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", "echo ${a b}\n");
        var result = CliRunner.Run("parse", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning CC1008", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_has_the_documented_shape()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("good", "a=1\n");
        var bad = dir.Write("bad", "echo 'x\n");
        var result = CliRunner.Run("parse", good, bad, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var files = json.RootElement.GetProperty("files");
        Assert.Equal(2, files.GetArrayLength());
        Assert.Equal(good, files[0].GetProperty("path").GetString());
        Assert.Equal(0, files[0].GetProperty("diagnostics").GetArrayLength());
        var diagnostic = Assert.Single(files[1].GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("CC1003", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Equal((1, 6, 1, 7), (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32(), diagnostic.GetProperty("endLine").GetInt32(), diagnostic.GetProperty("endColumn").GetInt32()));
        Assert.StartsWith("reached the end of the file", diagnostic.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Tree_dump_is_printed_on_request()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", "a=1\n");
        var result = CliRunner.Run("parse", "--tree", path);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Script 1:1-2:1\n  Statement", result.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// Without <c>--tree</c> the file is read and parsed a statement at a time (<c>SyntaxTree.ParseSegments</c>);
    /// with it, whole. Both report the same diagnostics, in the same order, in text and in JSON, also
    /// when they lie far into a script that spans many of the windows it is read in, and that is
    /// Latin-1 (a byte that is not UTF-8 comes first).
    /// </summary>
    [Theory]
    [InlineData("text", 0)]
    [InlineData("json", 0)]
    [InlineData("text", 20_000)]
    [InlineData("json", 20_000)]
    public void Diagnostics_are_the_same_with_and_without_the_tree(string format, int statementsBefore)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config");
        var before = statementsBefore == 0 ? [] : Encoding.Latin1.GetBytes("# caf\u00e9\n" + string.Concat(Enumerable.Repeat("if x; then\n  y=\"$z\"\nfi\n", statementsBefore)));
        File.WriteAllBytes(path, [.. before, .. "a=1\r\ncat <<EOF; echo ${a b}\nbody\nEOF\nfi\nfor 1x in a; do :; done\nx=`echo a ) b`\necho 'open\n"u8]);
        var streamed = CliRunner.Run("parse", "--format", format, path);
        var whole = CliRunner.Run("parse", "--format", format, "--tree", path);

        Assert.Equal(1, streamed.ExitCode);
        Assert.Equal(whole.ExitCode, streamed.ExitCode);
        var diagnostics = format == "json"
            ? [.. JsonDocument.Parse(whole.Out).RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetRawText())]
            : whole.Out.Split('\n').TakeWhile(line => line.StartsWith(path, StringComparison.Ordinal)).ToList();
        var streamedDiagnostics = format == "json"
            ? [.. JsonDocument.Parse(streamed.Out).RootElement.GetProperty("files")[0].GetProperty("diagnostics").EnumerateArray().Select(d => d.GetRawText())]
            : streamed.Out.Split('\n').Where(line => line.Length > 0).ToList();
        Assert.Equal(6, diagnostics.Count);
        Assert.Equal(diagnostics, streamedDiagnostics);
    }

    /// <summary>
    /// A file that changes after it was opened (its encoding chosen, its length measured) is read
    /// again, whole, and parsed as it is now: the diagnostics are those of the new text, none of them
    /// twice, although the windows read before the change had reported some. The file spans many
    /// windows, and the change is made by the real reader's own checks: it grew, it shrank, or a byte
    /// that is not UTF-8 appeared where UTF-8 had been chosen.
    /// </summary>
    [Theory]
    [InlineData("grew")]
    [InlineData("shrank")]
    [InlineData("turned Latin-1")]
    public void A_file_that_changes_while_it_is_parsed_is_parsed_again_as_it_is_now(string change)
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config");
        var body = "x=`echo a ) b`\n" + string.Concat(Enumerable.Repeat("if x; then\n  y=\"$z\"\nfi\n", 20_000));
        var original = Encoding.UTF8.GetBytes(body + "echo done\n");
        byte[] now = change switch
        {
            "grew" => Encoding.UTF8.GetBytes(body + "echo done\nif open; then\n"),
            "shrank" => Encoding.UTF8.GetBytes(body + "for 1x"),
            _ => [.. original[..^10], .. Encoding.Latin1.GetBytes("echo caf\u00e9\n")],
        };
        File.WriteAllBytes(path, original);

        var opened = false;
        var parsed = Commands.ParseCommand.ParseForDiagnostics(path, (string p, out TextReader reader, out string error) =>
        {
            opened = Input.InputFile.TryOpenText(p, out reader, out error);
            using (var stream = new FileStream(p, FileMode.Open, FileAccess.Write))
            {
                // In place, so that the open reader reads the new bytes (a rename would leave it the old file).
                stream.SetLength(0);
                stream.Write(now);
            }

            return opened;
        });

        Assert.True(opened);
        Assert.Null(parsed.Error);
        var expected = SyntaxTree.ParseText(File.ReadAllBytes(path) is var bytes && change == "turned Latin-1" ? Encoding.Latin1.GetString(bytes) : Encoding.UTF8.GetString(bytes), path).GetDiagnostics();
        Assert.Equal(expected.Select(d => d.ToString()), parsed.Diagnostics.Select(d => d.ToString()));
        Assert.Contains(expected, d => d.Location.Start.Line == 1);
    }

    [Fact]
    public void Missing_files_and_directories_are_io_errors_with_exit_2()
    {
        using var dir = new TempDirectory();
        var good = dir.Write("config", "a=1\n");
        var result = CliRunner.Run("parse", good, Path.Combine(dir.Path, "nope"), dir.Path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"ngx-convert: {Path.Combine(dir.Path, "nope")}: no such file\nngx-convert: {dir.Path}: is a directory\n", result.Error);
    }

    [Fact]
    public void A_symlink_loop_is_an_io_error()
    {
        using var dir = new TempDirectory();
        var loop = Path.Combine(dir.Path, "loop");
        File.CreateSymbolicLink(loop, loop);
        var result = CliRunner.Run("parse", loop);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("symbolic link", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_input_is_reported_not_crashed_on()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "config");
        File.WriteAllBytes(path, [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF, 0xFE, 0x28]);
        var result = CliRunner.Run("parse", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CC1104", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("parse", "--format", "xml", "x")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("ngx-convert: ", result.Error, StringComparison.Ordinal);
    }
}
