using System.Collections;
using System.Runtime.CompilerServices;

namespace ConfigConvert.ShellParser;

/// <summary>An immutable list of nodes or tokens that is itself a node, so it has a place in the tree.</summary>
public sealed class SyntaxList<T> : SyntaxNode, IReadOnlyList<T>
    where T : SyntaxElement
{
    /// <summary>The empty list.</summary>
    public static readonly SyntaxList<T> Empty = new([]);

    // A list of one item keeps it as the node's only slot: most lists of a script (a word's parts, a
    // segment's statements) hold one, and need no array for it. Any other list's slots are a T[].
    internal SyntaxList(T[] items)
        : base(SyntaxKind.List, items.Length == 1 ? items[0] : null, items.Length == 1 ? (SyntaxElement?[]?)null : items)
    {
    }

    /// <summary>A list of one item.</summary>
    internal SyntaxList(T item)
        : base(SyntaxKind.List, item, (SyntaxElement?[]?)null)
    {
    }

    /// <summary>A list of <paramref name="items"/>, copied.</summary>
    internal static SyntaxList<T> Create(ReadOnlySpan<T> items) => items.Length switch
    {
        // A new empty list, not the shared one: a tree tells its nodes apart by identity.
        0 => new SyntaxList<T>([]),
        1 => new SyntaxList<T>(items[0]),
        _ => new SyntaxList<T>(items.ToArray()),
    };

    /// <inheritdoc />
    public int Count => SlotCount;

    // The slots are items of type T (the constructors take nothing else): no cast needed.
    /// <inheritdoc />
    public T this[int index] => Unsafe.As<T>(GetSlot(index)!);

    /// <summary>An enumerator of the items that <c>foreach</c> uses without allocating: every walk of the tree enumerates lists.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new BoxedEnumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new BoxedEnumerator(this);

    /// <summary>Enumerates a <see cref="SyntaxList{T}"/> by index.</summary>
    public struct Enumerator
    {
        private readonly SyntaxList<T> _list;
        private int _index;

        internal Enumerator(SyntaxList<T> list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The item at the enumerator's position.</summary>
        public readonly T Current => _list[_index];

        /// <summary>Moves to the next item; false past the last.</summary>
        public bool MoveNext() => ++_index < _list.Count;
    }

    /// <summary>The enumerator the collection interfaces (LINQ) ask for.</summary>
    private sealed class BoxedEnumerator(SyntaxList<T> list) : IEnumerator<T>
    {
        private Enumerator _inner = list.GetEnumerator();

        public T Current => _inner.Current;

        object IEnumerator.Current => Current;

        public bool MoveNext() => _inner.MoveNext();

        public void Reset() => _inner = list.GetEnumerator();

        public void Dispose()
        {
        }
    }

    /// <summary>Returns a list with <paramref name="items"/> inserted at <paramref name="index"/>.</summary>
    public SyntaxList<T> InsertRange(int index, IEnumerable<T> items)
    {
        var list = this.ToList();
        list.InsertRange(index, items);
        return new SyntaxList<T>(list.ToArray());
    }

    internal override SyntaxNode WithSlots(SyntaxElement?[] slots) => new SyntaxList<T>(slots.Cast<T>().ToArray());

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitList(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitList(this);
}
