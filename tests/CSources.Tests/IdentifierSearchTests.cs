using ConfigConvert.Text;

namespace ConfigConvert.CSources.Tests;

/// <summary>
/// <see cref="CSourceFile.MayHaveIdentifierContaining"/> may say "may" of a file that holds none of the texts,
/// never "no" of one whose identifiers hold one: rules skip every file it says "no" of. Nor may
/// <see cref="CSourceFile.MayAssignIdentifier"/> say "no" of a file whose tokens assign the name.
/// </summary>
public sealed class IdentifierSearchTests
{
    [Theory]
    [InlineData("ndk_", "x = ndk_set_var_value(r);\n")]
    [InlineData("ngx_http_lua_", "static ngx_http_lua_main_conf_t  *lmcf;\n")]
    [InlineData("ctx_index", "ctx = r->ctx[ngx_http_x_module.ctx_index];\n")]
    [InlineData("ngx_modules", "for (i = 0; ngx_modu\\\nles[i]; i++) { }\n")]
    [InlineData("ndk_", "x = nd\\\nk_set_var_value(r);\n")]
    [InlineData("_", "int x_y;\n")]
    public void A_file_whose_identifiers_hold_the_text_may_hold_it(string sought, string text)
        => Assert.True(File(text).MayHaveIdentifierContaining(sought));

    [Theory]
    [InlineData("ndk_", "ngx_http_x_module; ngx_str_t s; ngx_int_t n;\n")]
    [InlineData("ngx_modules", "ngx_module_t *m = cycle->modules[i];\n")]
    [InlineData("ctx_index", "ctx = ngx_http_get_module_ctx(r, ngx_http_x_module);\n")]
    public void A_file_without_the_text_and_without_a_split_identifier_holds_none(string sought, string text)
        => Assert.False(File(text).MayHaveIdentifierContaining(sought));

    [Theory]
    [InlineData("ngx_modules[m]->ctx_index = ngx_rtmp_max_module++;\n")]
    [InlineData("m->ctx_index\n    = n++;\n")]
    [InlineData("m->ctx_index /* counted */ = n++;\n")]
    [InlineData("m->ctx_in\\\ndex = n++;\n")]
    [InlineData("m->ctx_index\\\n = n++;\n")]
    [InlineData("m->\uFEFFctx_index = n++;\n")]
    [InlineData("ctx_index=0")]
    public void A_file_that_may_assign_the_name_may_assign_it(string text)
        => Assert.True(File(text).MayAssignIdentifier("ctx_index"));

    [Theory]
    [InlineData("conf[m->ctx_index] = c;\n")]
    [InlineData("if (m->ctx_index == n) { }\n")]
    [InlineData("ngx_http_lua_ssl_ctx_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);\n")]
    [InlineData("m->ctx_index_x = n++;\n")]
    [InlineData("ctx_index")]
    public void A_file_that_reads_the_name_or_a_longer_one_assigns_none(string text)
        => Assert.False(File(text).MayAssignIdentifier("ctx_index"));

    [Fact]
    public void A_file_said_not_to_assign_the_name_has_no_token_of_it_before_an_equals_sign()
    {
        string[] pieces = ["ctx_index", "ctx", "_index", "x", "->", "=", "==", " ", "\n", "\r\n", "\t", "\\\n", "/*", "*/", "//", "\"", "'", "[", "]", ";", "#define ", "\uFEFF", "é"];
        var said = 0;
        var random = new Random(13);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var file = File(text);
            if (file.MayAssignIdentifier("ctx_index"))
            {
                continue;
            }

            said++;
            var tokens = file.Tokens;
            for (var t = 0; t + 1 < tokens.Length; t++)
            {
                Assert.False(file.IsIdentifier(t, "ctx_index") && file.IsPunctuator(t + 1, '='), $"assigns ctx_index: \"{text}\"");
            }
        }

