using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Rules.CSources;
using ConfigConvert.Analyzers.Tests.Catalogue;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Tests.CSources;

/// <summary>
/// CC4002 puts a counting loop under <c>#else</c>; a local that only the loop reads is then unused for new
/// nginx, and nginx's <c>-W -Wall -Werror</c> build rejects it ("unused variable", "set but not used"). The
/// fix is refused for any such local, as it is for the loop variable, and the finding says which.
/// </summary>
public sealed class LeftUnusedLocalTests
{
    private const string Prologue = """
        #define NGX_CNT_MODULE  0x434e5420

        static ngx_uint_t  ngx_cnt_max_module;
        static ngx_uint_t  ngx_cnt_max2;


        """;

    [Fact]
    public void A_module_local_only_the_loop_uses_refuses_the_fix()
    {
        var found = AnalyzeLoops("""
            static ngx_int_t
            ngx_http_cnt_init(ngx_cycle_t *cycle)
            {
                ngx_uint_t      m, k;
                ngx_module_t  **modules, *module;

                modules = cycle->modules;

                ngx_cnt_max_module = 0;
                for (m = 0; modules[m]; m++) {
                    module = modules[m];
                    if (module->type != NGX_CNT_MODULE) {
                        continue;
                    }

                    module->ctx_index = ngx_cnt_max_module++;
                }

                k = 0; ngx_cnt_max2 = 0;
                for (m = 0; modules[m]; m++) {
                    if (modules[m]->type == NGX_CNT_MODULE) { modules[m]->ctx_index = ngx_cnt_max2++; }
                }

                return k + ngx_cnt_max_module;
            }

            """);

        var first = found[0];
        Assert.Empty(first.Fixes);
        Assert.EndsWith("(no fix here: `module` is used only by this loop: without it, nginx's -Werror build rejects the unused variable; count with ngx_count_modules and guard `module`'s declaration too)", first.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_only_the_loop_reads_refuses_the_fix_as_set_but_not_used()
    {
        var found = AnalyzeLoops("""
            static ngx_int_t
            ngx_http_cnt_init(ngx_cycle_t *cycle)
            {
                ngx_uint_t      m;
                ngx_module_t  **modules;

                modules = cycle->modules;

                ngx_cnt_max_module = 0;
                for (m = 0; modules[m]; m++) {
                    if (modules[m]->type != NGX_CNT_MODULE) {
                        continue;
                    }

                    modules[m]->ctx_index = ngx_cnt_max_module++;
                }

                for (m = 0; cycle->modules[m]; m++) {
                    /* each module's configuration is created here */
                }

                return NGX_OK;
            }

            """);

        var loop = found[0];
        Assert.Empty(loop.Fixes);
        Assert.EndsWith("(no fix here: `modules` is read only by this loop: without it, nginx's -Werror build rejects the variable set but not used; count with ngx_count_modules and guard `modules`'s declaration and assignments too)", loop.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Locals_read_elsewhere_keep_the_fix()
    {
        var found = AnalyzeLoops("""
            static ngx_int_t
            ngx_http_cnt_init(ngx_cycle_t *cycle)
            {
                ngx_uint_t      m;
                ngx_module_t  **modules, *module;

                modules = cycle->modules;

                ngx_cnt_max_module = 0;
                for (m = 0; modules[m]; m++) {
                    module = modules[m];
                    if (module->type != NGX_CNT_MODULE) {
                        continue;
                    }

                    module->ctx_index = ngx_cnt_max_module++;
                }

                for (m = 0; modules[m]; m++) {
                    module = modules[m];
                    ngx_log_error(NGX_LOG_DEBUG, cycle->log, 0, "%s", module->name);
                }

                return NGX_OK;
            }

            """);

        var fix = Assert.Single(found[0].Fixes).Changes.Single().NewText;
        Assert.StartsWith("#if (nginx_version >= 1009011)\n    ngx_cnt_max_module = ngx_count_modules(cycle, NGX_CNT_MODULE);\n#else\n", fix, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_or_global_only_the_loop_uses_is_no_local_and_keeps_the_fix()
    {
        var found = AnalyzeLoops("""
            static ngx_module_t  **ngx_cnt_modules;

            static void
            ngx_http_cnt_count(ngx_cycle_t *cycle, ngx_module_t *module)
            {
                ngx_uint_t  m;

                ngx_cnt_max_module = 0;
                for (m = 0; ngx_cnt_modules[m]; m++) {
                    module = ngx_cnt_modules[m];
                    if (module->type == NGX_CNT_MODULE) {
                        module->ctx_index = ngx_cnt_max_module++;
                    }
                }

                ngx_log_error(NGX_LOG_DEBUG, cycle->log, 0, "%ui", m);
            }

            """);

        Assert.Single(Assert.Single(found).Fixes);
    }

    private static List<Diagnostic> AnalyzeLoops(string function)
    {
        using var module = ExampleModule.Write(RuleExample.CSource("test", Prologue + function), "CC4002");
        return [.. new AnalyzerDriver([new ModuleCountingLoop()]).Analyze(module.Directory, NginxVersionRange.Dynamic).Where(d => d.Id == "CC4002").OrderBy(d => d.Location.Span.Start)];
    }
}
