using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Rules.CSources.Analysis;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Analyzers.Rules.CSources;

/// <summary>
/// CC4004: the C code uses another module's API (ngx_devel_kit's <c>ndk_*</c>, ...) and the config never
/// names that module. Built as a <c>.so</c>, the module then fails <c>dlopen()</c> with an undefined
/// symbol unless the other module's <c>.so</c> was loaded first, and nothing tells the user so.
/// </summary>
internal sealed class UndeclaredModuleDependency : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC4004", "Undeclared module dependency", "`{0}` is {1}'s API, and the config does not mention `{2}`: built as a .so this module loads only after `{2}`'s .so (load_module it first), and a static build needs {1} added before it",
        RuleCategories.CSources, DiagnosticSeverity.Warning,
        "A module that calls another module's functions needs that module in the same nginx. Linked statically, configure must be given the other module first; built as a dynamic module, nginx's dlopen() of the .so fails with an undefined symbol unless the other module's .so was loaded by an earlier load_module. A config that names the other module (checks for it, or orders after it) shows the dependency; one that does not leaves users to find it in the error.",
        RuleDocumentation.HelpLink("CC4004"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.CSource("calls ngx_devel_kit and the config says nothing", """
            #include <ngx_config.h>
            #include <ngx_core.h>
            #include <ngx_http.h>
            #include <ndk.h>

            static ngx_int_t ngx_http_example_set_upper(ngx_http_request_t *r, ngx_str_t *res, ngx_http_variable_value_t *v);

            static ndk_set_var_t  ngx_http_example_filter = {
                NDK_SET_VAR_VALUE,
                (void *) ngx_http_example_set_upper,
                1,
                NULL
            };

            static char *
            ngx_http_example_set(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                return [|ndk_set_var_value|](cf, cmd, &ngx_http_example_filter);
            }

            static ngx_int_t
            ngx_http_example_set_upper(ngx_http_request_t *r, ngx_str_t *res, ngx_http_variable_value_t *v)
            {
                res->data = [|ndk_palloc_re|](res->len = v->len, r->pool);
                ndk_palloc_re(v->len, r->pool);
                return NGX_OK;
            }

            """),
        new RuleExample("the config checks for ngx_devel_kit", [
            new ExampleFile("config", """
                ngx_addon_name=ngx_http_example_module

                # ngx_devel_kit must be configured first; its .so must be loaded first
                if ! echo " $HTTP_MODULES $DYNAMIC_MODULES " | grep -q " ndk_http_module "; then
                    echo "ngx_http_example_module needs ngx_devel_kit (ndk_http_module) added first" >&2
                fi

                ngx_module_type=HTTP
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module

                """),
            new ExampleFile("ngx_http_example_module.c", """
                #include <ndk.h>

                char *
                ngx_http_example_set(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
                {
                    return ndk_set_var_value(cf, cmd, conf);
                }

                """),
        ]),
        RuleExample.CSource("mentions in comments, strings, guarded code and its own functions", """
            #include <ngx_config.h>
            #include <ngx_core.h>

            /* ndk_set_var_value would need ngx_devel_kit */

            static ngx_int_t ndk_example_own(ngx_conf_t *cf);
            static ndk_set_var_value_pt  ngx_http_example_value;

            static ngx_int_t
            ndk_example_own(ngx_conf_t *cf)
            {
                ngx_log_error(NGX_LOG_NOTICE, cf->log, 0, "no ndk_set_var_value here");
            #if (nginx_version < 1009011)
                ndk_legacy_call(cf);
            #endif
                return NGX_OK;
            }

            ngx_int_t
            ngx_http_example_init(ngx_conf_t *cf)
            {
                return ndk_example_own(cf);
            }

            """),
        new RuleExample("ngx_devel_kit itself", [
            new ExampleFile("config", """
                ngx_addon_name=ndk_http_module
                ngx_module_type=HTTP
                ngx_module_name=ndk_http_module
                ngx_module_srcs="$ngx_addon_dir/src/ndk.c"
                . auto/module

                """),
            new ExampleFile("src/ndk.c", """
                char *
                ndk_set_var_value(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
                {
                    return ndk_set_var_value_core(cf, cmd, conf);
                }

                """),
        ]),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterCSourceAction(Analyze);

    private static void Analyze(CSourceAnalysisContext context)
    {
        // Only names of an API the module neither is nor names are reported, and each starts with its prefix: a
        // file in which no identifier can start so is not read (all of lua-nginx-module's own files, for its own API,
        // and those that only include ndk.h). The prefixes left are worked out once for the module, and a file is
        // searched for those alone.
        var file = context.Source.File;
        if (context.Module.GetAnalysis(UndeclaredApis.Of).Prefixes is not { Length: > 0 } undeclared || !file.MayHaveIdentifierStartingWith(undeclared))
        {
            return;
        }

        var code = CodeView.Of(context.Source, context.Module.Target);
        HashSet<string>? declaredHere = null;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < code.Count; p++)
        {
            if (!code.IsIdentifier(p) || !MayBeApiName(code, p) || code.IsPunctuator(p - 1, ".") || code.IsPunctuator(p - 1, "->"))
            {
                continue;
            }

            var name = code.Text(p);
            if (ModuleApis.Of(name) is { } api && !(declaredHere ??= DeclaredNames(code)).Contains(name) && reported.Add(name) && !IsDeclared(context.Module, api))
            {
                context.Report(Diagnostic.Create(Rule, context.Source.File.GetLocation(code.Token(p).Span), name, api.Package, api.ModuleName));
            }
        }
    }

    /// <summary>True when the identifier at <paramref name="p"/> may be an API's name: it starts with a prefix (or is split, and read whole later).</summary>
    private static bool MayBeApiName(CodeView code, int p)
    {
        var token = code.Token(p);
        return token.HasLineContinuation || ModuleApis.HasPrefix(code.File.Text.Text.AsSpan(token.Start, token.Length));
    }

    /// <summary>Words before a name that make it an expression, not a declaration.</summary>
    private static readonly HashSet<string> ExpressionKeywords = new(StringComparer.Ordinal) { "return", "else", "case", "goto", "do", "sizeof" };

    /// <summary>
    /// Names this file declares or defines (<c>type name(</c>, <c>type *name =</c>, <c>ngx_module_t name;</c>):
    /// its own functions and variables, whatever their prefix. Only names that may be an API's are
    /// collected: no other is ever looked up.
    /// </summary>
    private static HashSet<string> DeclaredNames(CodeView code)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 1; p < code.Count; p++)
        {
            if (!code.IsIdentifier(p) || !MayBeApiName(code, p))
            {
                continue;
            }

            var type = code.IsPunctuator(p - 1, "*") ? p - 2 : p - 1;
            var typed = code.IsIdentifier(type) && !ExpressionKeywords.Contains(code.Text(type));
            var declarator = code.IsPunctuator(p + 1, "(") || code.IsPunctuator(p + 1, "=") || code.IsPunctuator(p + 1, ";") || code.IsPunctuator(p + 1, "[") || code.IsPunctuator(p + 1, ",");
            if (typed && declarator)
            {
                names.Add(code.Text(p));
            }
        }

        return names;
    }

    /// <summary>True when the module is the API's own, or its config names the API's module outside comments.</summary>
    private static bool IsDeclared(ModuleAnalysis module, ModuleApi api)
    {
        if (module.Describe(LinkMode.Addon).Outcomes.Any(o => o.Modules.Any(m => m.Name == api.ModuleName)))
        {
            return true;
        }

        return NamesOutsideComments(module.Module.Config?.Text.Text ?? string.Empty, api.ModuleName);
    }

    /// <summary>
    /// True when <paramref name="config"/> holds <paramref name="name"/> as a whole word (no ASCII letter, digit or
    /// <c>_</c> on either side) outside shell comments: a <c>#</c> that starts a line or follows a blank, to the end
    /// of its line.
    /// </summary>
    internal static bool NamesOutsideComments(string config, string name)
    {
        for (var at = config.IndexOf(name, StringComparison.Ordinal); at >= 0; at = config.IndexOf(name, at + 1, StringComparison.Ordinal))
        {
            if (!IsWordCharacter(config, at - 1) && !IsWordCharacter(config, at + name.Length) && !InComment(config, at))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordCharacter(string text, int index)
        => index >= 0 && index < text.Length && (char.IsAsciiLetterOrDigit(text[index]) || text[index] == '_');

    private static bool InComment(string text, int at)
    {
        var lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
        for (var i = lineStart; i < at; i++)
        {
            if (text[i] == '#' && (i == lineStart || char.IsWhiteSpace(text[i - 1])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The prefixes of the APIs the module neither is nor names in its config (<see cref="IsDeclared"/>).</summary>
    private sealed record UndeclaredApis(string[] Prefixes)
    {
        public static UndeclaredApis Of(ModuleAnalysis module)
            => new([.. ModuleApis.All.Where(api => !IsDeclared(module, api)).Select(api => api.Prefix)]);
    }
}
