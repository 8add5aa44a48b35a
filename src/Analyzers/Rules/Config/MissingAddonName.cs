using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2205: the config never sets <c>ngx_addon_name</c>. configure does not clear it between modules,
/// so it prints the previous module's name (" + ngx_foo_module was configured"), and a config that reads
/// <c>$ngx_addon_name</c> gets that other module's name.
/// </summary>
internal sealed class MissingAddonName : ModuleAnalyzer
{
    private const string AddonName = "ngx_addon_name";

    public static readonly DiagnosticDescriptor Rule = new(
        "CC2205", "No ngx_addon_name", "the config does not set `ngx_addon_name`; configure prints the name of the module configured before this one, or nothing",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "configure prints \" + $ngx_addon_name was configured\" after sourcing each module's config, and never clears the variable between modules. Without it the output names another module, and any use of $ngx_addon_name in the config reads that other module's name.",
        RuleDocumentation.HelpLink("CC2205"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("new style without it", """
            [||]ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("old style without it", """
            [||]# an example module
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"

            """),
        RuleExample.Config("set only in one branch", """
            [||]if test -n "$ngx_module_link"; then
                ngx_addon_name=ngx_http_example_module
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            fi

            """),
        RuleExample.Config("set", RuleExample.MinimalConfig),
        RuleExample.Config("set from the module name", """
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            ngx_addon_name=$ngx_module_name
            . auto/module

            """),
        RuleExample.Config("set by a sourced file", """
            . $ngx_addon_dir/names.sh
            HTTP_MODULES="$HTTP_MODULES $ngx_addon_name"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"

            """,
            new ExampleFile("names.sh", "ngx_addon_name=ngx_http_example_module\n")),
        RuleExample.Config("stops configure before it matters", """
            echo "the example module needs nginx 1.9.11 or later" >&2
            exit 1

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        var tree = context.Module.Module.Config;
        var outcomes = ConfigScript.CurrentOutcomes(context.Module).Concat(context.Module.Describe(LinkMode.Legacy).Outcomes);
        if (tree is not null && outcomes.Any(o => !o.Exited && !o.ChangesVariable(AddonName)))
        {
            // Nothing in the file is wrong, the whole file lacks a line: the start of the file.
            context.Report(Diagnostic.Create(Rule, Location.Create(tree.FilePath, tree.Text, new TextSpan(0, 0))));
        }
    }
}
