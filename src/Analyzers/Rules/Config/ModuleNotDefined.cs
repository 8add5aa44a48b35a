using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2223: the config registers a module that no source (C or C++) of the module defines
/// (<c>ngx_module_t NAME = { ... };</c>): nginx does not link, or the <c>.so</c> fails to load.
/// </summary>
internal sealed partial class ModuleNotDefined : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2223", "Registered module not defined", "`{0}` is registered, but no source of the module defines `ngx_module_t {0}`; the build fails with an undefined reference, or the .so with an undefined symbol",
        RuleCategories.Config, DiagnosticSeverity.Error,
        "configure writes every registered module name into objs/ngx_modules.c (static) or the .so's module list (dynamic) as a reference to an ngx_module_t of that name. A name that no source defines, a typo or a module renamed in the C code, makes nginx fail to link, or dlopen() fail with an undefined symbol.",
        RuleDocumentation.HelpLink("CC2223"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("a typo in the name", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=[|ngx_http_exmaple_module|]
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", Source)),
        RuleExample.Config("old style, one of two names", """
            ngx_addon_name=ngx_http_example_module
            HTTP_MODULES="$HTTP_MODULES ngx_http_example_module"
            HTTP_FILTER_MODULES="$HTTP_FILTER_MODULES [|ngx_http_example_filter_module|]"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_example_module.c"

            """, new ExampleFile("ngx_http_example_module.c", Source)),
        RuleExample.Config("defined in a header, under a condition", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name="ngx_http_example_module ngx_http_example_ssl_module"
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", Source + "#include \"ngx_http_example_ssl.h\"\n"), new ExampleFile("ngx_http_example_ssl.h", """
                #if (NGX_HTTP_SSL)
                ngx_module_t  ngx_http_example_ssl_module = {
                    NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,
                    NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING
                };
                #endif

                """)),
        RuleExample.Config("defined by a macro that pastes the name: not a finding", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name="ngx_http_example_a_module ngx_http_example_b_module"
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """, new ExampleFile("ngx_http_example_module.c", """
                #include <ngx_config.h>
                #include <ngx_core.h>
                #include <ngx_http.h>

                #define ngx_http_example_module(n)                                 \
                    ngx_module_t  ngx_http_example_ ## n ## _module = {            \
                        NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,                \
                        NULL, NULL, NULL, NULL, NULL, NULL, NULL,                  \
                        NGX_MODULE_V1_PADDING                                      \
                    }

                ngx_http_example_module(a);
                ngx_http_example_module(b);

                """)),
        RuleExample.Config("defined in a C++ source: not a finding", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/src/ngx_http_example_module.cc"
            . auto/module

            """, new ExampleFile("src/ngx_http_example_module.cc", "extern \"C\" {\n" + Source + "}\n")),
        RuleExample.Config("sources outside the module", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$EXAMPLE_SRC/ngx_http_example_module.c"
            . auto/module

            """),
    ];

    private const string Source = """
        #include <ngx_config.h>
        #include <ngx_core.h>
        #include <ngx_http.h>

        ngx_module_t  ngx_http_example_module = {
            NGX_MODULE_V1, NULL, NULL, NGX_HTTP_MODULE,
            NULL, NULL, NULL, NULL, NULL, NULL, NULL, NGX_MODULE_V1_PADDING
        };

        """;

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        var registrations = context.Module.GetAnalysis(ModuleRegistrations.Of);
        if (!registrations.SourcesInside || !AllSourcesRead(context.Module.Module.Sources))
        {
            return;
        }

        var defined = context.Module.Module.Sources.Modules.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var undefined = registrations.Names.Where(n => ModuleRegistrations.IsName(n.Name) && !defined.Contains(n.Name)).ToList();
        if (undefined.Count == 0)
        {
            return;
        }

        // Only a name no definition was found for needs the macros read: most modules have none.
        var generated = GeneratedNames(context.Module.Module.Sources.SourceFiles).ToList();
        foreach (var (name, location) in undefined.Where(n => !generated.Any(g => g.IsMatch(n.Name))))
        {
            context.Report(Diagnostic.Create(Rule, location, name));
        }
    }

    /// <summary>
    /// False when a directory or a C file of the module could not be read (CC2102, CC2103, CC2105): the definition may
    /// be in it, and that is already said.
    /// </summary>
    private static bool AllSourcesRead(CSourceIndex sources) => !sources.Diagnostics.Any(d =>
        d.Descriptor == SourceDiagnostics.UnreadableDirectory || d.Descriptor == SourceDiagnostics.UnreadableFile || d.Descriptor == SourceDiagnostics.FileTooLarge);

    /// <summary>
    /// The names a function-like macro may define by pasting its arguments into them
    /// (<c>#define M(n) ngx_module_t ngx_x_ ## n ## _module = {...}</c>, then <c>M(a);</c>): the C index
    /// does not expand macros, so it cannot tell such a definition is missing, and the rule stays silent
    /// on the names the macro's pattern matches.
    /// </summary>
    private static IEnumerable<Regex> GeneratedNames(IEnumerable<CSourceFile> files)
        => files.Where(file => file.Contains(CModuleDefinitionFinder.ModuleType))
            .SelectMany(file => file.Tokens.Where(t => t.Kind == CTokenKind.Directive).Select(t => file.GetText(t)))
            .Select(text => PastedDefinition().Match(text.Replace("\\\n", " ", StringComparison.Ordinal)))
            .Where(match => match.Success)
            .Select(match => NamePattern(match.Groups["parameters"].Value, match.Groups["name"].Value));

    /// <summary>The name of the definition as a pattern: each parameter pasted into it stands for any identifier characters.</summary>
    private static Regex NamePattern(string parameters, string pastedName)
    {
        var names = parameters.Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var pieces = pastedName.Split("##", StringSplitOptions.TrimEntries).Select(p => names.Contains(p) ? "[A-Za-z0-9_]*" : Regex.Escape(p));
        return new Regex("^" + string.Concat(pieces) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    [GeneratedRegex(@"^\s*#\s*define\s+\w+\((?<parameters>[^)]*)\)[\s\S]*?\bngx_module_t\s+(?<name>\w+(?:\s*##\s*\w+)+)\s*=", RegexOptions.CultureInvariant)]
    private static partial Regex PastedDefinition();
}
