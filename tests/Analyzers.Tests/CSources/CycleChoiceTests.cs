using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Rules.CSources;
using ConfigConvert.Analyzers.Tests.Catalogue;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Tests.CSources;

/// <summary>
/// The cycle the fixes of CC4001 and CC4002 write. A local initialized from the global <c>ngx_cycle</c>
/// is never it: while a configuration is read, <c>ngx_cycle</c> is the previous cycle (on first start its
/// <c>modules</c> is NULL), and a directive handler fixed to walk it crashed <c>nginx -t</c> (exit 139).
/// </summary>
public sealed class CycleChoiceTests
{
    private const string HandlerWithGlobalLocal = """
        #define NGX_EXAMPLE_MODULE  0x4C504D58

        ngx_uint_t  ngx_example_max_module;

        char *
        ngx_http_example(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
        {
            ngx_uint_t    i, n;
            ngx_cycle_t  *cycle = (ngx_cycle_t *) ngx_cycle;

            n = 0;
            for (i = 0; ngx_modules[i]; i++) {
                if (ngx_modules[i]->type == NGX_HTTP_MODULE) { n++; }
            }

            ngx_example_max_module = 0;
            for (i = 0; ngx_modules[i]; i++) {
                if (ngx_modules[i]->type != NGX_EXAMPLE_MODULE) {
                    continue;
                }

                ngx_modules[i]->ctx_index = ngx_example_max_module++;
            }

            ngx_log_error(NGX_LOG_NOTICE, cycle->log, 0, "%ui of %ui", ngx_example_max_module, n);
            return NGX_CONF_OK;
        }

        """;

    [Fact]
    public void The_module_list_of_a_directive_handler_is_its_configuration_s_not_a_local_taken_from_the_global_cycle()
    {
        var found = Analyze(new GlobalModuleList(), HandlerWithGlobalLocal, "CC4001");

        var first = found[0];
        Assert.Contains("use `cf->cycle->modules`", first.Message, StringComparison.Ordinal);
        var fix = Assert.Single(first.Fixes).Changes.Single().NewText;
        Assert.Contains("    for (i = 0; cf->cycle->modules[i]; i++) {\n        if (cf->cycle->modules[i]->type == NGX_HTTP_MODULE) { n++; }\n", fix, StringComparison.Ordinal);
        Assert.DoesNotContain(" cycle->modules", fix, StringComparison.Ordinal);
    }

    [Fact]
    public void The_count_of_a_directive_handler_is_over_its_configuration_s_cycle_not_a_local_taken_from_the_global_cycle()
    {
        var found = Analyze(new ModuleCountingLoop(), HandlerWithGlobalLocal, "CC4002");

        var fix = Assert.Single(Assert.Single(found).Fixes).Changes.Single().NewText;
        Assert.StartsWith("#if (nginx_version >= 1009011)\n    ngx_example_max_module = ngx_count_modules(cf->cycle, NGX_EXAMPLE_MODULE);\n#else\n", fix, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("(ngx_cycle_t *) ngx_cycle")]
    [InlineData("ngx_cycle")]
    [InlineData("(ngx_cycle_t *)ngx_cycle->old_cycle")]
    public void A_local_taken_from_the_global_cycle_alone_gives_no_fix_and_says_why(string initializer)
    {
        var found = Analyze(new GlobalModuleList(), $$"""
            ngx_int_t
            ngx_http_example_handler(ngx_http_request_t *r)
            {
                ngx_cycle_t  *cycle = {{initializer}};

                return cycle->modules != NULL && ngx_modules[0] != NULL ? NGX_DECLINED : NGX_ERROR;
            }

            """, "CC4001");

        var diagnostic = Assert.Single(found);
        Assert.Empty(diagnostic.Fixes);
        Assert.Equal("`ngx_modules` lists only the modules linked into nginx, not those loaded with load_module; use `cycle->modules` (no fix here: `cycle` is the global `ngx_cycle`, which still points to the previous cycle while a configuration is read, and no `ngx_cycle_t *` or `ngx_conf_t *` parameter is in scope)", diagnostic.Message);
    }

    [Fact]
    public void A_local_cycle_taken_from_anything_else_is_still_chosen()
    {
        var found = Analyze(new GlobalModuleList(), """
            void
            ngx_example_timer(ngx_event_t *ev)
            {
                ngx_cycle_t  *current = ev->data, *old = ngx_cycle;

                ngx_log_error(NGX_LOG_NOTICE, old->log, 0, "%p", ngx_modules[0]);
            }

            """, "CC4001");

        Assert.Contains("    ngx_log_error(NGX_LOG_NOTICE, old->log, 0, \"%p\", current->modules[0]);\n#else\n", Assert.Single(Assert.Single(found).Fixes).Changes.Single().NewText, StringComparison.Ordinal);
    }

    private static List<Diagnostic> Analyze(ModuleAnalyzer rule, string source, string id)
    {
        using var module = ExampleModule.Write(RuleExample.CSource("test", source), id);
        return [.. new AnalyzerDriver([rule]).Analyze(module.Directory, NginxVersionRange.Dynamic).Where(d => d.Id == id).OrderBy(d => d.Location.Span.Start)];
    }
}
