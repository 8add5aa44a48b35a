namespace ConfigConvert.CSources.Tests;

public sealed class CTokenizerTests
{
    [Fact]
    public void Identifiers_numbers_and_punctuators_take_the_longest_match()
    {
        const string text = "a->b <<= 0x1fUL ... 1e+5 .5 x##y $id != ~c;";

        Assert.Equal(
            [
                (CTokenKind.Identifier, "a"), (CTokenKind.Punctuator, "->"), (CTokenKind.Identifier, "b"),
                (CTokenKind.Punctuator, "<<="), (CTokenKind.Number, "0x1fUL"), (CTokenKind.Punctuator, "..."),
                (CTokenKind.Number, "1e+5"), (CTokenKind.Number, ".5"), (CTokenKind.Identifier, "x"),
                (CTokenKind.Punctuator, "##"), (CTokenKind.Identifier, "y"), (CTokenKind.Identifier, "$id"),
                (CTokenKind.Punctuator, "!="), (CTokenKind.Punctuator, "~"), (CTokenKind.Identifier, "c"),
                (CTokenKind.Punctuator, ";"),
            ],
            Tokens(text));
    }

    [Fact]
    public void A_comment_holding_a_definition_is_not_a_token_but_its_span_is_known()
    {
        const string text = "int a; /* ngx_module_t x = { */ int b; // ngx_module_t y = {\nint c;";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal(["int", "a", ";", "int", "b", ";", "int", "c", ";"], list.Tokens.Select(t => CTokenizer.GetText(text, t)));
        Assert.Equal(["/* ngx_module_t x = { */", "// ngx_module_t y = {"], list.Comments.Select(c => CTokenizer.GetText(text, c)));
        Assert.All(list.Comments, c => Assert.False(c.IsUnterminated));
    }

    [Fact]
    public void A_string_holding_a_definition_is_one_literal()
    {
        const string text = "char *s = \"ngx_module_t x = { /* \\\" */\"; char c = '\\'';";

        Assert.Equal(
            [
                (CTokenKind.Identifier, "char"), (CTokenKind.Punctuator, "*"), (CTokenKind.Identifier, "s"), (CTokenKind.Punctuator, "="),
                (CTokenKind.StringLiteral, "\"ngx_module_t x = { /* \\\" */\""), (CTokenKind.Punctuator, ";"),
                (CTokenKind.Identifier, "char"), (CTokenKind.Identifier, "c"), (CTokenKind.Punctuator, "="),
                (CTokenKind.CharLiteral, "'\\''"), (CTokenKind.Punctuator, ";"),
            ],
            Tokens(text));
    }

    [Fact]
    public void Literal_prefixes_belong_to_the_literal()
    {
        Assert.Equal(
            [(CTokenKind.StringLiteral, "L\"w\""), (CTokenKind.StringLiteral, "u8\"x\""), (CTokenKind.CharLiteral, "U'c'"), (CTokenKind.Identifier, "Lx")],
            Tokens("L\"w\" u8\"x\" U'c' Lx"));
    }

    [Fact]
    public void A_raw_string_holds_quotes_line_breaks_and_a_hash_at_a_line_start()
    {
        const string text = "auto q = R\"sql(SELECT \"a\" -- ')\n#FROM b)\")sql\"; u8R\"(x)\" LR\"--(y)--\" int z;";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal(
            [
                (CTokenKind.Identifier, "auto"), (CTokenKind.Identifier, "q"), (CTokenKind.Punctuator, "="),
                (CTokenKind.StringLiteral, "R\"sql(SELECT \"a\" -- ')\n#FROM b)\")sql\""), (CTokenKind.Punctuator, ";"),
                (CTokenKind.StringLiteral, "u8R\"(x)\""), (CTokenKind.StringLiteral, "LR\"--(y)--\""),
                (CTokenKind.Identifier, "int"), (CTokenKind.Identifier, "z"), (CTokenKind.Punctuator, ";"),
            ],
            list.Tokens.Select(t => (t.Kind, CTokenizer.GetText(text, t))));
        Assert.All(list.Tokens, t => Assert.False(t.IsUnterminated));
    }

