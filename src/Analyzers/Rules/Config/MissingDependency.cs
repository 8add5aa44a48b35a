using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>CC2222: a dependency the config lists (<c>ngx_module_deps</c>, <c>NGX_ADDON_DEPS</c>) is not in the module directory.</summary>
internal sealed class MissingDependency : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2222", "Dependency missing", "the dependency `{0}` does not exist in the module directory; make stops with `No rule to make target`",
        RuleCategories.Config, DiagnosticSeverity.Error,
        "Every header in ngx_module_deps (or NGX_ADDON_DEPS) is a prerequisite of the module's objects in objs/Makefile. A file that is not there stops make, static or dynamic, after configure has succeeded.",
        RuleDocumentation.HelpLink("CC2222"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("a header that was renamed", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_deps="$ngx_addon_dir/ngx_http_example_module.h [|$ngx_addon_dir/ngx_http_example_ctx.h|]"
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n"), new ExampleFile("ngx_http_example_module.h", "extern int example;\n")),
        RuleExample.Config("old style NGX_ADDON_DEPS", """
            ngx_addon_name=ngx_http_example_module
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"
            NGX_ADDON_DEPS="$NGX_ADDON_DEPS [|${ngx_addon_dir}/ngx_http_example.h|]"

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n")),
        RuleExample.Config("a header the config writes itself", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_deps="$ngx_addon_dir/ngx_http_example_autoconf.h"
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module
            echo "/* written by config */" > "$ngx_addon_dir/ngx_http_example_autoconf.h"

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n")),
        RuleExample.Config("headers that are there", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_deps="$ngx_addon_dir/ngx_http_example_module.h"
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", "int example;\n"), new ExampleFile("ngx_http_example_module.h", "extern int example;\n")),
    ];

    public override void Initialize(AnalysisContext context)
        => context.RegisterModuleAction(c => ModulePaths.ReportMissing(c, Rule, o => o.Deps, File.Exists));
}
