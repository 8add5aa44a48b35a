using System.Diagnostics;
using System.Text;
using ConfigConvert.Text;

namespace ConfigConvert.CSources.Tests;

/// <summary>
/// Random and mutated inputs: the tokenizer and the index must never throw, and the tokens must always
/// account for every character that is not blank.
/// </summary>
public sealed class CTokenizerFuzzTests
{
    private const string Seed = """
        #include <ngx_config.h>
        #include <ngx_core.h>

        #define NGX_FUZZ_MODULE  0x5A5A5546  /* "FUZZ" */

        static ngx_command_t  ngx_fuzz_commands[] = {
            { ngx_string("fuzz"), NGX_MAIN_CONF|NGX_CONF_NOARGS, ngx_fuzz_block, 0, 0, NULL },
              ngx_null_command
        };

        #if (NGX_FUZZ_EXTRA)
        ngx_module_t  ngx_fuzz_module = {
            NGX_MODULE_V1,
            &ngx_fuzz_module_ctx,    /* module context */
            ngx_fuzz_commands,       /* module directives */
            NGX_CORE_MODULE,         /* module type */
            NULL, NULL, NULL, NULL, NULL, NULL, NULL,
            NGX_MODULE_V1_PADDING
        };
        #else
        extern ngx_module_t  ngx_other_module;
        #endif

        static char *
        ngx_fuzz_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
        {
            ngx_uint_t  m;
            // count our modules
            for (m = 0; ngx_modules[m]; m++) {
                if (ngx_modules[m]->type == NGX_FUZZ_MODULE) {
                    ngx_modules[m]->ctx_index = ngx_fuzz_max++;
                }
            }
            return "it's \"done\"\\";
        }
        """;

    private static readonly string[] Pieces =
    [
        "/*", "*/", "//", "\"", "'", "\\", "\\\n", "\\\r\n", "\n", "\r\n", "#", "#if 0\n", "#else\n", "#endif\n", "#define X_MODULE 0x1\n",
        "{", "}", "(", ")", ";", ",", "=", " ", "\t", "ngx_module_t", "extern", "static", "NGX_MODULE_V1", "NGX_HTTP_MODULE", "x",
        "0x", "1e+", ".", "\0", "\uFEFF", "é", "\uD800", "L", "u8",
    ];

    [Fact]
    public void Random_bytes_never_throw_and_every_character_is_accounted_for()
    {
        var random = new Random(20240501);
        for (var i = 0; i < 1500; i++)
        {
            var bytes = new byte[random.Next(0, 400)];
            random.NextBytes(bytes);
            Check(bytes);
        }
    }

    [Fact]
    public void Random_c_like_text_never_throws()
    {
        var random = new Random(7);
        for (var i = 0; i < 1500; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(0, 80);
            for (var j = 0; j < count; j++)
            {
                builder.Append(Pieces[random.Next(Pieces.Length)]);
            }

            Check(Encoding.UTF8.GetBytes(builder.ToString()));
        }
    }

    [Fact]
    public void Mutations_of_a_module_never_throw()
    {
        var random = new Random(42);
        var seedBytes = Encoding.UTF8.GetBytes(Seed);
        var seedIndex = CSourceIndex.Build([("seed.c", seedBytes)]);
        Assert.Equal("ngx_fuzz_module", Assert.Single(seedIndex.Modules).Name);

        for (var i = 0; i < 2000; i++)
        {
            var text = new StringBuilder(Seed);
            var edits = random.Next(1, 6);
            for (var j = 0; j < edits; j++)
            {
                var position = random.Next(text.Length + 1);
                switch (random.Next(3))
                {
                    case 0:
                        text.Insert(position, Pieces[random.Next(Pieces.Length)]);
                        break;
                    case 1:
                        text.Remove(Math.Min(position, text.Length), Math.Min(random.Next(1, 20), text.Length - Math.Min(position, text.Length)));
                        break;
                    default:
                        if (position < text.Length)
                        {
                            text[position] = (char)random.Next(0, 128);
                        }

                        break;
                }
            }

            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            if (random.Next(4) == 0 && bytes.Length > 0)
            {
                // Also flip raw bytes, so that some inputs are not valid UTF-8 and decode as Latin-1.
                bytes[random.Next(bytes.Length)] ^= (byte)random.Next(1, 256);
            }

            Check(bytes);
        }
    }

