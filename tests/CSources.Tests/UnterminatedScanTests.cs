using System.Text;

namespace ConfigConvert.CSources.Tests;

/// <summary>
/// The quick scan may prove a text has no open literal or comment only when the tokenizer finds none, and
/// the tokenizer's run that keeps no token must find exactly what its tokens say. A file is not tokenized
/// when these say it holds nothing open, so a wrong answer would hide a finding.
/// </summary>
public sealed class UnterminatedScanTests
{
    private const string TypicalModule = """
        #include <ngx_config.h>
        #include <ngx_core.h>
        #include "ngx_http_example.h"

        #define EXAMPLE_NAME  "example"   /* a comment after a define */
        #define EXAMPLE_SPLIT(a, b) \
            ((a) + \
             (b))

        static char  quote = '\'';
        static char  backslash = '\\';
        static const char  *escaped = "a \"quoted\" word, a slash: / and a star: *";
        static const char  *joined = "one line \
        continued";

        /* a block comment
         * over lines, holding " and ' and // */
        // a line comment holding " and ' \
           continued on the next line
        static int
        example(int a, int b)
        {
            return a / b + (a /= 2) + b */**/ 1;
        }

        """;

    public static TheoryData<string, bool> Cases => new()
    {
        { "\"open", true },
        { "'x", true },
        { "\"line\nbreak\"", true },
        { "x = '\\\n';", false },
        { "\"ends in an escape\\", true },
        { "/* open comment", true },
        { "/* ends in a star *", true },
        { "/\\\n* comment opened across a continuation", true },
        { "/* closed across a continuation *\\\n/", false },
        { "\"joined by a \\\ncontinuation\"", false },
        { "\"a continuation after an escape \\\\\\\n\"", false },
        { "'\\''", false },
        { "\"\\\\\"", false },
        { "// \"comment\" \\\n 'continued", false },
        { "a /= b; /**/ c / d;", false },
        { "", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_run_that_keeps_no_token_agrees_with_the_tokens(string text, bool open)
    {
        Assert.Equal(open, HasOpenToken(text, cpp: false));
        Assert.Equal(open, CTokenizer.HasUnterminated(text));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void The_quick_scan_proves_exactly_the_cases_without_an_open_token(string text, bool open)
        => Assert.Equal(!open, UnterminatedScan.ProvesNone(Encoding.UTF8.GetBytes(text), cpp: false));

    [Fact]
    public void A_typical_module_is_proven_without_tokens()
    {
        Assert.False(HasOpenToken(TypicalModule, cpp: false));
        Assert.True(UnterminatedScan.ProvesNone(Encoding.UTF8.GetBytes(TypicalModule), cpp: false));
    }

    [Theory]
    [InlineData("static char *s = \"ERROR\";\n")]
    [InlineData("return NGX_ERROR;\nx = SOMER\"a\";\ny = xu8R\"b\";\n")]
    public void A_quote_after_a_longer_identifier_ending_in_R_opens_no_raw_string(string text)
    {
        Assert.False(HasOpenToken(text, cpp: false));
        Assert.True(UnterminatedScan.ProvesNone(Encoding.UTF8.GetBytes(text), cpp: false));
    }

    [Theory]
    [InlineData("s = LR\"(a\";\nx = \"b\";\n")]
    [InlineData("s = u8R\"(a\";\nx = \"b\";\n")]
    [InlineData("s = uR\"(a\";\n")]
    [InlineData("s = \uFEFFR\"(a\";\n")]
    public void A_raw_string_left_open_is_left_to_the_tokenizer(string text)
    {
        // Read as an ordinary string, each of these closes on its line.
        Assert.True(HasOpenToken(text, cpp: false));
        Assert.False(UnterminatedScan.ProvesNone(Encoding.UTF8.GetBytes(text), cpp: false));
    }

    [Theory]
    [InlineData("#include <it's.h>\n", false)]
    [InlineData("#error don't\nint x;\n", false)]
    [InlineData("static const char *s = R\"x(a \" quote\n and a line)x\";\n", false)]
    [InlineData("int million = 1'000'000;\n", true)]
    public void What_it_does_not_read_as_the_tokenizer_does_is_left_to_the_tokenizer(string text, bool cpp)
    {
        // A quote in a directive is never open to the tokenizer; raw strings and digit separators hold quotes.
        Assert.False(HasOpenToken(text, cpp));
        Assert.False(UnterminatedScan.ProvesNone(Encoding.UTF8.GetBytes(text), cpp));
        Assert.False(CTokenizer.HasUnterminated(text, cpp));
    }

    [Fact]
    public void Random_texts_never_prove_what_the_tokenizer_contradicts()
    {
        string[] pieces = ["\"", "'", "/", "*", "\\", "\n", "\r", "\r\n", "#", "R", "u8", "L", "u", "U", "ERRO", "x", "1", "e+", " ", "(", ")", "=", "'\\''", "é", "\u2028", "\uFEFF"];
        var proven = 0;
        var open = 0;
        var i = 0;
        foreach (var value in RandomTexts.Of(pieces, seed: 20261203, count: 40_000, maxPieces: 24))
        {
            var cpp = i++ % 5 == 0;
            var hasOpen = HasOpenToken(value, cpp);
            Assert.True(hasOpen == CTokenizer.HasUnterminated(value, cpp), $"the run that keeps no token disagrees on {RandomTexts.Show(value)}");

            // The scan reads the bytes as read: UTF-8, or (one text in three, where it can be) Latin-1, which decodes so.
            var bytes = i % 3 == 1 && value.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(value) : Encoding.UTF8.GetBytes(value);
            if (UnterminatedScan.ProvesNone(bytes, cpp))
            {
                Assert.False(HasOpenToken(Text.SourceText.From(bytes).Text, cpp), $"proven without an open token, but the tokenizer has one: {RandomTexts.Show(value)}");
                proven++;
            }

            open += hasOpen ? 1 : 0;
        }

        // Both answers must be common, or the property above says little.
        Assert.InRange(proven, 4_000, 40_000);
        Assert.InRange(open, 4_000, 40_000);
    }

    private static bool HasOpenToken(string text, bool cpp)
    {
        var tokens = CTokenizer.Tokenize(text, cpp);
        return tokens.Tokens.Any(t => t.IsUnterminated) || tokens.Comments.Any(t => t.IsUnterminated);
    }

}