        Assert.InRange(said, 2_000, 20_000);
    }

    [Fact]
    public void Any_of_several_texts_is_enough()
    {
        var file = File("ngx_http_lua_ffi_x();\n");
        Assert.True(file.MayHaveIdentifierContaining("ndk_", "ngx_http_lua_"));
        Assert.False(file.MayHaveIdentifierContaining("ngx_modules", "ngx_max_module", "ctx_index"));
    }

    /// <summary>
    /// A file made from its bytes is searched in them before it is decoded; Latin-1 bytes (not UTF-8) hold ASCII as the
    /// decoded text does, and a text past ASCII is sought in the text.
    /// </summary>
    [Fact]
    public void A_file_is_searched_in_its_bytes_as_in_its_text_whatever_its_encoding()
    {
        var bytes = System.Text.Encoding.Latin1.GetBytes("/* caf\u00E9 */ ngx_modules[i];\n");
        var file = CSourceFile.Create("x.c", bytes);
        Assert.True(file.MayHaveIdentifierContaining("ngx_modules"));
        Assert.False(file.MayHaveIdentifierContaining("ctx_index"));
        Assert.True(file.Contains("caf\u00E9"));
        Assert.False(file.ContainsNul);
        Assert.True(CSourceFile.Create("x.c", [.. bytes, 0]).ContainsNul);
        Assert.Equal((SourceEncoding.Latin1, "/* caf\u00E9 */ ngx_modules[i];\n"), (file.Text.Encoding, file.Text.Text));
        Assert.Same(file.Text, file.WithPath("/m/x.c").Text);
    }

    [Fact]
    public void The_answer_is_whether_the_text_holds_one_of_them_or_may_split_an_identifier()
    {
        // Texts made of the pieces the rules' texts are made of, and the sets of texts the rules ask about: what a faster
        // search must still answer.
        string[] pieces = ["ndk", "ngx", "_", "lua", "http", "ctx", "index", "modules", "max", "module", "top", "header", "body", "filter", " ", "\n", "x", "\\\n"];
        string[][] sets =
        [
            ["ngx_modules", "ngx_max_module", "ctx_index"],
            ["ngx_http_top_header_filter", "ngx_http_top_body_filter"],
            ["ndk_", "ngx_http_lua_"],
            ["ndk_"],
            ["ngx_http_lua_"],
            ["_"],
        ];
        var random = new Random(12);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 40)).Select(_ => pieces[random.Next(pieces.Length)]));
            var file = File(text);
            foreach (var set in sets)
            {
                var alone = set.Any(t => text.Contains(t.TrimEnd('_') is { Length: > 0 } trimmed ? trimmed : t, StringComparison.Ordinal)) || file.MaySplitIdentifier;
                Assert.True(alone == file.MayHaveIdentifierContaining(set), $"{string.Join(", ", set)} in \"{text}\"");
            }
        }
    }

    [Theory]
    [InlineData("x = ndk_set_var_value(r);\n")]
    [InlineData("ndk_set_var_value(r);\n")]
    [InlineData("x = nd\\\nk_set_var_value(r);\n")]
    [InlineData("ngx_http_lua_ndk_x(); y = \\\nndk_z();\n")]
    [InlineData("x=\uFEFFndk_y;\n")]
    [InlineData("#define F(x) ndk_##x\n")]
    public void A_file_with_an_identifier_that_may_start_with_the_prefix_may_have_one(string text)
        => Assert.True(File(text).MayHaveIdentifierStartingWith("ndk_"));

    [Theory]
    [InlineData("#include <ndk.h>\nngx_http_lua_ndk_set_var_value(r);\n")]
    [InlineData("x = my_ndk_y; z = ndk;\n")]
    [InlineData("")]
    public void A_file_whose_identifiers_only_hold_the_prefix_has_none_that_starts_with_it(string text)
        => Assert.False(File(text).MayHaveIdentifierStartingWith("ndk_"));

    [Fact]
    public void A_file_said_to_have_no_identifier_starting_with_a_prefix_has_no_such_token()
    {
        string[] pieces = ["ndk", "ngx", "_", "lua", "http", "x", "é", "\uFEFF", " ", "\n", "\\\n", "/*", "*/", "\"", "#define ", "##", "(", ")"];
        string[][] sets = [["ndk_"], ["ngx_http_lua_"], ["ndk_", "ngx_http_lua_"]];
        var said = 0;
        var random = new Random(14);
        for (var i = 0; i < 20_000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)]));
            var file = File(text);
            foreach (var set in sets)
            {
                if (file.MayHaveIdentifierStartingWith(set))
                {
                    continue;
                }

                said++;
                Assert.False(file.MayHaveIdentifierContaining(set) && Identifiers(file).Any(name => set.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal))), $"{string.Join(", ", set)} in \"{text}\"");
            }
        }

        Assert.InRange(said, 10_000, 60_000);
    }

    /// <summary>Every identifier of the file, in code and in directive bodies, as the tokenizer reads them.</summary>
    private static IEnumerable<string> Identifiers(CSourceFile file)
    {
        foreach (var token in file.Tokens)
        {
            if (token.Kind == CTokenKind.Identifier)
            {
                yield return file.GetText(token);
            }
            else if (token.Kind == CTokenKind.Directive)
            {
                foreach (var inner in CTokenizer.TokenizeRange(file.Text.Text, TextSpan.FromBounds(token.Start + 1, token.End)).Where(t => t.Kind == CTokenKind.Identifier))
                {
                    yield return CTokenizer.GetText(file.Text.Text, inner);
                }
            }
        }
    }

    private static CSourceFile File(string text) => CSourceFile.Create("x.c", SourceText.From(text));
}
