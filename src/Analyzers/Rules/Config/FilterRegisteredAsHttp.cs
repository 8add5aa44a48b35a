using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2225: the C code installs a filter (assigns <c>ngx_http_top_header_filter</c> or
/// <c>ngx_http_top_body_filter</c>) but the config registers the module as <c>HTTP</c>: in a dynamic build
/// it gets no <c>ngx_module_order</c>, and lands in the wrong place of the filter chain.
/// </summary>
internal sealed class FilterRegisteredAsHttp : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2225", "Filter registered as HTTP", "`{0}` installs a filter here, but the config registers it as `HTTP`; register it as HTTP_FILTER (or HTTP_AUX_FILTER), or it is put in the wrong place of the filter chain",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "A filter's place in the chain is decided by the order modules are initialized: HTTP_FILTER_MODULES come in their own part of the list, and a dynamic filter gets an ngx_module_order that puts it before ngx_http_copy_filter_module. Registered as HTTP, the filter is initialized with the handler modules: after the built-in filters statically, at the end of the list dynamically, so it sees the body after gzip, or not at all.",
        RuleDocumentation.HelpLink("CC2225"));

    private static readonly string[] FilterHeads = ["ngx_http_top_header_filter", "ngx_http_top_body_filter"];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("a body filter registered as HTTP", ConfigOf("HTTP"), new ExampleFile("ngx_http_example_filter_module.c", Filter("[|ngx_http_top_body_filter|]"))),
        RuleExample.Config("old style, in HTTP_MODULES", """
            ngx_addon_name=ngx_http_example_filter_module
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_filter_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_filter_module.c"

            """, new ExampleFile("ngx_http_example_filter_module.c", Filter("[|ngx_http_top_body_filter|]"))),
        RuleExample.Config("registered as HTTP_FILTER", ConfigOf("HTTP_FILTER"), new ExampleFile("ngx_http_example_filter_module.c", Filter("ngx_http_top_body_filter"))),
        RuleExample.Config("registered as HTTP_AUX_FILTER", ConfigOf("HTTP_AUX_FILTER"), new ExampleFile("ngx_http_example_filter_module.c", Filter("ngx_http_top_body_filter"))),
        RuleExample.Config("the filter head split by a backslash-newline", ConfigOf("HTTP"), new ExampleFile("ngx_http_example_filter_module.c", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>

            static ngx_int_t
            ngx_http_example_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
            {
                return NGX_OK;
            }

            static ngx_int_t
            ngx_http_example_init(ngx_conf_t *cf)
            {
                [|ngx_http_top_body_\
            filter|] = ngx_http_example_body_filter;
                return NGX_OK;
            }

            ngx_module_t  ngx_http_example_filter_module = {
                NGX_MODULE_V1, NULL, ngx_http_example_init, NGX_HTTP_MODULE,
                NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING
            };

            """)),
        RuleExample.Config("only compares the filter head", ConfigOf("HTTP"), new ExampleFile("ngx_http_example_filter_module.c", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>

            /* ngx_http_top_body_filter = ngx_http_example_body_filter; would need HTTP_FILTER */
            static ngx_int_t
            ngx_http_example_init(ngx_conf_t *cf)
            {
                return ngx_http_top_body_filter == NULL ? NGX_ERROR : NGX_OK;
            }

            ngx_module_t  ngx_http_example_filter_module = {
                NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,
                NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING
            };

            """)),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterCSourceAction(Analyze);

    private static string ConfigOf(string type) => $$"""
        ngx_addon_name=ngx_http_example_filter_module
        ngx_module_type={{type}}
        ngx_module_name=ngx_http_example_filter_module
        ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
        . auto/module

        """;

    private static string Filter(string bodyFilterHead) => $$"""
        #include <ngx_config.h>
        #include <ngx_core.h>
        #include <ngx_http.h>

        static ngx_http_output_body_filter_pt  ngx_http_next_body_filter;

        static ngx_int_t
        ngx_http_example_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
        {
            return ngx_http_next_body_filter(r, in);
        }

        static ngx_int_t
        ngx_http_example_init(ngx_conf_t *cf)
        {
            ngx_http_next_body_filter = ngx_http_top_body_filter;
            {{bodyFilterHead}} = ngx_http_example_body_filter;
            return NGX_OK;
        }

        ngx_module_t  ngx_http_example_filter_module = {
            NGX_MODULE_V1, NULL, ngx_http_example_init, NGX_HTTP_MODULE,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING
        };

        """;

    private static void Analyze(CSourceAnalysisContext context)
    {
        // The module the file belongs to and how the config registers it are asked first: a filter module
        // registered as one (nearly every one) is settled without the tokens of its main file, whose assignment
        // to the filter head is mostly at its end.
        var file = context.Source.File;
        if (!file.MayHaveIdentifierContaining(FilterHeads) || OwnerOf(context) is not { } module
            || !RegisteredTypes(context.Module, module).Contains(ModuleType.Http.Name))
        {
            return;
        }

        if (FindFilterAssignment(file) is var assignment && assignment >= 0)
        {
            context.Report(Diagnostic.Create(Rule, file.GetLocation(file.Tokens[assignment].Span), module));
        }
    }

    /// <summary>The index of the first filter head assigned with <c>=</c> in code that is compiled, or -1 (the text names a head: <see cref="Analyze"/>).</summary>
    private static int FindFilterAssignment(CSourceFile file)
    {
        for (var i = 0; i + 1 < file.Tokens.Length; i++)
        {
            if (file.Tokens[i].Kind == CTokenKind.Identifier && FilterHeads.Any(head => file.IsIdentifier(i, head)) && file.IsPunctuator(i + 1, '=') && file.GetCondition(i) != "0")
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The HTTP module defined in the same file, or the package's only HTTP module.</summary>
    private static string? OwnerOf(CSourceAnalysisContext context)
    {
        var http = context.Module.Module.Sources.Modules.Where(m => m.TypeConstant == "NGX_HTTP_MODULE").ToList();
        var own = http.Where(m => m.File == context.Source.RelativePath).ToList();
        return own.Count == 1 ? own[0].Name : own.Count == 0 && http.Count == 1 ? http[0].Name : null;
    }

    private static HashSet<string> RegisteredTypes(ModuleAnalysis module, string name)
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in new[] { LinkMode.Addon, LinkMode.Dynamic }.SelectMany(l => module.Describe(l).Outcomes))
        {
            types.UnionWith(outcome.Modules.Where(m => m.Name == name).Select(m => m.Type.Name));
            types.UnionWith(outcome.AutoModuleCalls.Where(c => c.Names.Contains(name)).Select(c => c.Type));
        }

        return types;
    }
}
