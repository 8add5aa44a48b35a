using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2208: a new-style config that nginx before 1.9.11 cannot configure: it calls <c>. auto/module</c>
/// on the path such an nginx takes (no <c>ngx_module_link</c>), where the script does not exist and
/// configure stops. Real modules keep their old-style text in the else branch of
/// <c>if test -n "$ngx_module_link"</c>. A note by default: no supported distribution ships such an
/// old nginx, and many maintained modules have dropped the branch (see docs/rules/CC2208.md).
/// </summary>
internal sealed class NoLegacyBranch : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2208", "No branch for nginx before 1.9.11", "nginx before 1.9.11 has no auto/module and sets no `ngx_module_link`; there configure stops at this line. Keep the old-style registration in the else branch of `if test -n \"$ngx_module_link\"` if the module is still built against such an nginx",
        RuleCategories.Config, DiagnosticSeverity.Info,
        "auto/module appeared in nginx 1.9.11 (February 2016). A config that calls it unconditionally cannot be configured with an older nginx: `. auto/module` fails and configure stops. The usual guard tests $ngx_module_link, which older configure never sets, and keeps the old-style text in the else branch.",
        RuleDocumentation.HelpLink("CC2208"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("new style only", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            [|. auto/module|]

            """),
        RuleExample.Config("a branch per link mode, none for old nginx", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c $ngx_addon_dir/ngx_http_example_static.c"
                [|. auto/module|]
            fi

            """),
        RuleExample.Config("with the old-style branch", RuleExample.MinimalConfig),
        RuleExample.Config("the branch tests the link mode by name", """
            ngx_addon_name=ngx_http_example_module
            if [ "$ngx_module_link" = DYNAMIC ] || [ "$ngx_module_link" = ADDON ]; then
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            fi

            """),
        RuleExample.Config("old style", """
            ngx_addon_name=ngx_http_example_module
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        var calls = ConfigScript.CurrentOutcomes(context.Module).SelectMany(o => o.AutoModuleCalls).Select(c => c.Location).OfType<Location>().ToHashSet();
        var stops = context.Module.Describe(LinkMode.Legacy).Diagnostics
            .Where(d => d.Descriptor == ModelDiagnostics.SourcedFileMissing && calls.Contains(d.Location))
            .Select(d => d.Location)
            .Distinct();
        foreach (var location in stops)
        {
            context.Report(Diagnostic.Create(Rule, location));
        }
    }
}
