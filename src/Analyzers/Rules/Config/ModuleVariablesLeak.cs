using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2207: a config that calls <c>. auto/module</c> more than once leaves <c>ngx_module_incs</c>,
/// <c>_deps</c>, <c>_libs</c> or <c>_order</c> of one call set for the next. configure clears them once
/// per module directory, not per call, so the second module silently inherits them: the first module's
/// libraries linked into the second <c>.so</c>, or an order naming modules the second does not have.
/// </summary>
internal sealed class ModuleVariablesLeak : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2207", "Module variables leak into the next auto/module", "`{0}` is still `{1}` from the call for `{2}` (line {3}), so `{4}` inherits it; set it again before this call (empty when not wanted)",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "configure clears ngx_module_type, _name, _incs, _deps, _srcs, _libs and _order once before it sources a module's config, not before each . auto/module. A config that describes several modules must set each of them again for every call; what it does not set is carried over from the call before.",
        RuleDocumentation.HelpLink("CC2207"));

    /// <summary>What a call may inherit: the variables a config sets for one module only, and what the model recorded of each.</summary>
    private static readonly ImmutableArray<(string Variable, Func<AutoModuleCall, string> Value)> Inheritable =
    [
        ("ngx_module_incs", c => string.Join(' ', c.Incs)),
        ("ngx_module_deps", c => string.Join(' ', c.Deps)),
        ("ngx_module_libs", c => string.Join(' ', c.Libs)),
        ("ngx_module_order", c => c.Order.Trim()),
    ];

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("libs of the first module reach the second", """
            ngx_addon_name=ngx_http_example_module

            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            ngx_module_libs="-lyaml"
            . auto/module

            ngx_module_type=HTTP_FILTER
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            [|. auto/module|]

            """),
        RuleExample.Config("order and include dirs of a filter", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP_FILTER
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_incs="$ngx_addon_dir/include"
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            ngx_module_order="ngx_http_example_filter_module ngx_http_gzip_filter_module"
            . auto/module

            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            {|CC2207:[|. auto/module|]|}

            """),
        RuleExample.Config("every variable set again", """
            ngx_addon_name=ngx_http_example_module

            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            ngx_module_libs="-lyaml"
            . auto/module

            ngx_module_type=HTTP_FILTER
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"
            ngx_module_libs=
            ngx_module_order=
            . auto/module

            """),
        RuleExample.Config("one call per link mode", """
            ngx_addon_name=ngx_rtmp_module
            if [ $ngx_module_link = DYNAMIC ]; then
                ngx_module_type=CORE
                ngx_module_name="ngx_rtmp_module ngx_rtmp_stat_module"
                ngx_module_srcs="$ngx_addon_dir/ngx_rtmp.c $ngx_addon_dir/ngx_rtmp_stat_module.c"
                ngx_module_libs=-lm
                . auto/module
            else
                ngx_module_type=CORE
                ngx_module_name=ngx_rtmp_module
                ngx_module_srcs="$ngx_addon_dir/ngx_rtmp.c"
                ngx_module_libs=-lm
                . auto/module
                ngx_module_type=HTTP
                ngx_module_name=ngx_rtmp_stat_module
                ngx_module_srcs="$ngx_addon_dir/ngx_rtmp_stat_module.c"
                ngx_module_libs=
                . auto/module
            fi

            """),
        RuleExample.Config("a single call", RuleExample.MinimalConfig),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterModuleAction(Analyze);

    private static void Analyze(ModuleAnalysisContext context)
    {
        if (context.Module.Module.Config is not { } config)
        {
            return;
        }

        var assignments = config.GetRoot().DescendantNodes().OfType<AssignmentSyntax>()
            .Select(a => (Name: a.Name.Text, Start: config.GetSpan(a).Start))
            .Concat(Unsets(config))
            .GroupBy(a => a.Name, a => a.Start, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new SortedPositions(g), StringComparer.Ordinal);
        var outcomes = new[] { LinkMode.Addon, LinkMode.Dynamic }.SelectMany(l => context.Module.Describe(l).Outcomes);
        foreach (var calls in outcomes.Select(o => o.AutoModuleCalls))
        {
            for (var i = 0; i + 1 < calls.Length; i++)
            {
                ReportPair(context, calls[i], calls[i + 1], assignments);
            }
        }
    }

    private static void ReportPair(ModuleAnalysisContext context, AutoModuleCall first, AutoModuleCall second, Dictionary<string, SortedPositions> resets)
    {
        // A call in a function or a loop follows itself: what is set between them cannot be told from the text.
        if (first.Location is not { } from || second.Location is not { } to || to.Span.Start < from.Span.End)
        {
            return;
        }

        foreach (var (variable, value) in Inheritable)
        {
            var carried = value(first);
            var reset = resets.TryGetValue(variable, out var starts) && starts.AnyIn(from.Span.End, to.Span.Start);
            if (carried.Length > 0 && !reset && value(second) == carried)
            {
                var firstName = first.Names.FirstOrDefault() ?? "?";
                var secondName = second.Names.FirstOrDefault() ?? "?";
                context.Report(Diagnostic.Create(Rule, to, variable, carried, firstName, from.Start.Line, secondName));
            }
        }
    }

    /// <summary><c>unset ngx_module_libs</c> resets as much as an assignment.</summary>
    private static IEnumerable<(string Name, int Start)> Unsets(SyntaxTree config)
        => config.GetRoot().DescendantNodes().OfType<SimpleCommandSyntax>()
            .Where(c => c.CommandName?.GetLiteralValue() == "unset")
            .SelectMany(c => c.Words.Skip(1).Select(w => (Name: w.GetLiteralValue() ?? string.Empty, Start: config.GetSpan(c).Start)));
}
