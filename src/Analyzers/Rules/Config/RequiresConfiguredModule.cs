using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2226: the config stops configure unless another module is in configure's lists already
/// (<c>echo $HTTP_MODULES | grep ndk_http_module || exit 1</c>). Built as dynamic modules, that module's
/// <c>.so</c> must also be loaded before this one's, or <c>dlopen()</c> fails on its symbols. What counts
/// as such a check is the model's (<see cref="ModuleListCheck"/>), which explores both answers to it.
/// </summary>
internal sealed class RequiresConfiguredModule : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2226", "Requires another module", "the config requires `{0}` to be configured first: build it too, and load its .so before this module's (load_module order), or dlopen() fails on its symbols",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "The config stops configure unless another module is already in configure's module lists, because its C code calls that module's functions (ngx_devel_kit's ndk_* is the usual case). configure must see that module first (--add-module or --add-dynamic-module before this one), and nginx must load its .so first: a .so whose symbols are not yet loaded fails dlopen() with an undefined symbol.",
        RuleDocumentation.HelpLink("CC2226"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("grep or exit", """
            [|echo $HTTP_MODULES | grep ndk_http_module > /dev/null|] || exit 1
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            """),
        RuleExample.Config("if not grep, then exit", """
            ngx_addon_name=ngx_http_example_module
            if [|! echo "$HTTP_MODULES" | grep -q "ndk_http_module"|]; then
                echo "$0: error: $ngx_addon_name requires ngx_devel_kit, add it before this module"
                exit 1
            fi

            """),
        RuleExample.Config("if grep, else exit", """
            ngx_addon_name=ngx_stream_example_module
            if [|echo "$STREAM_MODULES" | grep -w ngx_stream_lua_module >/dev/null 2>&1|]; then
                :
            else
                cat << END

            $0: error: the stream lua module must be added first

            END
                exit 1
            fi

            """),
        RuleExample.Config("case on the module list", """
            ngx_addon_name=ngx_http_example_module
            case "$HTTP_MODULES" in
                [|*ndk_http_module*|]) ;;
                *) echo "$0: error: ngx_devel_kit must come first"; exit 1 ;;
            esac

            """),
        RuleExample.Config("grep that only warns", """
            ngx_addon_name=ngx_http_example_module
            if ! echo "$HTTP_MODULES" | grep -q ndk_http_module; then
                echo "$0: warning: without ngx_devel_kit the set_misc directives are missing"
            fi

            """),
        RuleExample.Config("grep on its own sources", """
            ngx_addon_name=ngx_http_example_module
            grep NGX_HTTP_EXAMPLE $ngx_addon_dir/ngx_http_example_module.c > /dev/null || exit 1
            echo $CFLAGS | grep -q -- -Werror || CFLAGS="$CFLAGS -Werror"

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterConfigAction(Analyze);

    private static void Analyze(ConfigAnalysisContext context)
    {
        foreach (var node in context.Config.GetRoot().DescendantNodes())
        {
            var found = node switch
            {
                AndOrListSyntax list => FromAndOr(list),
                IfCommandSyntax command => FromIf(command),
                CaseCommandSyntax command => FromCase(command),
                _ => null,
            };
            if (found is { } check)
            {
                context.Report(Diagnostic.Create(Rule, context.Config.GetLocation(check.At), check.Module));
            }
        }
    }

    /// <summary><c>CHECK || exit 1</c>, or <c>! CHECK &amp;&amp; exit 1</c>.</summary>
    private static (SyntaxNode At, string Module)? FromAndOr(AndOrListSyntax list)
    {
        var elements = list.Elements;
        for (var i = 0; i + 2 < elements.Count; i += 2)
        {
            if (elements[i] is PipelineSyntax pipeline && ModuleListCheck.ModuleOf(pipeline) is { } module && elements[i + 2] is CommandSyntax next && Exits(next)
                && elements[i + 1].Kind == (pipeline.Bang is null ? SyntaxKind.BarBarToken : SyntaxKind.AmpersandAmpersandToken))
            {
                return (pipeline, module);
            }
        }

        return null;
    }

    /// <summary><c>if ! CHECK; then ... exit 1; fi</c>, or <c>if CHECK; then ...; else ... exit 1; fi</c>.</summary>
    private static (SyntaxNode At, string Module)? FromIf(IfCommandSyntax command)
    {
        if (command.Condition.Count == 0 || command.Condition[^1].Command is not PipelineSyntax pipeline || ModuleListCheck.ModuleOf(pipeline) is not { } module)
        {
            return null;
        }

        var thenExits = command.Statements.Any(Exits);
        var elseExits = command.ElseClauses.OfType<ElseClauseSyntax>().Any(e => e.Statements.Any(Exits));
        return (pipeline.Bang is null ? elseExits && !thenExits : thenExits) ? (pipeline, module) : null;
    }

    /// <summary><c>case "$HTTP_MODULES" in *NAME*) ;; *) ... exit 1;; esac</c>.</summary>
    private static (SyntaxNode At, string Module)? FromCase(CaseCommandSyntax command)
    {
        if (!ModuleListCheck.ReadsModuleList(command.Subject) || !command.Items.Any(i => i.PatternWords.Any(p => p.GetLiteralValue() == "*") && i.Statements.Any(Exits)))
        {
            return null;
        }

        foreach (var item in command.Items.Where(i => !i.Statements.Any(Exits)))
        {
            foreach (var pattern in item.PatternWords)
            {
                if (ModuleListCheck.ModuleOf(command, pattern) is { } module)
                {
                    return (pattern, module);
                }
            }
        }

        return null;
    }

    /// <summary>True when the command runs <c>exit</c> with a status other than 0 (or the failing one, with none).</summary>
    private static bool Exits(SyntaxNode node)
        => node.DescendantNodes().Prepend(node).OfType<SimpleCommandSyntax>().Any(c => c.CommandName?.GetLiteralValue() == "exit" && c.Words.Skip(1).FirstOrDefault()?.GetLiteralValue() != "0");
}
