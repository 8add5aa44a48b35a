using ConfigConvert.Cli.Output.Formats;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--format text</c>: plain lines when output is not a terminal; source lines, carets and colour on one.</summary>
public sealed class TextFormatTests
{
    [Fact]
    public void Not_a_terminal_gives_one_plain_line_per_finding_and_the_summary_on_standard_error()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var config = Path.Combine(repo.Path, "m", "config");
        var result = CliRunner.RunOn(terminal: false, color: false, "check", Path.Combine(repo.Path, "m"));
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"{config}(2,1): warning CC2201: the config registers `ngx_http_x_module` by appending to HTTP_MODULES, so it cannot be built with --add-dynamic-module; `ngx-convert convert` rewrites it (the fix)\n"
            + $"{config}(4,1): warning CC2202: the config sets `ngx_module_link`, which configure sets from --add-module or --add-dynamic-module; remove the assignment\n",
            result.Out);
        Assert.Equal("ngx-convert: check: 1 module(s), 0 error(s), 2 warning(s), 0 info(s), 0 suppressed, 0 in the baseline, 0 file(s) fixed\n", result.Error);
    }

    [Fact]
    public void A_terminal_without_colour_shows_the_source_line_with_a_caret_under_the_span_and_a_summary()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var config = Path.Combine(repo.Path, "m", "config");
        var result = CliRunner.RunOn(terminal: true, color: false, "check", Path.Combine(repo.Path, "m"));
        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Out);
        Assert.Contains(
            $"{config}(4,1): warning CC2202: the config sets `ngx_module_link`, which configure sets from --add-module or --add-dynamic-module; remove the assignment\n"
            + " 4 | ngx_module_link=DYNAMIC\n"
            + "   | ^^^^^^^^^^^^^^^^^^^^^^^\n",
            result.Out.Replace("\r\n", "\n", StringComparison.Ordinal),
            StringComparison.Ordinal);
        Assert.EndsWith("0 error(s), 2 warning(s), 0 info(s)\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_with_colour_colours_the_severity_and_the_caret()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var result = CliRunner.RunOn(terminal: true, color: true, "check", Path.Combine(repo.Path, "m"));
        Assert.Equal(1, result.ExitCode);
        // Bold yellow, as Spectre.Console writes it for the standard 16 colours.
        Assert.Contains("\u001b[1;93mwarning CC2202\u001b[0m", result.Out, StringComparison.Ordinal);
        Assert.Contains("\u001b[1;93m^^^^^^^^^^^^^^^^^^^^^^^", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void The_caret_keeps_the_tabs_before_the_span_and_stops_at_the_end_of_the_first_line()
    {
        var source = Text.SourceText.From("a\n\tx=1 \\\n  y\n");
        var location = new Diagnostics.Location("f", Text.TextSpan.FromBounds(3, 12), source.GetLinePosition(3), source.GetLinePosition(12));
        var line = SourceLine.Of(source, location)!;
        Assert.Equal((2, "\tx=1 \\", "\t", 5), (line.Number, line.Text, line.CaretIndent, line.CaretLength));
    }

    [Theory]
    [InlineData(null, "xterm-256color", true)]
    [InlineData("1", "xterm-256color", false)]
    [InlineData("", "xterm", true)]
    [InlineData(null, "dumb", false)]
    [InlineData(null, null, false)]
    public void Colour_only_where_the_terminal_has_it_and_NO_COLOR_is_unset(string? noColor, string? term, bool expected)
        => Assert.Equal(expected, TerminalColor.Supported(name => name switch { "NO_COLOR" => noColor, "TERM" => term, _ => null }));

    [Fact]
    public void Convert_check_and_diff_keep_their_text()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyle);
        var module = Path.Combine(repo.Path, "m");
        Assert.Equal((1, $"{Path.Combine(module, "config")}: needs converting\n"), (CliRunner.Run("convert", "--check", module) is var c ? (c.ExitCode, c.Out) : default));
        var diff = CliRunner.Run("convert", "--diff", module, "--format", "text");
        Assert.Equal(0, diff.ExitCode);
        Assert.StartsWith("--- a/config\n+++ b/config\n@@ -1,3 +1,11 @@\n", diff.Out, StringComparison.Ordinal);
    }
}
