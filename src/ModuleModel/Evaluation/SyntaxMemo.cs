using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// What every world of one evaluation computes alike from the same syntax, computed once for all of
/// them: where an element is, and the value a literal word part stands for. A config with many
/// undecidable conditions runs dozens of worlds over the same tree. One memo serves one
/// <see cref="Evaluator.RunAllWorlds"/>, whose worlds run one after another.
/// </summary>
internal sealed class SyntaxMemo
{
    private readonly Dictionary<(SyntaxTree Tree, SyntaxElement Element), Location> _locations = new(IdentityPairComparer<SyntaxTree, SyntaxElement>.Instance);
    private readonly Dictionary<(SyntaxTree Tree, SyntaxElement Element), ShellValue> _literals = new(IdentityPairComparer<SyntaxTree, SyntaxElement>.Instance);
    private readonly Dictionary<StatementSyntax, bool> _mayDecide = new(ReferenceEqualityComparer.Instance);

    /// <summary>The location of <paramref name="element"/> in <paramref name="tree"/>.</summary>
    public Location LocationOf(SyntaxTree tree, SyntaxElement element)
    {
        if (!_locations.TryGetValue((tree, element), out var location))
        {
            location = tree.GetLocation(element);
            _locations[(tree, element)] = location;
        }

        return location;
    }

    /// <summary>The text of a literal word part as a value written where it is (immutable, so one instance serves every world).</summary>
    public ShellValue Literal(SyntaxTree tree, LiteralPartSyntax literal)
    {
        if (!_literals.TryGetValue((tree, literal), out var value))
        {
            value = ShellValue.Text(literal.Value, LocationOf(tree, literal));
            _literals[(tree, literal)] = value;
        }

        return value;
    }

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

    private static bool IsPlainAssignment(SyntaxNode element)
        => element is AssignmentSyntax assignment
            && (assignment.Value is null || assignment.Value.DescendantNodes().All(node => node is LiteralPartSyntax or SingleQuotedPartSyntax or DoubleQuotedPartSyntax or SimpleExpansionSyntax or ParameterExpansionSyntax { Operator: null } || node.Kind == SyntaxKind.List));
}