    [Theory]
    [InlineData("/*")]
    [InlineData("*")]
    [InlineData("\\\n")]
    [InlineData("#\\\n")]
    [InlineData("\"\\")]
    [InlineData("'")]
    [InlineData("#if 1\n")]
    [InlineData("#endif\n")]
    [InlineData("#if A\n#elif B\n")]
    [InlineData("{")]
    [InlineData("}")]
    [InlineData("ngx_module_t a = {")]
    [InlineData("ngx_module_t a = { ; ")]
    [InlineData("#if A\n#else\nngx_module_t x = {\n#endif\n")]
    [InlineData("ngx_module_t a = {\n#if X\n#else\n}\n")]
    [InlineData("#define A_MODULE 0x1\n")]
    [InlineData("ngx_modules x; ")]
    public void Pathological_repetitions_take_linear_time(string unit)
    {
        // A quadratic step would need hours on two megabytes; a linear one needs well under a second.
        var text = string.Concat(Enumerable.Repeat(unit, (2 * 1024 * 1024) / unit.Length));
        var stopwatch = Stopwatch.StartNew();
        var index = CSourceIndex.Build([("big.c", Encoding.UTF8.GetBytes(text))]);
        _ = index.FindReferences("ngx_modules").Length;
        foreach (var module in index.Modules)
        {
            _ = module.Condition;
        }

        stopwatch.Stop();
        Assert.Single(index.Files);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"{unit.Replace("\n", "\\n")}: {stopwatch.Elapsed}");
    }

    [Fact]
    public void Deep_conditional_nesting_gives_a_bounded_condition_and_no_stack_overflow()
    {
        const int depth = 100_000;
        var text = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            text.Append("#ifdef L").Append(i).Append('\n');
        }

        text.Append("ngx_module_t deep_module = { NGX_MODULE_V1, &ctx, NULL, NGX_HTTP_MODULE };\n");
        for (var i = 0; i < depth; i++)
        {
            text.Append("#endif\n");
        }

        var module = Assert.Single(CSourceIndex.Build([("deep.c", Encoding.UTF8.GetBytes(text.ToString()))]).Modules);

        Assert.Equal("NGX_HTTP_MODULE", module.TypeConstant);
        Assert.StartsWith("defined(L0) && defined(L1) && ", module.Condition);
        Assert.EndsWith(" && ...", module.Condition);
        Assert.True(module.Condition!.Length < 2000);
    }

    private static void Check(byte[] bytes)
    {
        var text = SourceText.From(bytes).Text;
        var list = CTokenizer.Tokenize(text);
        AssertAccountsForEveryCharacter(text, list);

        var index = CSourceIndex.Build([("fuzz.c", bytes)]);
        foreach (var file in index.SourceFiles)
        {
            for (var i = 0; i < file.Tokens.Length; i++)
            {
                _ = file.GetCondition(i);
                if (file.Tokens[i].Kind == CTokenKind.Directive)
                {
                    _ = file.GetDirective(file.Tokens[i]).GetBodyText();
                }
            }

            var lines = file.Text.Lines.Count;
            Assert.All(file.FindReferences("ngx_modules"), r => Assert.InRange(r.Position.Line, 1, lines));
            Assert.All(index.Modules, m => Assert.InRange(m.Line, 1, lines));
        }

        Assert.All(index.Diagnostics, d => Assert.False(string.IsNullOrEmpty(d.ToString())));
    }

    private static void AssertAccountsForEveryCharacter(string text, CTokenList list)
    {
        var covered = new bool[text.Length];
        Mark(list.Tokens, text, covered);
        Mark(list.Comments, text, covered);

        for (var i = 0; i < text.Length; i++)
        {
            if (covered[i])
            {
                continue;
            }

            var c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\v' or '\f' or '\uFEFF')
            {
                continue;
            }

            var isContinuation = c == '\\' && ((i + 1 < text.Length && text[i + 1] == '\n') || (i + 2 < text.Length && text[i + 1] == '\r' && text[i + 2] == '\n'));
            Assert.True(isContinuation, $"character {i} ({(int)c:X4}) is in no token or comment");
        }
    }

    private static void Mark(IReadOnlyList<CToken> tokens, string text, bool[] covered)
    {
        var previousEnd = 0;
        foreach (var token in tokens)
        {
            Assert.True(token.Length > 0, "empty token");
            Assert.True(token.Start >= previousEnd, "tokens out of order or overlapping");
            Assert.True(token.End <= text.Length, "token past the end");
            Assert.False(text[token.Start] is ' ' or '\t' or '\n' or '\r', "token starts with a blank");
            previousEnd = token.End;
            for (var i = token.Start; i < token.End; i++)
            {
                covered[i] = true;
            }
        }
    }
}
