using System.Text;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.CSources.Tests;

/// <summary>
/// The text scan may prove a file defines no module and no module type constant only when the finder, reading
/// its tokens, finds none: a file so proven is not tokenized for the finder, so a wrong answer would lose a module.
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
