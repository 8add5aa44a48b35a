using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Preprocessor;
using ConfigConvert.CSources;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Tests.Preprocessor;

/// <summary>Which code of a file is compiled for the target, through <see cref="CSourceDocument"/>.</summary>
public sealed class ScopeDeciderTests
{
    [Fact]
    public void Else_and_elif_branches_negate_the_earlier_ones()
    {
        var document = Document("""
            #if (nginx_version >= 1009011)
            int new_code;
            #else
            int old_code;
            #endif
            #if (nginx_version < 1009011)
            int legacy;
            #elif (NGX_HTTP_SSL)
            int ssl;
            #else
            int plain;
            #endif
            int always;
            """);

        Assert.Equal(ConditionTruth.True, Compilation(document, "new_code"));
        Assert.Equal(ConditionTruth.False, Compilation(document, "old_code"));
        Assert.Equal(ConditionTruth.False, Compilation(document, "legacy"));
        Assert.Equal(ConditionTruth.Unknown, Compilation(document, "ssl"));
        Assert.Equal(ConditionTruth.Unknown, Compilation(document, "plain"));
        Assert.Equal(ConditionTruth.True, Compilation(document, "always"));
    }

    [Fact]
    public void An_elif_after_a_true_branch_is_never_compiled()
    {
        var document = Document("""
            #if (nginx_version >= 1009011)
            int first;
            #elif (NGX_HTTP_SSL)
            int second;
            #endif
            """);

        Assert.Equal(ConditionTruth.False, Compilation(document, "second"));
    }

    [Fact]
    public void Nested_code_is_compiled_only_where_every_enclosing_branch_is()
    {
        var document = Document("""
            #if (NGX_HTTP_SSL)
            #  if (nginx_version < 1009011)
            int old_ssl;
            #  else
            int new_ssl;
            #  endif
            #else
            #  ifdef NGX_NEVER
            int unknown;
            #  endif
            #endif
            #if 0
            #if 1
            int dead;
            #endif
            #endif
            """);

        Assert.Equal(ConditionTruth.False, Compilation(document, "old_ssl"));
        Assert.Equal(ConditionTruth.Unknown, Compilation(document, "new_ssl"));
        Assert.Equal(ConditionTruth.Unknown, Compilation(document, "unknown"));
        Assert.Equal(ConditionTruth.False, Compilation(document, "dead"));
    }

    [Fact]
    public void A_condition_that_does_not_parse_is_unknown()
    {
        var document = Document("""
            #if __has_include(<foo.h>) ? 1 : 0
            int maybe;
            #endif
            """);

        Assert.Equal(ConditionTruth.Unknown, Compilation(document, "maybe"));
        Assert.True(document.IsCompiled(IndexOf(document, "maybe"), NginxVersionRange.Dynamic));
    }

    [Fact]
    public void The_target_range_decides_what_is_legacy()
    {
        var document = Document("""
            #if (nginx_version < 1009011)
            int legacy;
            #endif
            """);

        Assert.Equal(ConditionTruth.Unknown, document.GetCompilation(IndexOf(document, "legacy"), new NginxVersionRange(1008000, null)));
        Assert.False(document.IsCompiled(IndexOf(document, "legacy"), NginxVersionRange.Dynamic));
    }

    [Fact]
    public void Thousands_of_nested_groups_are_decided_without_recursion()
    {
        const int depth = 20_000;
        var text = string.Concat(Enumerable.Repeat("#if (NGX_A)\n", depth)) + "int deep;\n" + string.Concat(Enumerable.Repeat("#endif\n", depth));
        var document = Document(text);

        Assert.Equal(ConditionTruth.Unknown, Compilation(document, "deep"));
    }

    internal static CSourceDocument Document(string text)
        => new("example.c", CSourceFile.Create("/module/example.c", SourceText.From(text)));

    private static ConditionTruth Compilation(CSourceDocument document, string identifier)
        => document.GetCompilation(IndexOf(document, identifier), NginxVersionRange.Dynamic);

    private static int IndexOf(CSourceDocument document, string identifier)
    {
        var tokens = document.File.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (document.File.IsIdentifier(i, identifier))
            {
                return i;
            }
        }

        throw new InvalidOperationException(identifier + " not found");
    }
}
