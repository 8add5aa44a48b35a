using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// What every world of one evaluation computes alike from the same syntax, computed once for all of
/// them: where an element is, and the value a literal word part stands for. A config with many
/// undecidable conditions runs dozens of worlds over the same tree. One memo serves one
/// <see cref="Evaluator.RunAllWorlds"/>, whose worlds run one after another.
/// </summary>
/// <remarks>
/// Locations and literal values depend on the tree alone, so they are kept with the tree (<see cref="TreeFacts"/>) for every
/// evaluation that runs it: nginx's scripts (<c>auto/module</c>, <c>auto/feature</c>), parsed once, run in every module
/// and link mode of a check, and a module's config in each of its link modes.
/// </remarks>
internal sealed class SyntaxMemo
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeFacts> Trees = new();

    private readonly Dictionary<StatementSyntax, bool> _mayDecide = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<StatementSyntax, bool> _mayDependOnLink = new(ReferenceEqualityComparer.Instance);
    private SyntaxTree? _lastTree;
    private TreeFacts? _lastFacts;

    /// <summary>The location of <paramref name="element"/> in <paramref name="tree"/>.</summary>
    public Location LocationOf(SyntaxTree tree, SyntaxElement element)
        => FactsOf(tree).Locations.GetOrAdd(element, static (e, t) => t.GetLocation(e), tree);

    /// <summary>The text of a literal word part as a value written where it is (immutable, so one instance serves every world).</summary>
    public ShellValue Literal(SyntaxTree tree, LiteralPartSyntax literal)
        => FactsOf(tree).Literals.GetOrAdd(literal, static (part, memo) => ShellValue.Text(((LiteralPartSyntax)part).Value, memo.Memo.LocationOf(memo.Tree, part)), (Memo: this, Tree: tree));

    /// <summary>
    /// False when <paramref name="statement"/> surely makes no choice: assignments alone, whose values
    /// hold no substitution and no expansion with an operator (<c>${x:-y}</c>). A world need not be
    /// able to start before such a statement, which saves copying the state there. Saying true of a
    /// statement that makes no choice costs only that copy; a world that parts inside a statement
    /// said false of starts at an earlier statement, and is the same world.
    /// </summary>
    public bool MayDecide(StatementSyntax statement)
    {
        if (!_mayDecide.TryGetValue(statement, out var may))
        {
            may = statement.IsAsync || statement.Command is not SimpleCommandSyntax simple || !simple.Elements.All(IsPlainAssignment);
            _mayDecide[statement] = may;
        }

        return may;
    }

    /// <summary>
    /// False when <paramref name="statement"/> surely leaves a world that is the same in every link mode so: assignments
    /// that make no choice (<see cref="MayDecide"/>) and read no variable configure sets per link mode. A world stops
    /// being the same where it reads such a variable, or does anything else with one, or asks for <c>auto/module</c>,
    /// which a statement said false of never does; so the last point before a statement said true of, where other
    /// link modes start (<see cref="LinkNeutralStarts"/>), is the last point before the world stopped being the same,
    /// whenever it did. The state need not be copied before the others, most of a long config's statements.
    /// </summary>
    public bool MayDependOnLink(StatementSyntax statement)
    {
        if (!_mayDependOnLink.TryGetValue(statement, out var may))
        {
            may = MayDecide(statement) || ((SimpleCommandSyntax)statement.Command!).Elements.Any(ReadsVariableSetPerLink);
            _mayDependOnLink[statement] = may;
        }

        return may;
    }

    private static bool ReadsVariableSetPerLink(SyntaxNode assignment)
        => ((AssignmentSyntax)assignment).Value?.DescendantNodes().Any(node => node switch
        {
            SimpleExpansionSyntax simple => LinkNeutralStarts.DependsOnLink(simple.ParameterName),
            ParameterExpansionSyntax parameter => LinkNeutralStarts.DependsOnLink(parameter.ParameterName),
            _ => false,
        }) == true;

    private static bool IsPlainAssignment(SyntaxNode element)
        => element is AssignmentSyntax assignment
            && (assignment.Value is null || assignment.Value.DescendantNodes().All(node => node is LiteralPartSyntax or SingleQuotedPartSyntax or DoubleQuotedPartSyntax or SimpleExpansionSyntax or ParameterExpansionSyntax { Operator: null } || node.Kind == SyntaxKind.List));

    /// <summary>The facts of <paramref name="tree"/>; a run asks of the same tree many times in a row, so the last one is kept at hand.</summary>
    private TreeFacts FactsOf(SyntaxTree tree)
    {
        if (!ReferenceEquals(tree, _lastTree))
        {
            _lastFacts = Trees.GetValue(tree, static _ => new TreeFacts());
            _lastTree = tree;
        }

        return _lastFacts!;
    }

    /// <summary>What one tree gives every evaluation alike; evaluations on several threads share it.</summary>
    private sealed class TreeFacts
    {
        public ConcurrentDictionary<SyntaxElement, Location> Locations { get; } = new(ReferenceEqualityComparer.Instance);

        public ConcurrentDictionary<SyntaxElement, ShellValue> Literals { get; } = new(ReferenceEqualityComparer.Instance);
    }
}
