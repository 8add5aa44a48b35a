using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2203: <c>. auto/module</c> is called with an <c>ngx_module_type</c> that is none of the types
/// auto/module knows (<see cref="ModuleType.All"/>). A static build appends the names to
/// <c>${ngx_module_type}_MODULES</c>, a list configure never reads, so the module is silently left out
/// of nginx; a dynamic build loses the default order of a filter.
/// </summary>
internal sealed class UnknownModuleType : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2203", "Unknown ngx_module_type", "{0} is not a module type auto/module knows ({1}); a static build puts the module in a list configure never reads, so nginx is built without it",
        RuleCategories.Config, DiagnosticSeverity.Error,
        "auto/module appends the module names to ${ngx_module_type}_MODULES for --add-module. Only the lists of the known types go into objs/ngx_modules.c: with any other type, configure succeeds and the module is not in nginx.",
        RuleDocumentation.HelpLink("CC2203"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("misspelt type", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=[|HTTP_FILTERS|]
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("lower case, quoted", """
            ngx_addon_name=ngx_http_example_module
            if test -n "$ngx_module_link"; then
                ngx_module_type=[|"http"|]
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            fi

            """),
        RuleExample.Config("the old list name as a type", """
            ngx_addon_name=ngx_stream_example_module
            ngx_module_type=[|STREAM_MODULES|]
            ngx_module_name=ngx_stream_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_stream_example_module.c"
            . auto/module

            """),
        RuleExample.Config("no type at all", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            [|. auto/module|]

            """),
        RuleExample.Config("a type from a variable", """
            ngx_addon_name=ngx_http_example_module
            example_type=HTTP_AUX_FILTER
            ngx_module_type=$example_type
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("no type on the dynamic path only", """
            ngx_addon_name=ngx_example
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_name="ngx_example_module ngx_http_example_module"
                ngx_module_srcs="$ngx_addon_dir/ngx_example_module.c $ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                ngx_module_type=CORE
                ngx_module_name=ngx_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_example_module.c"
                . auto/module
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            fi

            """),
        RuleExample.Config("a wrong type on the dynamic path", """
            ngx_addon_name=ngx_http_example_filter_module
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_type=[|HTTP_FILTRE|]
                . auto/module
            else
                ngx_module_type=HTTP_FILTER
                . auto/module
            fi

            """),
        RuleExample.Config("a static path that registers the module itself, then calls auto/module with nothing set", """
            ngx_addon_name=ngx_http_example_module
            if [ $ngx_module_link = DYNAMIC ]; then
                ngx_module_type=HTTP_FILTER
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            elif [ $ngx_module_link = ADDON ]; then
                HTTP_AUX_FILTER_MODULES="$HTTP_AUX_FILTER_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            fi

            """),
        RuleExample.Config("known type", RuleExample.MinimalConfig),
        RuleExample.Config("two calls of known types", """
            ngx_addon_name=ngx_example
            ngx_module_type=CORE
            ngx_module_name=ngx_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_example_module.c"
            . auto/module

            ngx_module_type=HTTP_FILTER
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            . auto/module

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        var tree = context.Module.Module.Config;
        if (tree is null)
        {
            return;
        }

        var known = string.Join(", ", ModuleType.All.Select(t => t.Name));
        // A dynamic build reads the type only for a filter's default order, so a call that only the
        // dynamic path makes may leave it empty (nginx-rtmp-module does); a wrong one is still a mistake.
        // A static call without module names puts none in a list configure never reads (mod_zip registers its module
        // itself, then calls auto/module with nothing set): nothing is left out of nginx. A dynamic call without names
        // is no such thing (auto/module reuses the last call's first name), so it stays.
        var staticCalls = context.Module.Describe(LinkMode.Addon).Outcomes.SelectMany(o => o.AutoModuleCalls).Where(c => !c.Names.IsEmpty);
        var dynamicCalls = context.Module.Describe(LinkMode.Dynamic).Outcomes.SelectMany(o => o.AutoModuleCalls).Where(c => c.Type.Length > 0);
        var calls = staticCalls.Concat(dynamicCalls)
            .Where(c => ModuleType.FromName(c.Type) is null && c.Location is not null)
            .DistinctBy(c => (c.Location, c.Type));
        var reported = new HashSet<Location>();
        foreach (var call in calls)
        {
            var assignment = ConfigScript.LastAssignmentBefore(tree, AutoModuleVariables.Type, call.Location);
            var location = assignment?.Value is { } value ? tree.GetLocation(value) : call.Location!;
            var shown = call.Type.Length == 0 ? "an empty `ngx_module_type`" : $"`{call.Type}`";
            if (reported.Add(location))
            {
                context.Report(Diagnostic.Create(Rule, location, shown, known));
            }
        }
    }
}
