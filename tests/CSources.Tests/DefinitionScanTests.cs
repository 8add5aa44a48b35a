using System.Text;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.CSources.Tests;

/// <summary>
/// The text scan may prove a file defines no module and no module type constant only when the finder, reading
/// its tokens, finds none: a file so proven is not tokenized for the finder, so a wrong answer would lose a module.
/// And where the scan says a prefix of the file holds every definition, the finder reading that prefix alone must
/// find what it finds in the whole file.
/// </summary>
public sealed class DefinitionScanTests
{
    public static TheoryData<string> Defining => new()
    {
        "ngx_module_t  ngx_http_x_module = {\n    NGX_MODULE_V1,\n};\n",
        "static ngx_module_t\nngx_http_x_module\n=\n{ 0 };\n",
        "ngx_module_t /* the module */ ngx_http_x_module = { 0 };\n",
        "ngx_module_t\n#if (NGX_X)\n#endif\nngx_http_x_module = { 0 };\n",
        "ngx_module_t ngx_http_x_module\n#ifdef X\n#endif\n= { 0 };\n",
        "ngx_module_t \\\nngx_http_x_module = { 0 };\n",
        "#define NGX_RTMP_MODULE 0x504D5452\n",
        "  #  define NGX_RTMP_MODULE  (0x504D5452)\n",
        "%:define NGX_RTMP_MODULE 1\n",
        "/* c */ #define NGX_RTMP_MODULE 1\n",
        "#define NGX_RTMP_\\\nMODULE 1\n",
        "#define X \\\n  NGX_RTMP_MODULE 1\n",
        "#define X \\\r\n  NGX_RTMP_MODULE 1\n",
        "ngx_mod\\\nule_t ngx_http_x_module = { 0 };\n",
        "/* a comment\n over lines */ #define NGX_RTMP_MODULE 1\n",
        "\uFEFF#define NGX_HTTP_FOO_MODULE 0x464F4F00\n",
        "int a;\n\uFEFF #define NGX_HTTP_FOO_MODULE 1\n",
        "ngx_module_t\uFEFFngx_foo_module = { 0 };\n",
        "ngx_module_t ngx_foo_module\uFEFF= { 0 };\n",
    };

    public static TheoryData<string> NotDefining => new()
    {
        "extern ngx_module_t  ngx_http_x_module;\n",
        "extern ngx_module_t  ngx_http_x_module ;\nextern ngx_module_t ngx_http_y_module;\n",
        "static ngx_module_t *modules[] = { &ngx_http_x_module, NULL };\n",
        "ngx_module_t  *m = cycle->modules[i];\n",
        "size_t n = sizeof(ngx_module_t);\nvoid f(ngx_module_t *m, ngx_module_t x);\n",
        "if (cf->module_type != NGX_HTTP_MODULE) { return NGX_OK; }\n",
        "    NGX_MODULE_V1,\n    NGX_MODULE_V1_PADDING\n",
        "my_ngx_module_t x = { 0 };\nngx_module_t_extra y = { 0 };\n",
        "NGX_HTTP_MODULE,\n  NGX_STREAM_MODULE;\n",
    };

    [Theory]
    [MemberData(nameof(Defining))]
    public void What_may_define_a_module_is_left_to_the_tokenizer(string text)
        => Assert.False(DefinitionScan.ProvesNone(Encoding.UTF8.GetBytes(text), MaySplit(text)));

    [Theory]
    [MemberData(nameof(NotDefining))]
    public void Declarations_pointers_casts_and_uses_are_proven_to_define_nothing(string text)
    {
        Assert.True(DefinitionScan.ProvesNone(Encoding.UTF8.GetBytes(text), MaySplit(text)));
        Assert.Equal((0, 0), FinderCounts(text));
    }

    [Fact]
    public void Random_texts_never_prove_what_the_finder_contradicts()
    {
        string[] pieces = ["ngx_module_t", "ngx_module_t m", " m = { 0 }", "#define NGX_Y_MODULE 0x1\n", "_MODULE", "NGX_Y_MODULE", "NGX_X", " ", "\n", "\r\n", "\t", "#", "define", "%:", "x", "=", "{", "}", "0x1", "1", ";", ",", "*", "(", ")", "/*", "*/", "//", "\\\n", "\"", "static", "extern", "#if X\n", "#endif\n", "\uFEFF", "é", "ngx_é"];
        var proven = 0;
        var found = 0;
        var i = 0;
        foreach (var value in RandomTexts.Of(pieces, seed: 20261204, count: 40_000, maxPieces: 20))
        {
            // The scan reads the bytes as read: UTF-8, or (one text in three, where it can be) Latin-1, which decodes so.
            var bytes = i++ % 3 == 0 && value.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(value) : Encoding.UTF8.GetBytes(value);
            var file = CSourceFile.Create("x.c", bytes);
            var (definitions, constants) = FinderCounts(file);
            if (DefinitionScan.ProvesNone(bytes, file.MaySplitIdentifier))
            {
                Assert.True(definitions + constants == 0, $"proven to define nothing, but the finder finds {definitions} definitions and {constants} constants: {RandomTexts.Show(value)}");
                proven++;
            }

            found += definitions + constants > 0 ? 1 : 0;
        }

        // Both answers must be common, or the property above says little.
        Assert.InRange(proven, 4_000, 40_000);
        Assert.InRange(found, 2_000, 40_000);
    }

