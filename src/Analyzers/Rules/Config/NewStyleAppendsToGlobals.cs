using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Converter.Registrations;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2206: on the path that calls <c>. auto/module</c>, the config still appends to <c>CORE_LIBS</c>
/// or <c>NGX_ADDON_SRCS</c> itself. With <c>--add-dynamic-module</c> those lists build the nginx binary,
/// not the module's <c>.so</c>: a source or a library put there is missing from the module, which then
/// fails to load with an undefined symbol.
/// </summary>
/// <remarks>
/// <para>
/// <c>CORE_INCS</c> is not one of them: auto/module itself puts a dynamic module's <c>ngx_module_incs</c>
/// there, and every object, the module's included, is compiled with it (<c>ALL_INCS</c>).
/// </para>
/// <para>
/// The model says which words each outcome added to these lists and where they were written; an
/// assignment to the list itself that wrote a word added in an outcome that calls auto/module is a
/// finding. auto/module's own additions (from <c>ngx_module_*</c>) were written elsewhere, so they are not.
/// </para>
/// </remarks>
internal sealed class NewStyleAppendsToGlobals : ModuleAnalyzer
{
    /// <summary>Each list, and the auto/module variable that says the same for the module alone.</summary>
    private static readonly ImmutableDictionary<string, string> Replacements = new Dictionary<string, string>
    {
        [ConfigureLists.CoreLibs] = AutoModuleVariables.Libs,
        [ConfigureLists.AddonSources] = AutoModuleVariables.Sources,
    }.ToImmutableDictionary();

    public static readonly DiagnosticDescriptor Rule = new(
        "CC2206", "New-style path appends to configure's lists", "this path calls `. auto/module` but appends to `{0}` itself; with --add-dynamic-module that builds nginx, not the module's .so: put the words in `{1}`",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "auto/module sends ngx_module_srcs and ngx_module_libs where the link mode needs them: into nginx for --add-module, into the .so for --add-dynamic-module. NGX_ADDON_SRCS and CORE_LIBS always build the nginx binary, so a dynamic module that relies on them misses code or libraries and fails to load.",
        RuleDocumentation.HelpLink("CC2206"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("links a library through CORE_LIBS", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            [|CORE_LIBS="$CORE_LIBS -lm"|]
            . auto/module

            """),
        RuleExample.Config("a source through NGX_ADDON_SRCS, inside the new branch", """
            ngx_addon_name=ngx_http_example_module
            if test -n "$ngx_module_link"; then
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
                [|NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_util.c"|]
            else
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c $ngx_addon_dir/ngx_http_example_util.c"
            fi

            """),
        RuleExample.Config("include dirs in CORE_INCS, where auto/module puts a dynamic module's own", """
            ngx_addon_name=ngx_http_example_module
            CORE_INCS="$CORE_INCS $ngx_addon_dir/include"
            if test -n "$ngx_module_link"; then
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            fi

            """),
        RuleExample.Config("the new path uses ngx_module_*", """
            ngx_addon_name=ngx_http_example_module
            if test -n "$ngx_module_link"; then
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_incs="$ngx_addon_dir/include"
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                ngx_module_libs=-lm
                . auto/module
            else
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                CORE_INCS="$CORE_INCS $ngx_addon_dir/include"
                CORE_LIBS="$CORE_LIBS -lm"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            fi

            """),
        RuleExample.Config("nginx itself linked to export its symbols, as the converter keeps it", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            CORE_LIBS="-Wl,-E $CORE_LIBS"
            . auto/module

            """),
        RuleExample.Config("a path only the static build takes", """
            ngx_addon_name=ngx_http_example_module
            if [ $ngx_module_link = DYNAMIC ]; then
                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c $ngx_addon_dir/ngx_http_example_util.c"
                . auto/module
            elif [ $ngx_module_link = ADDON ]; then
                HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
                NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_util.c"
                . auto/module
            fi

            """),
        RuleExample.Config("old style only", """
            ngx_addon_name=ngx_http_example_module
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            CORE_LIBS="$CORE_LIBS -lm"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"

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

        // Only what a dynamic build does: a path that --add-module alone takes (mod_zip's, under
        // `[ $ngx_module_link = ADDON ]`) builds nginx with the module, where these lists are right.
        var added = context.Module.Describe(LinkMode.Dynamic).Outcomes
            .Where(o => !o.AutoModuleCalls.IsEmpty)
            .SelectMany(o => o.Sources.Concat(o.Libs))
            .Where(f => Replacements.ContainsKey(f.Variable))
            .ToList();
        var assigned = NginxBuildChange.AssignedNames(tree);
        foreach (var (list, replacement) in Replacements)
        {
            // A change to nginx's own build (linker flags put before nginx's, `-Wl,-E`) belongs in CORE_LIBS: the
            // converter keeps such a line where it is (CC3013), and ngx_module_libs would not change nginx's link.
            foreach (var assignment in ConfigScript.Assignments(tree, list).Where(a => NginxBuildChange.Classify(a, assigned) is null))
            {
                // The assignment's location once, not once per word added: the words of 64 worlds are thousands.
                var location = tree.GetLocation(assignment);
                if (added.Any(f => f.Variable == list && location.Contains(f.Location)))
                {
                    context.Report(Diagnostic.Create(Rule, location, list, replacement));
                }
            }
        }
    }
}
