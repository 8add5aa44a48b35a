using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2204: <c>ngx_module_*</c> variables are given values that no <c>. auto/module</c> can read: none
/// runs after them in their branch or later in the config. Only auto/module reads them; configure
/// ignores them otherwise, so the description they hold registers nothing.
/// </summary>
/// <remarks>
/// A call "follows" an assignment when it comes later in the text and not in another branch of an
/// <c>if</c> or <c>case</c> that holds both, or when a loop holds both. A function that calls
/// auto/module counts as a call where it is called, and sourcing a file other than nginx's own
/// <c>auto/</c> scripts counts as one too (the file may call it). Assignments inside functions are left alone: their callers decide what follows.
/// </remarks>
internal sealed class ModuleVariablesWithoutAutoModule : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2204", "ngx_module_* set but no auto/module follows", "{0} set here, but no `. auto/module` runs after {1}; only auto/module reads these variables, so this description registers nothing",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "The ngx_module_* variables are the arguments of auto/module: configure clears them before sourcing a config and reads them only in `. auto/module`. Values set after the last call, or in a branch where none is made, are lost.",
        RuleDocumentation.HelpLink("CC2204"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override ImmutableArray<RuleExample> Examples { get; } =
    [
        RuleExample.Config("the call is missing", """
            ngx_addon_name=ngx_http_example_module
            [|ngx_module_type=HTTP|]
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"

            """),
        RuleExample.Config("a second module after the last call", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module

            [|ngx_module_type=HTTP_FILTER|]
            ngx_module_name=ngx_http_example_filter_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_filter_module.c"

            """),
        RuleExample.Config("the call is in the other branch", """
            ngx_addon_name=ngx_http_example_module
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_name=ngx_http_example_module
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
                . auto/module
            else
                [|ngx_module_type=HTTP|]
                ngx_module_name=ngx_http_example_module
            fi

            """),
        RuleExample.Config("a feature test is not a call", """
            ngx_addon_name=ngx_http_example_module
            [|ngx_module_type=HTTP|]
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            have=NGX_HTTP_EXAMPLE . auto/have

            """),
        RuleExample.Config("set after the call, in one branch", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . auto/module
            if [ "$EXAMPLE_WITH_SSL" = yes ]; then
                [|ngx_module_libs=OPENSSL|]
            fi

            """),
        RuleExample.Config("followed", RuleExample.MinimalConfig),
        RuleExample.Config("reset after the call", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            ngx_module_libs=-lm
            . auto/module
            ngx_module_libs=

            """),
        RuleExample.Config("the call after the if", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            if [ "$ngx_module_link" = DYNAMIC ]; then
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            else
                ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c $ngx_addon_dir/ngx_http_example_static.c"
            fi
            . auto/module

            """),
        RuleExample.Config("a loop over modules", """
            ngx_addon_name=ngx_http_example
            ngx_module_type=HTTP
            for name in ngx_http_example_module ngx_http_example_extra_module; do
                ngx_module_name=$name
                ngx_module_srcs="$ngx_addon_dir/$name.c"
                . auto/module
            done

            """),
        RuleExample.Config("a helper of the module calls it", """
            ngx_addon_name=ngx_http_example_module
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_example_module
            ngx_module_srcs="$ngx_addon_dir/ngx_http_example_module.c"
            . $ngx_addon_dir/build/register.sh

            """,
            new ExampleFile("build/register.sh", ". auto/module\n")),
        RuleExample.Config("a function that calls it", """
            ngx_addon_name=ngx_http_example
            add_module() {
                ngx_module_name=$1
                ngx_module_srcs="$ngx_addon_dir/$1.c"
                . auto/module
            }
            ngx_module_type=HTTP
            add_module ngx_http_example_module

            """),
    ];

    public override void Initialize(AnalysisContext context) => context.RegisterConfigAction(Analyze);

    private static void Analyze(ConfigAnalysisContext context)
    {
        var tree = context.Config;
        var commands = tree.GetRoot().DescendantNodes().OfType<SimpleCommandSyntax>().ToList();
        var callingFunctions = CallingFunctions(tree, commands);
        var calls = new Calls(tree, commands.Where(c => MayCallAutoModule(c, callingFunctions)));
        var unfollowed = tree.GetRoot().DescendantNodes().OfType<AssignmentSyntax>()
            .Where(a => AutoModuleVariables.ClearedPerAddon.Contains(a.Name.Text) && ConfigScript.HasValue(a))
            .Where(a => !tree.GetAncestors(a).OfType<FunctionDefinitionSyntax>().Any())
            .Where(a => !IsFollowed(tree, a, calls));

        // One finding per statement list: the first assignment, naming every variable set there.
        foreach (var group in unfollowed.GroupBy(a => tree.GetAncestors(a).OfType<SyntaxList<StatementSyntax>>().First()))
        {
            var names = group.Select(a => $"`{a.Name.Text}`").Distinct().ToList();
            var what = names.Count == 1 ? names[0] + " is" : string.Join(", ", names) + " are";
            context.Report(Diagnostic.Create(Rule, tree.GetLocation(group.First()), what, names.Count == 1 ? "it" : "them"));
        }
    }

    /// <summary>Functions whose body calls auto/module or sources a file.</summary>
    private static HashSet<string> CallingFunctions(SyntaxTree tree, List<SimpleCommandSyntax> commands)
        => [.. commands.Where(c => MayCallAutoModule(c, []))
            .SelectMany(c => tree.GetAncestors(c).OfType<FunctionDefinitionSyntax>())
            .Select(f => f.Name.Text)];

    private static bool MayCallAutoModule(SimpleCommandSyntax command, HashSet<string> callingFunctions)
    {
        if (ConfigScript.IsAutoModuleCall(command))
        {
            return true;
        }

        // nginx's other scripts (auto/have, auto/feature...) never call auto/module; any other sourced
        // file, or one whose path is not literal, may.
        var words = command.Words.Take(2).Select(w => w.GetLiteralValue()).ToList();
        return words switch
        {
            [".", { } path] => !path.StartsWith("auto/", StringComparison.Ordinal),
            [".", ..] => true,
            [{ } name, ..] => callingFunctions.Contains(name),
            _ => false,
        };
    }

    /// <summary>
    /// Whether a call follows the assignment. A call that follows it is held by the outermost loop that
    /// holds the assignment, or else comes after it, inside one of its ancestors (the innermost holding
    /// both) that does not choose between them. The calls after the assignment whose innermost common
    /// ancestor with it is a given ancestor are those between the end of the ancestor's child on the way
    /// to the assignment and the ancestor's own end: one search by halving per ancestor, rather than a
    /// walk of every call per assignment, which took minutes for a config of thousands of calls.
    /// </summary>
    private static bool IsFollowed(SyntaxTree tree, AssignmentSyntax assignment, Calls calls)
    {
        var chain = tree.GetAncestors(assignment).Prepend(assignment).ToList();
        var outermostLoop = chain.FindLastIndex(n => n is ForCommandSyntax or WhileCommandSyntax);
        if (outermostLoop >= 0 && calls.AnyHeldBy(chain[outermostLoop]))
        {
            return true;
        }

        for (var i = Math.Max(1, outermostLoop + 1); i < chain.Count; i++)
        {
            if (calls.AnyStartingIn(tree.GetSpan(chain[i - 1]).End, tree.GetSpan(chain[i]).End) && !InOtherBranch(tree, chain, chain[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="common"/>, the innermost node holding both, chooses between them: an
    /// <c>if</c> (or its list of elif/else clauses) or a <c>case</c>, the assignment not being in a
    /// condition (a condition runs before every branch after it).
    /// </summary>
    private static bool InOtherBranch(SyntaxTree tree, List<SyntaxNode> chain, SyntaxNode common)
    {
        var index = chain.IndexOf(common);
        var branch = chain[index - 1];
        return common switch
        {
            IfCommandSyntax ifCommand => !ReferenceEquals(branch, ifCommand.Condition),
            SyntaxList<SyntaxNode> when tree.GetParent(common) is IfCommandSyntax
                => !(branch is ElifClauseSyntax elif && index >= 2 && ReferenceEquals(chain[index - 2], elif.Condition)),
            SyntaxList<CaseItemSyntax> or CaseCommandSyntax => true,
            _ => false,
        };
    }

    /// <summary>The calls of a config, by where they start and by the nodes that hold them.</summary>
    private sealed class Calls
    {
        private readonly SortedPositions _starts;
        private readonly HashSet<SyntaxNode> _holders = [];

        public Calls(SyntaxTree tree, IEnumerable<SimpleCommandSyntax> calls)
        {
            var starts = new List<int>();
            foreach (var call in calls)
            {
                starts.Add(tree.GetSpan(call).Start);

                // Ancestors shared with an earlier call are already in: stop at the first one.
                foreach (var holder in tree.GetAncestors(call))
                {
                    if (!_holders.Add(holder))
                    {
                        break;
                    }
                }
            }

            _starts = new SortedPositions(starts);
        }

        public bool AnyHeldBy(SyntaxNode node) => _holders.Contains(node);

        /// <summary>Whether a call starts at or after <paramref name="start"/> and before <paramref name="end"/>.</summary>
        public bool AnyStartingIn(int start, int end) => _starts.AnyIn(start, end);
    }
}