    public static TheoryData<string> DefinedBeforeTheRest => new()
    {
        "ngx_module_t  ngx_http_x_module = {\n    NGX_MODULE_V1,\n    &ctx, NGX_HTTP_MODULE\n};\n\nstatic int f(void) { return 0; }\n",
        "ngx_module_t m = { 0, /* ; */ NGX_HTTP_MODULE };\nint g;\n",
        "ngx_module_t m = { 0, \";\", NGX_HTTP_MODULE };\nint g;\n",

        // The first `;` after the type is not the end of the definition: the prefix up to its line falls short.
        "ngx_module_t m = { 0, /* ; */\n NGX_HTTP_MODULE\n};\nint g;\n",
        "ngx_module_t m = { 0, \";\",\n NGX_HTTP_MODULE\n};\nint g;\n",
        "ngx_module_t /* ; */\nm = { 0, NGX_HTTP_MODULE };\nint g;\n",
        "ngx_module_t a = { 0, NGX_HTTP_MODULE }, b = { 0, /* ; */\n NGX_CORE_MODULE };\nint g;\n",
        "static ngx_module_t m = { 0, NGX_HTTP_MODULE } /* ; */\n, n = { 0, NGX_HTTP_MODULE };\nint g;\n",

        // A group that opens as a guard does but closes at once (openresty's `DDEBUG`) is no guard, and a prefix shows it.
        "#ifndef DDEBUG\n#define DDEBUG 0\n#endif\nngx_module_t m = { 0, NGX_HTTP_MODULE };\nint g;\n",

        // Text past ASCII before the definition, in a file that is UTF-8 throughout.
        "/* Copyright (C) Jörg */\nngx_module_t m = { 0, NGX_HTTP_MODULE };\nint g;\n",

        // An include guard is one only if the last line closes it, which no prefix holds.
        "#ifndef NGX_W_H\n#define NGX_W_H\n#define NGX_W_MODULE 0x57\nngx_module_t m = { 0, NGX_W_MODULE };\nint g;\n#endif\n",
        "#if !defined(NGX_W_H)\n#define NGX_W_H\n#if (X)\nngx_module_t m = { 0, NGX_HTTP_MODULE };\n#endif\nint g;\n#endif\n",
        "ngx_module_t m = { 0,\n#if X\n NGX_HTTP_MODULE\n#else\n NGX_STREAM_MODULE\n#endif\n};\nint g;\n",
        "ngx_module_t a = { 0, NGX_HTTP_MODULE }, b = { 0, NGX_CORE_MODULE };\nint g;\n",
        "ngx_module_t a = { 0, NGX_HTTP_MODULE }\n, b = { 0, NGX_CORE_MODULE };\nint g;\n",
        "#define NGX_RTMP_MODULE \\\n 0x504D5452\r\nngx_module_t m = { 0, 0x504D5452 };\r\nint g;\r\n",
        "static ngx_module_t m = { 0, NGX_HTTP_MODULE };\nint g;\n",
        "ngx_module_t m = { 0, NGX_NO_SUCH_MODULE };\nint g;\n",
    };

    [Theory]
    [MemberData(nameof(DefinedBeforeTheRest))]
    public void A_prefix_that_holds_every_definition_gives_what_the_whole_file_gives(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.True(DefinitionScan.ReadingEnd(bytes, MaySplit(text)) is { } end && end < bytes.Length, "the scan finds a prefix");
        AssertFindsWhatTheWholeFileGives(CSourceFile.Create("x.c", bytes), text);
    }

    [Fact]
    public void A_type_constant_whose_line_leaves_a_comment_open_is_read_in_the_whole_file()
    {
        const string text = "#define NGX_RTMP_MODULE 0x504D5452 /* a comment\n over lines */\nngx_module_t m = { 0, NGX_RTMP_MODULE };\nint g;\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        Assert.Null(DefinitionScan.ReadingEnd(bytes, MaySplit(text)));
        AssertFindsWhatTheWholeFileGives(CSourceFile.Create("x.c", bytes), text);
    }

