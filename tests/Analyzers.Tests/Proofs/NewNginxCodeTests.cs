namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>The code nginx 1.9.11 and later compiles, which the comparison with Coccinelle reads.</summary>
public sealed class NewNginxCodeTests
{
    [Fact]
    public void The_new_nginx_code_of_the_guarded_fixture_is_its_new_branches()
    {
        var text = File.ReadAllText(Path.Combine(CheckFixtures.PathOf(CheckFixtures.Ledger), "ngx_ledger_module.c"));
        var code = string.Join("\n", NewNginxCode.Lines(text).Select(l => l.Text));
        Assert.Contains("return ngx_count_modules(cf->cycle, NGX_LEDGER_MODULE);", code, StringComparison.Ordinal);
        Assert.Contains("modules = cf->cycle->modules;", code, StringComparison.Ordinal);
        Assert.Contains("n = cycle->modules_n;", code, StringComparison.Ordinal);
        Assert.DoesNotContain("ngx_modules[m]", code, StringComparison.Ordinal);
        Assert.DoesNotContain("= ngx_max_module", code, StringComparison.Ordinal);
        Assert.DoesNotContain("#if", code, StringComparison.Ordinal);
        Assert.DoesNotContain("#else", code, StringComparison.Ordinal);
        Assert.Contains("#include <ngx_core.h>", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Conditions_over_other_macros_are_kept_with_both_branches()
    {
        var lines = NewNginxCode.Lines("a\n#if (NGX_HTTP_SSL)\nb\n#else\nc\n#endif\n#if (nginx_version < 1009011)\nd\n#elif (nginx_version < 1023000)\ne\n#else\nf\n#endif\ng");
        Assert.Equal(["a", "#if (NGX_HTTP_SSL)", "b", "#else", "c", "#endif", "e", "g"], lines.Select(l => l.Text));
        Assert.Equal([1, 2, 3, 4, 5, 6, 10, 14], lines.Select(l => l.Line));
    }
}
