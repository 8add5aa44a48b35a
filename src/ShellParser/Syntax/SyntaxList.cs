using System.Collections;

namespace ConfigConvert.ShellParser;

/// <summary>An immutable list of nodes or tokens that is itself a node, so it has a place in the tree.</summary>
public sealed class SyntaxList<T> : SyntaxNode, IReadOnlyList<T>
    where T : SyntaxElement
{
    /// <summary>The empty list.</summary>
    public static readonly SyntaxList<T> Empty = new([]);

    private readonly T[] _items;

    internal SyntaxList(T[] items)
        : base(SyntaxKind.List, items)
    {
        _items = items;
    }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Returns a list with <paramref name="items"/> inserted at <paramref name="index"/>.</summary>
    public SyntaxList<T> InsertRange(int index, IEnumerable<T> items)
    {
        var list = _items.ToList();
        list.InsertRange(index, items);
        return new SyntaxList<T>(list.ToArray());
    }

    internal override SyntaxNode WithSlots(SyntaxElement?[] slots) => new SyntaxList<T>(slots.Cast<T>().ToArray());

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitList(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitList(this);
}
