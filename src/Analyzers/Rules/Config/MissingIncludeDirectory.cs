using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>CC2221: an include directory the config lists (<c>ngx_module_incs</c>, <c>CORE_INCS</c>) is not in the module directory.</summary>
internal sealed class MissingIncludeDirectory : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2221", "Include directory missing", "the include directory `{0}` does not exist in the module directory; its headers are not found",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "ngx_module_incs (or CORE_INCS) becomes -I options of every object nginx compiles. The compiler says nothing about a directory that is not there; the module's #include lines then fail, or find another copy of the header somewhere else on the path.",
        RuleDocumentation.HelpLink("CC2221"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("an include directory moved away", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_incs="$ngx_addon_dir/src [|$ngx_addon_dir/include|]"
            ngx_module_srcs="$ngx_addon_dir/src/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("src/ngx_http_example_module.c", "int example;\n")),
        RuleExample.Config("old style CORE_INCS", """
            ngx_addon_name=ngx_http_example_module
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            CORE_INCS="$CORE_INCS [|$ngx_addon_dir/deps/yaml/include|]"

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n")),
        RuleExample.Config("the module directory itself and the system's", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_incs="$ngx_addon_dir $ngx_addon_dir/src /usr/include/yaml"
            ngx_module_srcs="$ngx_addon_dir/src/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("src/ngx_http_example_module.c", "int example;\n")),
    ];

    public override void Initialize(AnalysisContext context)
        => context.RegisterModuleAction(c => ModulePaths.ReportMissing(c, Rule, o => o.Incs, Directory.Exists));
}
