using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2202: a config assigns <c>ngx_module_link</c>. configure sets it before sourcing the config, to
/// <c>ADDON</c> or <c>DYNAMIC</c> from <c>--add-module</c> or <c>--add-dynamic-module</c>; a config that
/// sets it decides the link mode itself, so the other one silently builds the wrong thing.
/// </summary>
internal sealed class ConfigSetsModuleLink : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2202", "Config sets ngx_module_link", "the config sets `ngx_module_link`, which configure sets from --add-module or --add-dynamic-module; remove the assignment",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "configure sets ngx_module_link to ADDON or DYNAMIC before it sources a module's config, from the option that named the module. A config that assigns it overrides the user's choice: built with --add-dynamic-module, the module is linked into nginx, or the other way round.",
        RuleDocumentation.HelpLink("CC2202"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("forces a dynamic build", """
            ngx_addon_name=ngx_http_example_module
            [|ngx_module_link=DYNAMIC|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("forces a static build, as configure's other choice shows", """
            ngx_addon_name=ngx_http_example_module
            [|ngx_module_link=ADDON|]
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("sets it only where configure did not, before nginx 1.9.11", """
            ngx_addon_name=ngx_http_example_module
            if [ "$ngx_module_link" = "" ]; then
                ngx_module_link=NONE
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            else
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            fi

            """),
        RuleExample.Config("reads it only", RuleExample.MinimalConfig),
        RuleExample.Config("tests it", """
            ngx_addon_name=ngx_http_example_module
            if [ "$ngx_module_link" = DYNAMIC ]; then
                echo dynamic
            fi

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        // Only where configure set it: an nginx before 1.9.11 sets none, and a config may fill the gap for itself
        // (sergey-dryabzhinsky's nginx-rtmp-module, under `[ "$ngx_module_link" = "" ]`), which overrides nothing.
        if (context.Module.Module.Config is not { } tree
            || !ConfigScript.CurrentOutcomes(context.Module).Any(o => o.ChangesVariable(AutoModuleVariables.Link)))
        {
            return;
        }

        foreach (var assignment in tree.GetRoot().DescendantNodes().OfType<AssignmentSyntax>())
        {
            if (assignment.Name.Text == AutoModuleVariables.Link)
            {
                context.Report(Diagnostic.Create(Rule, tree.GetLocation(assignment)));
            }
        }
    }
}