    [Fact]
    public void A_group_that_may_be_the_include_guard_is_read_in_the_whole_file()
    {
        // The first group closes on the prefix's last token: a guard in the prefix alone, none in the whole file.
        const string closesAtTheCut = "#ifndef G\n#define G\nngx_module_t m = { 0, NGX_HTTP_MODULE };\n#endif /* NGX_Y_MODULE */\nint g;\n";
        AssertFindsWhatTheWholeFileGives(CSourceFile.Create("x.c", Encoding.UTF8.GetBytes(closesAtTheCut)), closesAtTheCut);
    }

    [Fact]
    public void Text_that_may_decode_otherwise_alone_is_read_in_the_whole_file()
    {
        // Latin-1 bytes that happen to be UTF-8 in the prefix, where the whole file is not UTF-8: the prefix alone would decode otherwise.
        var latin1 = Encoding.Latin1.GetBytes("/* Ã© */ ngx_module_t m = { 0, NGX_HTTP_MODULE };\nint g; /* \u00e9 */\n");
        AssertFindsWhatTheWholeFileGives(CSourceFile.Create("x.c", latin1), "latin-1");
    }

    [Fact]
    public void Random_texts_find_in_a_prefix_what_the_whole_file_gives()
    {
        string[] pieces = ["ngx_module_t", " m", " = {", " 0", ",", " NGX_HTTP_MODULE", "/* ; */", "\";\"", "#ifndef G\n#define G\n", "#if X\n#define G\n", "Ã©", " NGX_Y_MODULE", " }", "}", "{", ";", " ", "\n", "\r\n", "\t", "/*", "*/", "//", "\"", "'", "\\\n", "#define NGX_Y_MODULE 0x1", "#define", "#if X\n", "#else\n", "#endif\n", "static", "extern", "int f(void) { return 0; }\n", "é"];
        var prefixes = 0;
        var i = 0;
        foreach (var value in RandomTexts.Of(pieces, seed: 20261205, count: 40_000, maxPieces: 24))
        {
            // UTF-8, or (one text in three, where it can be) Latin-1, which the whole file then decodes as.
            var bytes = i++ % 3 == 0 && value.All(c => c <= '\u00FF') ? Encoding.Latin1.GetBytes(value) : Encoding.UTF8.GetBytes(value);
            var file = CSourceFile.Create("x.c", bytes);
            prefixes += DefinitionScan.ReadingEnd(bytes, file.MaySplitIdentifier) is { } end && end < bytes.Length && !DefinitionScan.ProvesNone(bytes, file.MaySplitIdentifier) ? 1 : 0;
            AssertFindsWhatTheWholeFileGives(file, value);
        }

        // Prefixes must be common, or the property above says little.
        Assert.InRange(prefixes, 4_000, 40_000);
    }

    /// <summary>What <see cref="CModuleDefinitionFinder.Find"/> gives (through a prefix where it can) against the finder over every token.</summary>
    private static void AssertFindsWhatTheWholeFileGives(CSourceFile file, string text)
    {
        List<CModuleDefinition> definitions = [];
        List<CModuleTypeConstant> constants = [];
        List<Diagnostic> diagnostics = [];
        CModuleDefinitionFinder.Find(file, definitions, constants, diagnostics);

        var whole = CSourceFile.Create("x.c", file.Bytes.ToArray());
        List<CModuleDefinition> expectedDefinitions = [];
        List<CModuleTypeConstant> expectedConstants = [];
        List<Diagnostic> expectedDiagnostics = [];
        CModuleDefinitionFinder.Search(whole, expectedDefinitions, expectedConstants, expectedDiagnostics);

        Assert.True(expectedDefinitions.SequenceEqual(definitions), $"definitions differ: {RandomTexts.Show(text)}");
        Assert.True(expectedConstants.SequenceEqual(constants), $"type constants differ: {RandomTexts.Show(text)}");
        Assert.Equal(
            expectedDiagnostics.Select(d => $"{d.Id} {d.Location} {d.Message}"),
            diagnostics.Where(d => d.Descriptor != SourceDiagnostics.UnterminatedComment).Select(d => $"{d.Id} {d.Location} {d.Message}"));
    }

    private static bool MaySplit(string text) => CSourceFile.Create("x.c", Encoding.UTF8.GetBytes(text)).MaySplitIdentifier;

    private static (int Definitions, int Constants) FinderCounts(string text) => FinderCounts(CSourceFile.Create("x.c", Encoding.UTF8.GetBytes(text)));

    private static (int Definitions, int Constants) FinderCounts(CSourceFile file)
    {
        List<CModuleDefinition> definitions = [];
        List<CModuleTypeConstant> constants = [];
        CModuleDefinitionFinder.Search(file, definitions, constants, new List<Diagnostic>());
        return (definitions.Count, constants.Count);
    }
}
