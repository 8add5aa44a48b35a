using System.Text;
using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser.Tests;

/// <summary>Hostile and unusual input: the parser always returns a tree that gives the input back.</summary>
public sealed class RobustnessTests
{
    private static SyntaxTree RoundTrip(string text)
    {
        var tree = SyntaxTree.ParseText(text);
        Assert.Equal(text, tree.GetRoot().ToFullString());
        return tree;
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("$(", ")")]
    [InlineData("\"${x:-", "}\"")]
    [InlineData("if a; then ", "; fi")]
    [InlineData("{ ", "; }")]
    [InlineData("${x:-", "}")]
    [InlineData("case x in x) ", ";; esac")]
    [InlineData("while a; do ", "; done")]
    [InlineData("f() ", "")]
    public void Nesting_past_the_limit_is_a_diagnostic_not_a_stack_overflow(string open, string close)
    {
        var depth = 20_000;
        var text = string.Concat(Enumerable.Repeat(open, depth)) + "x" + string.Concat(Enumerable.Repeat(close, depth));
        var tree = RoundTrip(text);
        Assert.Contains(tree.GetDiagnostics(), d => d.Descriptor == SyntaxDiagnostics.NestingTooDeep);
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        var depth = SyntaxTree.MaxNestingDepth / 2;
        var tree = RoundTrip(string.Concat(Enumerable.Repeat("( ", depth)) + "x" + string.Concat(Enumerable.Repeat(" )", depth)));
        Assert.Empty(tree.GetDiagnostics());
    }

    [Fact]
    public void Long_flat_chains_need_no_deep_recursion()
    {
        var tree = RoundTrip(string.Join(" && ", Enumerable.Repeat("a", 200_000)) + " | " + string.Join(" | ", Enumerable.Repeat("b", 100_000)));
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(200_000, Assert.IsType<AndOrListSyntax>(tree.GetRoot().Statements[0].Command).Commands.Count());
    }

    [Fact]
    public void A_large_script_parses()
    {
        var line = "NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/src/ngx_http_foo_module.c\" # source\n";
        var tree = RoundTrip(string.Concat(Enumerable.Repeat(line, 100_000)));
        Assert.Equal(100_000, tree.GetRoot().Statements.Count);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("# a comment line\n")]
    [InlineData("  \\\n\n")]
    public void A_long_run_of_empty_lines_is_trivia_of_the_next_command(string emptyLine)
    {
        var tree = RoundTrip("x=1\n" + string.Concat(Enumerable.Repeat(emptyLine, 100_000)) + "y=2\n");
        Assert.Empty(tree.GetDiagnostics());
        var statements = tree.GetRoot().Statements;
        Assert.Equal(2, statements.Count);
        Assert.Equal(100_000, statements[1].GetFirstToken()!.LeadingTrivia.Count(t => t.Kind == SyntaxKind.EndOfLineTrivia));
    }

    [Fact]
    public void Crlf_line_endings_round_trip_and_are_reported()
    {
        var tree = RoundTrip("ngx_addon_name=foo\r\nHTTP_MODULES=\"$HTTP_MODULES foo\"\r\n");
        var warning = Assert.Single(tree.GetDiagnostics());
        Assert.Equal(SyntaxDiagnostics.CarriageReturn, warning.Descriptor);
        Assert.Equal(new LinePosition(1, 19), warning.Location.Start);
    }

    [Fact]
    public void Byte_order_mark_is_part_of_the_first_word_as_in_dash()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.ASCII.GetBytes("if true; then :; fi\n")).ToArray();
        var text = SourceText.From(bytes);
        var tree = SyntaxTree.ParseText(text);
        Assert.Equal(bytes, text.GetBytes(tree.GetRoot().ToFullString()));
        Assert.Contains(tree.GetDiagnostics(), d => d.Descriptor == SyntaxDiagnostics.ByteOrderMark);
        Assert.True(tree.HasErrors, "dash reads `\\uFEFFif` as a command name, so `then` is unexpected");
    }

    [Fact]
    public void Bytes_that_are_not_utf8_survive_a_round_trip()
    {
        var bytes = Encoding.ASCII.GetBytes("# caf\u0000 \n").ToArray();
        bytes[5] = 0xE9;
        bytes = [.. bytes, .. Encoding.ASCII.GetBytes("x='\xff\xfe'\n").Select(b => b)];
        var invalid = new byte[] { 0x78, 0x3D, 0xC3, 0x28, 0x0A, 0xFF };
        foreach (var input in new[] { bytes, invalid })
        {
            var text = SourceText.From(input);
            Assert.Equal(SourceEncoding.Latin1, text.Encoding);
            var tree = SyntaxTree.ParseText(text);
            Assert.Equal(input, text.GetBytes(tree.GetRoot().ToFullString()));
        }
    }

    [Fact]
    public void Nul_bytes_are_an_error()
    {
        var tree = RoundTrip("echo a\0b\n");
        Assert.Contains(tree.GetDiagnostics(), d => d.Descriptor == SyntaxDiagnostics.NulByte && d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("# only a comment")]
    [InlineData("ngx_addon_name=foo")]
    [InlineData("\\")]
    [InlineData("$")]
    [InlineData("${")]
    [InlineData("`")]
    [InlineData("<<")]
    [InlineData("2>")]
    [InlineData(";;")]
    [InlineData(")")]
    [InlineData("}")]
    [InlineData("'")]
    [InlineData("$((")]
    [InlineData("cat <<EOF")]
    [InlineData("case")]
    [InlineData("for")]
    public void Fragments_round_trip(string text) => RoundTrip(text);

    [Fact]
    public void Random_text_always_round_trips()
    {
        var alphabet = "abc $'\"`\\{}()[];&|<>#=\n\t\r!*?-:%/0123456789 if then fi case esac in do done";
        for (var seed = 0; seed < 3000; seed++)
        {
            var random = new Random(seed);
            var chars = new char[random.Next(1, 80)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            Assert.True(text == SyntaxTree.ParseText(text).GetRoot().ToFullString(), $"seed {seed}");
        }
    }
}