    [Fact]
    public void A_raw_string_without_its_closing_runs_to_the_end_and_a_bad_delimiter_is_an_ordinary_string()
    {
        var open = CTokenizer.Tokenize("x = R\"end(never\nclosed)\";\nint y;").Tokens;
        Assert.True(open[^1].IsUnterminated);
        Assert.Equal(CTokenKind.StringLiteral, open[^1].Kind);

        const string spaced = "R\"a b(x)a b\"";
        Assert.Equal([(CTokenKind.StringLiteral, "R\"a b(x)a b\"")], CTokenizer.Tokenize(spaced).Tokens.Select(t => (t.Kind, CTokenizer.GetText(spaced, t))));
    }

    [Fact]
    public void A_directive_runs_to_the_end_of_its_line_through_continuations()
    {
        const string text = "#  define FOO 1 \\\n   + 2 /* two */\nint x;";
        var list = CTokenizer.Tokenize(text);

        var directive = list.Tokens[0];
        Assert.Equal(CTokenKind.Directive, directive.Kind);
        Assert.True(directive.HasLineContinuation);
        Assert.Equal("#  define FOO 1 \\\n   + 2", text[directive.Start..directive.End]);
        var parsed = CDirective.Parse(text, directive);
        Assert.Equal("define", parsed.Name);
        Assert.Equal("FOO 1 + 2", parsed.GetBodyText());
        Assert.Equal(["int", "x", ";"], list.Tokens.Skip(1).Select(t => CTokenizer.GetText(text, t)));
        Assert.Equal("/* two */", CTokenizer.GetText(text, Assert.Single(list.Comments)));
    }

    [Fact]
    public void A_block_comment_carries_a_directive_onto_the_next_line()
    {
        const string text = "#if A /* one\n two */ && B\nint x;";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal(CTokenKind.Directive, list.Tokens[0].Kind);
        Assert.Equal("A && B", CDirective.Parse(text, list.Tokens[0]).GetBodyText());
        Assert.Equal(["int", "x", ";"], list.Tokens.Skip(1).Select(t => CTokenizer.GetText(text, t)));
    }

    [Fact]
    public void A_hash_that_does_not_start_a_line_is_a_punctuator()
    {
        const string text = "a # b\n  /* c */ #endif\n";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal([CTokenKind.Identifier, CTokenKind.Punctuator, CTokenKind.Identifier, CTokenKind.Directive], list.Tokens.Select(t => t.Kind));
        Assert.Equal("endif", CDirective.GetName(text, list.Tokens[3]));
    }

    [Theory]
    [InlineData("#if (NGX_HTTP_SSL)", "if", "(NGX_HTTP_SSL)")]
    [InlineData("#  endif /* NGX_HTTP_CACHE */", "endif", "")]
    [InlineData("# ifdef\tFOO", "ifdef", "FOO")]
    [InlineData("#\\\ndefine X 1", "define", "X 1")]
    [InlineData("#/**/if X", "if", "X")]
    [InlineData("#", "", "")]
    [InlineData("# 12 \"file.c\"", "", "12 \"file.c\"")]
    [InlineData("#include <ngx_core.h>", "include", "<ngx_core.h>")]
    public void Directive_names_and_bodies(string text, string name, string body)
    {
        var directive = Assert.Single(CTokenizer.Tokenize(text).Tokens);

        Assert.Equal(name, CDirective.GetName(text, directive));
        var parsed = CDirective.Parse(text, directive);
        Assert.Equal(name, parsed.Name);
        Assert.Equal(body, parsed.GetBodyText());
    }

    [Fact]
    public void A_continuation_inside_an_identifier_is_removed_from_its_text()
    {
        const string text = "ngx_mod\\\nule_t ngx_x\\\r\n_module;";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal(3, list.Tokens.Length);
        Assert.True(list.Tokens[0].HasLineContinuation);
        Assert.Equal("ngx_module_t", CTokenizer.GetText(text, list.Tokens[0]));
        Assert.True(CTokenizer.TextEquals(text, list.Tokens[0], "ngx_module_t"));
        Assert.Equal("ngx_x_module", CTokenizer.GetText(text, list.Tokens[1]));
        Assert.False(list.Tokens[2].HasLineContinuation);
    }

