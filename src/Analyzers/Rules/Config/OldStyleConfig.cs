using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Converter;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;
using ConfigConvert.ModuleModel;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2201: an old-style config, which registers its modules by appending to configure's lists, and so
/// cannot be built as a dynamic module. The fix is the converter's proven conversion, when there is one.
/// </summary>
internal sealed class OldStyleConfig : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2201", "Old-style config", "the config registers `{0}` by appending to {1}, so it cannot be built with --add-dynamic-module; {2}",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "Before nginx 1.9.11 a module's config appended its module names to configure's lists (HTTP_MODULES, ...) and its sources to NGX_ADDON_SRCS. Since 1.9.11 a config describes the module in ngx_module_* variables and sources auto/module, which builds it into nginx or as a .so, as the user chooses. Only the new style can be built as a dynamic module.",
        RuleDocumentation.HelpLink("CC2201"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        new RuleExample("appends to HTTP_MODULES", [new ExampleFile("config", """
            ngx_addon_name=ngx_http_example_module
            [|HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"|]
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"

            """)])
        {
            Fixed = [new ExampleFile("config", """
                ngx_addon_name=ngx_http_example_module
                if test -n "$ngx_module_link"; then
                    ngx_module_type=HTTP
                    ngx_module_name=ngx_http_example_module
                    ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"

                    . auto/module
                else
                    HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
                fi

                """)],
        },
        RuleExample.Config("new style already", RuleExample.MinimalConfig),
        RuleExample.Config("auto/module for a dynamic build only, the old text for a static one", """
            ngx_addon_name=ngx_http_example_filter_module
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_type=HTTP_FILTER
                ngx_module_name=ngx_http_example_filter_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
                ngx_module_order="ngx_http_example_filter_module ngx_http_copy_filter_module"
                . auto/module
            else
                HTTP_FILTER_MODULES="$HTTP_FILTER_MODULES ngx_http_example_filter_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_filter_module.c"
            fi

            """),
        RuleExample.Config("registers nothing", """
            ngx_addon_name=ngx_http_example_module
            CFLAGS="$CFLAGS -DEXAMPLE"

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        var description = context.Module.Describe(LinkMode.Addon);
        var registered = description.Outcomes.Where(o => o.AutoModuleCalls.IsEmpty).SelectMany(o => o.Modules).Where(m => m.Location is not null).ToList();
        // A config that calls auto/module for a dynamic build only (and keeps its old text for a static
        // one, as conversions that place a filter do) can be built as a dynamic module: not old style.
        if (registered.Count == 0 || description.Outcomes.Any(o => !o.AutoModuleCalls.IsEmpty)
            || context.Module.Describe(LinkMode.Dynamic).Outcomes.Any(o => !o.AutoModuleCalls.IsEmpty))
        {
            return;
        }

        var first = registered.OrderBy(m => m.Location!.Span.Start).First();
        var conversion = ConfigConverter.Convert(context.Module.Module);
        var advice = conversion.Status == ConversionStatus.Converted
            ? "`ngx-convert convert` rewrites it (the fix)"
            : "`ngx-convert convert` says what stops a conversion";
        var diagnostic = Diagnostic.Create(Rule, LineOf(conversion.Original, first.Location!), first.Name, first.Type.ModulesList, advice);
        if (conversion is { Status: ConversionStatus.Converted, ConvertedText: { } converted })
        {
            var whole = new TextSpan(0, conversion.Original.Text.Length);
            diagnostic = diagnostic.WithFix(new Fix("convert to auto/module", [new TextChange(conversion.ConfigPath, whole, converted)]));
        }

        context.Report(diagnostic);
    }

    /// <summary>The whole line of the first registration: the name alone may be a fragment of a quoted word.</summary>
    private static Location LineOf(SourceText text, Location registration)
    {
        var start = text.Lines[registration.Start.Line - 1];
        var end = text.Text.IndexOf('\n', start) is var newline and >= 0 ? newline : text.Text.Length;
        return Location.Create(registration.Path, text, TextSpan.FromBounds(start, end));
    }
}
