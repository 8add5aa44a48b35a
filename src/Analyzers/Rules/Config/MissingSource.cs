using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>CC2220: a source the config lists (<c>ngx_module_srcs</c>, <c>NGX_ADDON_SRCS</c>) is not in the module directory.</summary>
internal sealed class MissingSource : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2220", "Source file missing", "the source `{0}` does not exist in the module directory; make stops with `No rule to make target`",
        RuleCategories.Config, DiagnosticSeverity.Error,
        "Every source in ngx_module_srcs (or NGX_ADDON_SRCS) becomes a make target of nginx's objs/Makefile. A file that is not there stops the build, static or dynamic, after configure has succeeded.",
        RuleDocumentation.HelpLink("CC2220"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("a renamed source", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c [|$ngx_addon_dir/ngx_http_example_util.c|]"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n"), new ExampleFile("ngx_http_example_utils.c", "int utils;\n")),
        RuleExample.Config("old style, through a variable", """
            ngx_addon_name=ngx_http_example_module
            EXAMPLE_SRC_DIR=$ngx_addon_dir/src
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS [|$EXAMPLE_SRC_DIR/ngx_http_example_module.c|]"

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n")),
        RuleExample.Config("every source there", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/src/ngx_http_example_module.c $ngx_addon_dir/src/*.c"
            . auto/module

            """, new ExampleFile("src/ngx_http_example_module.c", "int example;\n")),
        RuleExample.Config("sources outside the module", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c $LUAJIT_SRC/lj_api.c `ls $ngx_addon_dir/gen/*.c`"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n")),
    ];

    public override void Initialize(AnalysisContext context)
        => context.RegisterModuleAction(c => ModulePaths.ReportMissing(c, Rule, o => o.Sources, File.Exists));
}
