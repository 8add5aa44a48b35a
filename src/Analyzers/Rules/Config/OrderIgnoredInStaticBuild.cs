using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2209: an <c>ngx_module_order</c> that only a static build reads. auto/module writes the order into
/// the <c>.so</c> for <c>ngx_module_link=DYNAMIC</c> and ignores it for <c>ADDON</c>, where the order is
/// the order of configure's type lists. An order given to a call that only <c>--add-module</c> reaches
/// does nothing: the filter runs where its type puts it.
/// </summary>
internal sealed class OrderIgnoredInStaticBuild : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2209", "ngx_module_order ignored", "`ngx_module_order` is given to a `. auto/module` that only a static build (--add-module) reaches, and auto/module ignores it there: the module takes its place in the `{0}` list",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "auto/module honours ngx_module_order only when ngx_module_link is DYNAMIC, where it is written into the .so's ngx_module_order[]. For ADDON it appends the names to the type's list and never reads the order: a static build orders modules by the type lists and by the position in them.",
        RuleDocumentation.HelpLink("CC2209"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("order in the static branch", """
            ngx_addon_name=ngx_http_example_filter_module
            ngx_module_type=HTTP_FILTER
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            if [ "$ngx_module_link" = ADDON ]; then
                [|ngx_module_order="ngx_http_example_filter_module ngx_http_ssi_filter_module"|]
            fi
            . auto/module

            """),
        RuleExample.Config("one branch per link mode, the order on the static one", """
            ngx_addon_name=ngx_http_example_filter_module
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_type=HTTP_FILTER
                . auto/module
            elif [ "$ngx_module_link" = ADDON ]; then
                ngx_module_type=HTTP_FILTER
                [|ngx_module_order="ngx_http_example_filter_module ngx_http_copy_filter_module"|]
                . auto/module
            fi

            """),
        RuleExample.Config("order for both builds", """
            ngx_addon_name=ngx_http_example_filter_module
            ngx_module_type=HTTP_FILTER
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            ngx_module_order="ngx_http_example_filter_module ngx_http_ssi_filter_module"
            . auto/module

            """),
        RuleExample.Config("order only for the dynamic build", """
            ngx_addon_name=ngx_http_example_filter_module
            ngx_module_type=HTTP_FILTER
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_order="ngx_http_example_filter_module ngx_http_ssi_filter_module"
            fi
            . auto/module

            """),
        RuleExample.Config("no order", RuleExample.MinimalConfig),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        var tree = context.Module.Module.Config;
        if (tree is null)
        {
            return;
        }

        var honoured = context.Module.Describe(LinkMode.Dynamic).Outcomes.SelectMany(o => o.AutoModuleCalls)
            .Where(c => HasOrder(c)).Select(c => c.Location).OfType<Location>().ToHashSet();
        var ignored = context.Module.Describe(LinkMode.Addon).Outcomes.SelectMany(o => o.AutoModuleCalls)
            .Where(c => HasOrder(c) && c.Location is not null && !honoured.Contains(c.Location));
        var reported = new HashSet<Location>();
        foreach (var call in ignored)
        {
            var assignment = ConfigScript.LastAssignmentBefore(tree, AutoModuleVariables.Order, call.Location);
            var location = assignment is null ? call.Location! : tree.GetLocation(assignment);
            if (reported.Add(location))
            {
                var list = ModuleType.ModulesListOf(call.Type);
                context.Report(Diagnostic.Create(Rule, location, list));
            }
        }
    }

    private static bool HasOrder(AutoModuleCall call) => !string.IsNullOrWhiteSpace(call.Order);
}
