using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Rules.CSources.Analysis;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.CSources;

/// <summary>
/// CC4002: a loop sets <c>ctx_index</c> by counting the modules of a type by hand. Since nginx 1.9.11,
/// <c>ngx_count_modules(cycle, TYPE)</c> does it over the cycle's modules and keeps each module's index
/// across reloads, which dynamic modules need.
/// </summary>
internal sealed class ModuleCountingLoop : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC4002", "Hand-counted ctx_index", "the loop numbers the {0} modules' ctx_index by hand, which skips dynamic modules and renumbers them on reload; use `{1} = ngx_count_modules(cycle, {0});`{2}",
        RuleCategories.CSources, DiagnosticSeverity.Warning,
        "A module type of a module's own (NGX_RTMP_MODULE, ...) gives each module of the type a ctx_index. Before nginx 1.9.11 a loop over ngx_modules counted them; since then ngx_count_modules(cycle, type) must, because it sees dynamic modules and keeps the index a module had in the previous cycle, so configurations kept across a reload still match.",
        RuleDocumentation.HelpLink("CC4002"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.CSource("the classic loop of a module type of its own", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            #define NGX_EXAMPLE_MODULE  0x4C504D58

            ngx_uint_t  ngx_example_max_module;

            char *
            ngx_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                ngx_uint_t  m;

                /* count the example modules and set up their indices */

                ngx_example_max_module = 0;
                [|for (m = 0; ngx_modules[m]; m++)|] {
                    if (ngx_modules[m]->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    ngx_modules[m]->ctx_index = ngx_example_max_module++;
                }

                for (m = 0; cf->cycle->modules[m]; m++) {
                    /* each example module's configuration is created here */
                }

                return NGX_CONF_OK;
            }

            """) with
        {
            Fixed = [new ExampleFile("ngx_http_example_module.c", """
                #include <ngx_config.h>
                #include <ngx_core.h>
                #include <ngx_http.h>


                #define NGX_EXAMPLE_MODULE  0x4C504D58

                ngx_uint_t  ngx_example_max_module;

                char *
                ngx_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
                {
                    ngx_uint_t  m;

                    /* count the example modules and set up their indices */

                #if (nginx_version >= 1009011)
                    ngx_example_max_module = ngx_count_modules(cf->cycle, NGX_EXAMPLE_MODULE);
                #else
                    ngx_example_max_module = 0;
                    for (m = 0; ngx_modules[m]; m++) {
                        if (ngx_modules[m]->type != NGX_EXAMPLE_MODULE) {
                            continue;
                        }

                        ngx_modules[m]->ctx_index = ngx_example_max_module++;
                    }
                #endif

                    for (m = 0; cf->cycle->modules[m]; m++) {
                        /* each example module's configuration is created here */
                    }

                    return NGX_CONF_OK;
                }

                """)],
        },
        RuleExample.CSource("counts only the modules of the type, through a local", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            #define NGX_EXAMPLE_MODULE  0x4C504D58

            ngx_uint_t  ngx_example_max_module;

            ngx_int_t
            ngx_example_init(ngx_cycle_t *cycle)
            {
                ngx_uint_t     m;
                ngx_module_t  *module;

                [|for (m = 0; cycle->modules[m]; m++)|] {
                    module = cycle->modules[m];
                    if (module->type == NGX_EXAMPLE_MODULE)
                        module->ctx_index = ngx_example_max_module++;
                }

                for (m = 0; cycle->modules[m]; m++) {
                    module = cycle->modules[m];
                    if (module->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    /* each example module's configuration is created here */
                }

                return NGX_OK;
            }

            """) with
        {
            Fixed = [new ExampleFile("ngx_http_example_module.c", """
                #include <ngx_config.h>
                #include <ngx_core.h>
                #include <ngx_http.h>


                #define NGX_EXAMPLE_MODULE  0x4C504D58

                ngx_uint_t  ngx_example_max_module;

                ngx_int_t
                ngx_example_init(ngx_cycle_t *cycle)
                {
                    ngx_uint_t     m;
                    ngx_module_t  *module;

                #if (nginx_version >= 1009011)
                    ngx_example_max_module = ngx_count_modules(cycle, NGX_EXAMPLE_MODULE);
                #else
                    for (m = 0; cycle->modules[m]; m++) {
                        module = cycle->modules[m];
                        if (module->type == NGX_EXAMPLE_MODULE)
                            module->ctx_index = ngx_example_max_module++;
                    }
                #endif

                    for (m = 0; cycle->modules[m]; m++) {
                        module = cycle->modules[m];
                        if (module->type != NGX_EXAMPLE_MODULE) {
                            continue;
                        }

                        /* each example module's configuration is created here */
                    }

                    return NGX_OK;
                }

                """)],
        },
        RuleExample.CSource("a loop that does more than count", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            #define NGX_EXAMPLE_MODULE  0x4C504D58

            ngx_uint_t  ngx_example_max_module;

            char *
            ngx_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                ngx_uint_t  m;

                ngx_example_max_module = 0;
                [|for (m = 0; ngx_modules[m]; m++)|] {
                    if (ngx_modules[m]->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    ngx_modules[m]->ctx_index = ngx_example_max_module++;
                    ngx_log_error(NGX_LOG_DEBUG, cf->log, 0, "module %ui", m);
                }

                return NGX_CONF_OK;
            }

            """),
        RuleExample.CSource("a local that only the loop reads", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            #define NGX_EXAMPLE_MODULE  0x4C504D58

            ngx_uint_t  ngx_example_max_module;

            ngx_int_t
            ngx_example_init(ngx_cycle_t *cycle)
            {
                ngx_uint_t      m;
                ngx_module_t  **modules, *module;

                modules = cycle->modules;

                ngx_example_max_module = 0;
                [|for (m = 0; modules[m]; m++)|] {
                    module = modules[m];
                    if (module->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    module->ctx_index = ngx_example_max_module++;
                }

                for (m = 0; modules[m]; m++) {
                    /* each example module's configuration is created here */
                }

                return NGX_OK;
            }

            """),
        RuleExample.CSource("the loop kept for old nginx, and a loop that only reads ctx_index", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>


            #define NGX_EXAMPLE_MODULE  0x4C504D58

            ngx_uint_t  ngx_example_max_module;

            char *
            ngx_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                ngx_uint_t  m;

            #if (nginx_version >= 1009011)

                ngx_example_max_module = ngx_count_modules(cf->cycle, NGX_EXAMPLE_MODULE);

            #else

                /* for (m = 0; ngx_modules[m]; m++) ngx_modules[m]->ctx_index = n++; */
                ngx_example_max_module = 0;
                for (m = 0; ngx_modules[m]; m++) {
                    if (ngx_modules[m]->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    ngx_modules[m]->ctx_index = ngx_example_max_module++;
                }

            #endif

                for (m = 0; cf->cycle->modules[m]; m++) {
                    if (cf->cycle->modules[m]->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    ngx_log_error(NGX_LOG_DEBUG, cf->log, 0, "ctx_index %ui", cf->cycle->modules[m]->ctx_index);
                }

                return NGX_CONF_OK;
            }

            """),
        RuleExample.CSource("counter declared with its first value", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>

            #define NGX_EXAMPLE_MODULE  0x4C504D58

            ngx_uint_t
            ngx_example_count(ngx_conf_t *cf)
            {
                ngx_uint_t  i;
                ngx_uint_t  count = 0;

                [|for (i = 0; ngx_modules[i]; i++)|] {
                    if (ngx_modules[i]->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    ngx_modules[i]->ctx_index = count++;
                }

                for (i = 0; cf->cycle->modules[i]; i++) {
                    /* each example module's configuration is created here */
                }

                return count;
            }

            """) with
        {
            Fixed = [new ExampleFile("ngx_http_example_module.c", """
                #include <ngx_config.h>
                #include <ngx_core.h>
                #include <ngx_http.h>

                #define NGX_EXAMPLE_MODULE  0x4C504D58

                ngx_uint_t
                ngx_example_count(ngx_conf_t *cf)
                {
                    ngx_uint_t  i;
                    ngx_uint_t  count = 0;

                #if (nginx_version >= 1009011)
                    count = ngx_count_modules(cf->cycle, NGX_EXAMPLE_MODULE);
                #else
                    for (i = 0; ngx_modules[i]; i++) {
                        if (ngx_modules[i]->type != NGX_EXAMPLE_MODULE) {
                            continue;
                        }

                        ngx_modules[i]->ctx_index = count++;
                    }
                #endif

                    for (i = 0; cf->cycle->modules[i]; i++) {
                        /* each example module's configuration is created here */
                    }

                    return count;
                }

                """)],
        },
        RuleExample.CSource("guarded by a macro the file defines for new nginx", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>

            #define NGX_EXAMPLE_MODULE  0x4C504D58

            #if nginx_version >= 1009011
            #define NGX_EXAMPLE_DYNAMIC_MODULES  1
            #endif

            ngx_uint_t
            ngx_example_count(ngx_conf_t *cf)
            {
            #if defined(NGX_EXAMPLE_DYNAMIC_MODULES)
                return ngx_count_modules(cf->cycle, NGX_EXAMPLE_MODULE);
            #else
                ngx_uint_t  i;
                ngx_uint_t  count = 0;

                for (i = 0; ngx_modules[i]; i++) {
                    if (ngx_modules[i]->type != NGX_EXAMPLE_MODULE) {
                        continue;
                    }

                    ngx_modules[i]->ctx_index = count++;
                }

                return count;
            #endif
            }

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterCSourceAction(Analyze);

    private static void Analyze(CSourceAnalysisContext context)
    {
        var source = context.Source;
        foreach (var found in LegacyModuleCode.Of(source, context.Module.Target).Loops)
        {
            var why = found.WhyNoFix is null ? string.Empty : $" (no fix here: {found.WhyNoFix})";
            var diagnostic = Diagnostic.Create(Rule, source.File.GetLocation(found.Span), found.Loop.ModuleType ?? "counted", found.Loop.Counter, why);
            context.Report(found.Fix is null ? diagnostic : diagnostic.WithFix(found.Fix));
        }
    }
}
