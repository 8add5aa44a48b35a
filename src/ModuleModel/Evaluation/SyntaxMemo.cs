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
internal sealed class SyntaxMemo
{
    private readonly Dictionary<(SyntaxTree Tree, SyntaxElement Element), Location> _locations = new(ByIdentity.Instance);
    private readonly Dictionary<(SyntaxTree Tree, SyntaxElement Element), ShellValue> _literals = new(ByIdentity.Instance);

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

    /// <summary>Trees and elements are compared by identity: the same node of the same tree.</summary>
    private sealed class ByIdentity : IEqualityComparer<(SyntaxTree Tree, SyntaxElement Element)>
    {
        public static ByIdentity Instance { get; } = new();

        public bool Equals((SyntaxTree Tree, SyntaxElement Element) x, (SyntaxTree Tree, SyntaxElement Element) y)
            => ReferenceEquals(x.Tree, y.Tree) && ReferenceEquals(x.Element, y.Element);

        public int GetHashCode((SyntaxTree Tree, SyntaxElement Element) obj)
            => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Tree), RuntimeHelpers.GetHashCode(obj.Element));
    }
}
