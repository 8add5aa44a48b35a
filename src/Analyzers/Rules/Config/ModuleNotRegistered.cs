using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2224: a C source the config compiles defines a module (<c>ngx_module_t NAME</c>) that the config
/// registers under no link mode: nginx never initializes it, and its directives are unknown.
/// </summary>
internal sealed class ModuleNotRegistered : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2224", "Defined module not registered", "`{0}` is defined here, but the config registers it in no module list; nginx never runs it and its directives are unknown",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "Only the modules named in configure's lists (ngx_module_name, or HTTP_MODULES and the like) are listed in objs/ngx_modules.c or the .so's module list. A module defined in a compiled source but never registered is dead code: its directives are refused as unknown, its handlers never run.",
        RuleDocumentation.HelpLink("CC2224"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("a filter forgotten in the config", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c $ngx_addon_dir/ngx_http_example_filter.c"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", Definition("ngx_http_example_module", "ngx_http_example_module")),
            new ExampleFile("ngx_http_example_filter.c", Definition("[|ngx_http_example_filter_module|]", "ngx_http_example_filter_module"))),
        RuleExample.Config("defined under a condition, registered by auto/module", """
            ngx_addon_name=ngx_http_example_module
            if test -n "$ngx_module_link"; then
                ngx_module_type=HTTP
                ngx_module_name="ngx_http_example_module ngx_http_example_ssl_module"
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            fi

            """, new ExampleFile("ngx_http_example_module.c", Definition("ngx_http_example_module", "ngx_http_example_module") + "#if (NGX_HTTP_SSL)\n" + Definition("ngx_http_example_ssl_module", "ngx_http_example_ssl_module") + "#endif\n")),
        RuleExample.Config("a test module that is not compiled", RuleExample.MinimalConfig,
            new ExampleFile("ngx_http_example_module.c", Definition("ngx_http_example_module", "ngx_http_example_module")),
            new ExampleFile("t/ngx_http_example_test_module.c", Definition("ngx_http_example_test_module", "ngx_http_example_test_module"))),
        RuleExample.Config("the config stops configure", """
            ngx_addon_name=ngx_http_example_module
            echo "$0: error: $ngx_addon_name needs nginx 1.25 or later"
            exit 1

            """, new ExampleFile("ngx_http_example_module.c", Definition("ngx_http_example_module", "ngx_http_example_module"))),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    /// <summary>A source defining one module; <paramref name="marked"/> is its name as written in the example (markers allowed).</summary>
    private static string Definition(string marked, string name) => $$"""
        #include <ngx_config.h>
        #include <ngx_core.h>
        #include <ngx_http.h>

        extern ngx_module_t  {{name}};

        ngx_module_t  {{marked}} = {
            NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING
        };

        """;

    private static void Analyze(ModuleAnalysisContext context)
    {
        var registrations = context.Module.GetAnalysis(ModuleRegistrations.Of);
        if (!registrations.NamesKnown)
        {
            return;
        }

        var registered = registrations.Names.Select(n => n.Name).ToHashSet(StringComparer.Ordinal);
        var sources = context.Module.Module.Sources;
        foreach (var definition in sources.Modules.Where(d => !registered.Contains(d.Name) && d.Condition != "0"))
        {
            if (IsCompiled(sources, registrations.CompiledFiles, definition.File))
            {
                context.Report(Diagnostic.Create(Rule, ModuleRegistrations.DefinitionLocation(context.Module, definition), definition.Name));
            }
        }
    }

    /// <summary>A source the config lists, or a header that one of them includes.</summary>
    private static bool IsCompiled(CSourceIndex sources, IReadOnlySet<string> compiled, string file)
    {
        if (compiled.Contains(file))
        {
            return true;
        }

        var header = Path.GetFileName(file);
        return SourceFileNames.IsHeader(file) && compiled.Select(sources.GetFile).OfType<CSourceFile>().Any(source => Includes(source, header));
    }

    private static bool Includes(CSourceFile source, string header)
        => source.Tokens.Any(t => t.Kind == CTokenKind.Directive && source.GetDirective(t) is { Name: "include" } directive
            && directive.GetBodyText().Contains(header, StringComparison.Ordinal));
}
