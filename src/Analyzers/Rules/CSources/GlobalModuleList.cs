using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Rules.CSources.Analysis;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.CSources;

/// <summary>
/// CC4001: code reads the global <c>ngx_modules</c>, which lists only the modules linked into nginx. A
/// dynamic module walking it never sees itself or other dynamic modules; the cycle's list does.
/// </summary>
internal sealed class GlobalModuleList : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC4001", "Global ngx_modules", "`ngx_modules` lists only the modules linked into nginx, not those loaded with load_module; use `{0}`{1}",
        RuleCategories.CSources, DiagnosticSeverity.Warning,
        "Since nginx 1.9.11 the modules of a cycle are cycle->modules (cycle->modules_n of them): the static modules, then those loaded by load_module. The global ngx_modules still lists only the static ones, so code that walks it misses every dynamic module, the module itself included when it is built with --add-dynamic-module.",
        RuleDocumentation.HelpLink("CC4001"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.CSource("walks the list with the cycle in scope", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            ngx_uint_t
            ngx_http_example_count_http_modules(ngx_cycle_t *cycle)
            {
                ngx_uint_t  i, n;

                n = 0;

                for (i = 0; [|ngx_modules|][i]; i++) {
                    if ([|ngx_modules|][i]->type == NGX_HTTP_MODULE) {
                        n++;
                    }
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
                    for (i = 0; cycle->modules[i]; i++) {
                        if (cycle->modules[i]->type == NGX_HTTP_MODULE) {
                            n++;
                        }
                    }
                #else
                    for (i = 0; ngx_modules[i]; i++) {
                        if (ngx_modules[i]->type == NGX_HTTP_MODULE) {
                            n++;
                        }
                    }
                #endif

                    return n;
                }

                """)],
        },
        RuleExample.CSource("takes the list in a directive handler", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            char *
            ngx_http_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                ngx_uint_t      m, n;
                ngx_module_t  **modules;

                modules = [|ngx_modules|];
                n = 0;

                for (m = 0; modules[m]; m++) {
                    if (modules[m]->type == NGX_HTTP_MODULE) {
                        n++;
                    }
                }

                return n ? NGX_CONF_OK : NGX_CONF_ERROR;
            }

            """) with
        {
            Fixed = [new ExampleFile("ngx_http_example_module.c", """
                #include <ngx_config.h>
                #include <ngx_core.h>
                #include <ngx_http.h>


                char *
                ngx_http_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
                {
                    ngx_uint_t      m, n;
                    ngx_module_t  **modules;

                #if (nginx_version >= 1009011)
                    modules = cf->cycle->modules;
                #else
                    modules = ngx_modules;
                #endif
                    n = 0;

                    for (m = 0; modules[m]; m++) {
                        if (modules[m]->type == NGX_HTTP_MODULE) {
                            n++;
                        }
                    }

                    return n ? NGX_CONF_OK : NGX_CONF_ERROR;
                }

                """)],
        },
        RuleExample.CSource("a directive handler that also keeps the global ngx_cycle", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            char *
            ngx_http_example_count(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                ngx_uint_t    i, n;
                ngx_cycle_t  *cycle = (ngx_cycle_t *) ngx_cycle;

                n = 0;
                for (i = 0; [|ngx_modules|][i]; i++) {
                    if ([|ngx_modules|][i]->type == NGX_HTTP_MODULE) {
                        n++;
                    }
                }

                ngx_log_error(NGX_LOG_NOTICE, cycle->log, 0, "%ui http modules", n);

                return NGX_CONF_OK;
            }

            """) with
        {
            Fixed = [new ExampleFile("ngx_http_example_module.c", """
                #include <ngx_config.h>
                #include <ngx_core.h>
                #include <ngx_http.h>


                char *
                ngx_http_example_count(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
                {
                    ngx_uint_t    i, n;
                    ngx_cycle_t  *cycle = (ngx_cycle_t *) ngx_cycle;

                    n = 0;
                #if (nginx_version >= 1009011)
                    for (i = 0; cf->cycle->modules[i]; i++) {
                        if (cf->cycle->modules[i]->type == NGX_HTTP_MODULE) {
                            n++;
                        }
                    }
                #else
                    for (i = 0; ngx_modules[i]; i++) {
                        if (ngx_modules[i]->type == NGX_HTTP_MODULE) {
                            n++;
                        }
                    }
                #endif

                    ngx_log_error(NGX_LOG_NOTICE, cycle->log, 0, "%ui http modules", n);

                    return NGX_CONF_OK;
                }

                """)],
        },
        RuleExample.CSource("legacy code that is guarded, comments, strings and a declaration", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            /* Before nginx 1.9.11 this walked ngx_modules; see "ngx_modules" in the changelog. */

            extern ngx_module_t  *ngx_modules[];

            char *
            ngx_http_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                ngx_module_t  **modules;

            #if (nginx_version >= 1009011)
                modules = cf->cycle->modules;
            #else
                modules = ngx_modules;
            #endif

            #if (nginx_version < 1009011)
                ngx_log_error(NGX_LOG_NOTICE, cf->log, 0, "first module: %s", ngx_modules[0]->name);
            #endif

                ngx_log_error(NGX_LOG_NOTICE, cf->log, 0, "walking ngx_modules");

                return modules[0] ? NGX_CONF_OK : NGX_CONF_ERROR;
            }

            """),
        RuleExample.CSource("no cycle in scope, and code under a feature test", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            ngx_int_t
            ngx_http_example_handler(ngx_http_request_t *r)
            {
                return [|ngx_modules|][0] != NULL ? NGX_DECLINED : NGX_ERROR;
            }

            ngx_int_t
            ngx_http_example_init(ngx_cycle_t *cycle)
            {
            #if (NGX_HTTP_SSL)
                if ([|ngx_modules|][0] == NULL) {
                    return NGX_ERROR;
                }
            #endif

                return NGX_OK;
            }

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterCSourceAction(Analyze);

    private static void Analyze(CSourceAnalysisContext context)
    {
        var source = context.Source;
        foreach (var use in LegacyModuleCode.Of(source, context.Module.Target).Uses.Where(u => u.Kind == LegacyKind.ModuleList))
        {
            var diagnostic = Diagnostic.Create(Rule, source.File.GetLocation(use.Span), use.Replacement, use.WhyNoFix is null ? string.Empty : $" (no fix here: {use.WhyNoFix})");
            context.Report(use.Fix is null ? diagnostic : diagnostic.WithFix(use.Fix));
        }
    }
}