    [Fact]
    public void A_backslash_before_a_newline_splices_even_after_an_escaping_backslash()
    {
        // The compiler removes backslash-newline before it sees the literal: "a\<newline>b" is "a\b".
        const string text = "s = \"a\\\\\nb\";";
        var list = CTokenizer.Tokenize(text);

        var literal = list.Tokens[2];
        Assert.Equal(CTokenKind.StringLiteral, literal.Kind);
        Assert.False(literal.IsUnterminated);
        Assert.Equal("\"a\\b\"", CTokenizer.GetText(text, literal));
        Assert.Equal(";", CTokenizer.GetText(text, list.Tokens[3]));
    }

    [Fact]
    public void An_unterminated_comment_runs_to_the_end_of_the_file()
    {
        const string text = "int a; /* open\nngx_module_t x = {";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal(["int", "a", ";"], list.Tokens.Select(t => CTokenizer.GetText(text, t)));
        var comment = Assert.Single(list.Comments);
        Assert.True(comment.IsUnterminated);
        Assert.Equal(text.Length, comment.End);
    }

    [Fact]
    public void An_unterminated_string_ends_at_the_end_of_its_line()
    {
        const string text = "p = \"abc\nint x; 'y";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal(
            [(CTokenKind.Identifier, "p"), (CTokenKind.Punctuator, "="), (CTokenKind.StringLiteral, "\"abc"), (CTokenKind.Identifier, "int"),
             (CTokenKind.Identifier, "x"), (CTokenKind.Punctuator, ";"), (CTokenKind.CharLiteral, "'y")],
            list.Tokens.Select(t => (t.Kind, CTokenizer.GetText(text, t))));
        Assert.True(list.Tokens[2].IsUnterminated);
        Assert.True(list.Tokens[6].IsUnterminated);
        Assert.False(list.Tokens[0].IsUnterminated);
    }

    [Fact]
    public void A_line_comment_continues_after_a_backslash()
    {
        const string text = "// a \\\n b c\nint";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal("int", CTokenizer.GetText(text, Assert.Single(list.Tokens)));
        var comment = Assert.Single(list.Comments);
        Assert.Equal("// a \\\n b c", text[comment.Start..comment.End]);
        Assert.True(comment.HasLineContinuation);
    }

    [Fact]
    public void Slash_star_slash_does_not_close_a_comment()
    {
        const string text = "/*/ x */y";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal("/*/ x */", CTokenizer.GetText(text, Assert.Single(list.Comments)));
        Assert.Equal("y", CTokenizer.GetText(text, Assert.Single(list.Tokens)));
    }

    [Fact]
    public void Crlf_line_endings_stay_out_of_directives_and_comments()
    {
        const string text = "#define A 1\r\n// note\r\nint x;\r\n";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal("#define A 1", CTokenizer.GetText(text, list.Tokens[0]));
        Assert.Equal("// note", CTokenizer.GetText(text, Assert.Single(list.Comments)));
        Assert.Equal(["int", "x", ";"], list.Tokens.Skip(1).Select(t => CTokenizer.GetText(text, t)));
    }

    [Fact]
    public void Characters_that_start_no_token_become_unknown_tokens()
    {
        const string text = "a\0@`\\ b";

        Assert.Equal(
            [(CTokenKind.Identifier, "a"), (CTokenKind.Unknown, "\0"), (CTokenKind.Unknown, "@"), (CTokenKind.Unknown, "`"), (CTokenKind.Unknown, "\\"), (CTokenKind.Identifier, "b")],
            Tokens(text));
    }

    [Fact]
    public void A_directive_body_is_tokenized_without_new_directives()
    {
        const string text = "#define STR(x) #x\n";
        var directive = CDirective.Parse(text, Assert.Single(CTokenizer.Tokenize(text).Tokens));

        Assert.Equal(["STR", "(", "x", ")", "#", "x"], directive.Body.Select(t => CTokenizer.GetText(text, t)));
        Assert.Equal(CTokenKind.Punctuator, directive.Body[4].Kind);
    }

    [Fact]
    public void A_byte_order_mark_is_blank_and_the_first_line_can_still_be_a_directive()
    {
        const string text = "\uFEFF#define X 1\n";
        var list = CTokenizer.Tokenize(text);

        Assert.Equal(CTokenKind.Directive, Assert.Single(list.Tokens).Kind);
    }

    private static List<(CTokenKind Kind, string Text)> Tokens(string text)
        => CTokenizer.Tokenize(text).Tokens.Select(t => (t.Kind, CTokenizer.GetText(text, t))).ToList();
}
