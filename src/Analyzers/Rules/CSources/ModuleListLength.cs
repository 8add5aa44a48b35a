using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Rules.CSources.Analysis;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.CSources;

/// <summary>
/// CC4003: <c>ngx_max_module</c> bounds a walk over the module list. Before nginx 1.9.11 it was the
/// number of modules; since then it also counts room for 128 dynamic modules, so the walk reads past
/// the end of the list. The cycle's count is <c>cycle-&gt;modules_n</c>.
/// </summary>
internal sealed class ModuleListLength : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC4003", "ngx_max_module as the module count", "`ngx_max_module` is not the number of modules since nginx 1.9.11 (it leaves room for dynamic ones), so this loop reads past the end of the module list; use `{0}`{1}",
        RuleCategories.CSources, DiagnosticSeverity.Warning,
        "nginx 1.9.11 sets ngx_max_module to the number of static modules plus NGX_MAX_DYNAMIC_MODULES (128): the bound of a module's index, which is why nginx sizes cycle->conf_ctx with it. As the length of the module list it is too large; the modules of a cycle are cycle->modules[0] to cycle->modules[cycle->modules_n - 1]. Arrays indexed by a module's index may keep ngx_max_module, and this rule does not report them.",
        RuleDocumentation.HelpLink("CC4003"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.CSource("bounds a walk over the module list", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            ngx_uint_t
            ngx_http_example_count_http_modules(ngx_cycle_t *cycle)
            {
                ngx_uint_t  i, n;

                n = 0;

                for (i = 0; i < [|ngx_max_module|]; i++) {
                    if (ngx_modules[i]->type != NGX_HTTP_MODULE) {
                        continue;
                    }

                    n++;
                }

                return n;
            }

            """) with
        {
            Fixed = [new ExampleFile("ngx_http_example_module.c", """
                #include <ngx_config.h>
                #include <ngx_core.h>
                #include <ngx_http.h>


                ngx_uint_t
                ngx_http_example_count_http_modules(ngx_cycle_t *cycle)
                {
                    ngx_uint_t  i, n;

                    n = 0;

                #if (nginx_version >= 1009011)
                    for (i = 0; i < cycle->modules_n; i++) {
                        if (cycle->modules[i]->type != NGX_HTTP_MODULE) {
                            continue;
                        }

                        n++;
                    }
                #else
                    for (i = 0; i < ngx_max_module; i++) {
                        if (ngx_modules[i]->type != NGX_HTTP_MODULE) {
                            continue;
                        }

                        n++;
                    }
                #endif

                    return n;
                }

                """)],
        },
        RuleExample.CSource("sizes an array indexed by module index, and guarded legacy code", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            /* ngx_max_module is the bound of a module's index, so it sizes arrays indexed by it. */

            void **
            ngx_http_example_index_array(ngx_conf_t *cf)
            {
                ngx_uint_t    i;
                void        **conf;

                conf = ngx_pcalloc(cf->pool, sizeof(void *) * ngx_max_module);
                if (conf == NULL) {
                    return NULL;
                }

                for (i = 0; i < ngx_max_module; i++) {
                    conf[i] = NULL;
                }

            #if (nginx_version < 1009011)
                for (i = 0; i < ngx_max_module; i++) {
                    conf[ngx_modules[i]->index] = ngx_modules[i]->ctx;
                }
            #endif

                return conf;
            }

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterCSourceAction(Analyze);

    private static void Analyze(CSourceAnalysisContext context)
    {
        var source = context.Source;
        foreach (var use in LegacyModuleCode.Of(source, context.Module.Target).Uses.Where(u => u.Kind == LegacyKind.MaxModule))
        {
            var diagnostic = Diagnostic.Create(Rule, source.File.GetLocation(use.Span), use.Replacement, use.WhyNoFix is null ? string.Empty : $" (no fix here: {use.WhyNoFix})");
            context.Report(use.Fix is null ? diagnostic : diagnostic.WithFix(use.Fix));
        }
    }
}
