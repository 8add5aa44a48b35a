using System.Runtime.CompilerServices;
using System.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// A node of a syntax tree. Nodes are immutable and know nothing of their parent or position, so an
/// unchanged node can be shared by the trees before and after a rewrite; <see cref="SyntaxTree"/>
/// answers where a node is.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    // Most nodes of a script (words, literal parts, simple commands) have one child: it is kept as it
    // is, and only nodes with several children carry an array. `_slots` is null, the only child or the
    // array; the top bit of `_fullWidthAndFlags` says which, so a node is one reference and two ints.
    // A word's list of parts is most often one part: such a list is made only when someone asks for
    // it (LazyListBit; `_slots` is the part until then, the list after), and a parse that only wants
    // diagnostics never does.
    private object? _slots;
    private readonly int _fullWidthAndFlags;

    private const int ArrayBit = int.MinValue;
    private const int LazyListBit = 1 << 30;
    private const int WidthMask = LazyListBit - 1;

    private protected SyntaxNode(SyntaxKind kind, SyntaxElement? onlySlot)
        : base(kind)
    {
        _slots = onlySlot;
        _fullWidthAndFlags = onlySlot?.FullWidth ?? 0;
    }

    private protected SyntaxNode(SyntaxKind kind, params SyntaxElement?[] slots)
        : base(kind)
    {
        _slots = slots;
        _fullWidthAndFlags = SumWidths(slots) | ArrayBit;
    }

    /// <summary>A node whose only child, when it has one, goes in the field rather than in <paramref name="slots"/>.</summary>
    private protected SyntaxNode(SyntaxKind kind, SyntaxElement? onlySlot, SyntaxElement?[]? slots)
        : base(kind)
    {
        if (slots is null)
        {
            _slots = onlySlot;
            _fullWidthAndFlags = onlySlot?.FullWidth ?? 0;
            return;
        }

        _slots = slots;
        _fullWidthAndFlags = SumWidths(slots) | ArrayBit;
    }

    /// <summary>A node whose only child is a list of <paramref name="onlyItem"/> alone, made by <see cref="MakeList"/> when first asked for.</summary>
    private protected SyntaxNode(SyntaxKind kind, SyntaxNode onlyItem, LazyListOf lazyList)
        : base(kind)
    {
        _ = lazyList;
        _slots = onlyItem;
        _fullWidthAndFlags = onlyItem.FullWidth | LazyListBit;
    }

    /// <summary>Picks the constructor of a node whose list is made lazily (its only value says so).</summary>
    private protected enum LazyListOf
    {
        OneItem,
    }

    private static int SumWidths(SyntaxElement?[] slots)
    {
        var width = 0;
        foreach (var slot in slots)
        {
            width += slot?.FullWidth ?? 0;
        }

        return width;
    }

    /// <inheritdoc />
    public override int FullWidth => _fullWidthAndFlags & WidthMask;

    /// <inheritdoc />
    public override int LeadingTriviaWidth => GetFirstToken()?.LeadingTriviaWidth ?? 0;

    /// <summary>The children when they are kept in an array (of the type the node was made with), else null.</summary>
    private protected SyntaxElement?[]? SlotArray => _fullWidthAndFlags < 0 ? Unsafe.As<SyntaxElement?[]>(_slots) : null;

    internal int SlotCount => _fullWidthAndFlags < 0 ? Unsafe.As<SyntaxElement?[]>(_slots)!.Length : 1;

    internal SyntaxElement? GetSlot(int index)
    {
        if (_fullWidthAndFlags < 0)
        {
            return Unsafe.As<SyntaxElement?[]>(_slots)![index];
        }

        if (index != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        return (_fullWidthAndFlags & LazyListBit) != 0 ? LazyList() : Unsafe.As<SyntaxElement>(_slots);
    }

    // The list of the lone item, made once: threads that race to make it all get the one that won.
    private SyntaxNode LazyList()
    {
        var slot = Unsafe.As<SyntaxNode>(Volatile.Read(ref _slots))!;
        if (slot.Kind == SyntaxKind.List)
        {
            return slot;
        }

        var list = MakeList(slot);
        var before = Interlocked.CompareExchange(ref _slots, list, slot);
        return ReferenceEquals(before, slot) ? list : Unsafe.As<SyntaxNode>(before)!;
    }

    /// <summary>The item of a list made lazily (whether or not it is made yet), or null for a node without one.</summary>
    private protected SyntaxNode? LazyListItem
    {
        get
        {
            if ((_fullWidthAndFlags & LazyListBit) == 0)
            {
                return null;
            }

            var slot = Unsafe.As<SyntaxNode>(Volatile.Read(ref _slots))!;
            return slot.Kind == SyntaxKind.List ? Unsafe.As<SyntaxNode>(slot.GetSlot(0)) : slot;
        }
    }

    /// <summary>The list of one item a node made with a lazy list holds (only such nodes override it).</summary>
    private protected virtual SyntaxNode MakeList(SyntaxNode onlyItem) => throw new InvalidOperationException("this node has no lazy list");

    // The first or last token under a slot, without making a lazy list (its tokens are its item's).
    private SyntaxElement? TokenSlot(int index) => LazyListItem ?? GetSlot(index);

    private protected T Slot<T>(int index) where T : SyntaxElement => (T)GetSlot(index)!;

    private protected T? OptionalSlot<T>(int index) where T : SyntaxElement => (T?)GetSlot(index);

    /// <summary>Builds a node of the same type from new children (the rewriter's single point of construction).</summary>
    internal abstract SyntaxNode WithSlots(SyntaxElement?[] slots);

    /// <summary>Returns this node with one child replaced, or this node when <paramref name="newChild"/> is the old one.</summary>
    internal SyntaxNode WithSlot(int index, SyntaxElement? newChild)
    {
        if (ReferenceEquals(GetSlot(index), newChild))
        {
            return this;
        }

        var copy = SlotArray is { } array ? (SyntaxElement?[])array.Clone() : [GetSlot(0)];
        copy[index] = newChild;
        return WithSlots(copy);
    }

    /// <summary>The child nodes and tokens, in text order, absent optional children left out.</summary>
    public IEnumerable<SyntaxElement> ChildElements()
    {
        for (var i = 0; i < SlotCount; i++)
        {
            if (GetSlot(i) is { } slot)
            {
                yield return slot;
            }
        }
    }

    /// <summary>All nodes below this one, depth first, in text order.</summary>
    public IEnumerable<SyntaxNode> DescendantNodes() => this is ScriptSyntax script ? script.AllDescendantNodes : WalkDescendantNodes();

    /// <summary><see cref="DescendantNodes"/>, walked each time it is enumerated.</summary>
    internal IEnumerable<SyntaxNode> WalkDescendantNodes()
    {
        // Each node on the path with the next slot to visit, instead of an enumerator per node: a walk
        // over a whole config visits every node, and the enumerators were a tenth of a check's garbage.
        var path = new Stack<(SyntaxNode Node, int Next)>();
        path.Push((this, 0));
        while (path.TryPop(out var top))
        {
            var (node, next) = top;
            if (NextChild(node, ref next) is not { } child)
            {
                continue;
            }

            path.Push((node, next));
            if (child is SyntaxNode childNode)
            {
                yield return childNode;
                path.Push((childNode, 0));
            }
        }
    }

    /// <summary>All tokens below this node, in text order.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var path = new Stack<(SyntaxNode Node, int Next)>();
        path.Push((this, 0));
        while (path.TryPop(out var top))
        {
            var (node, next) = top;
            if (NextChild(node, ref next) is not { } child)
            {
                continue;
            }

            path.Push((node, next));
            if (child is SyntaxToken token)
            {
                yield return token;
            }
            else
            {
                path.Push(((SyntaxNode)child, 0));
            }
        }
    }

    /// <summary>
    /// The first present child of <paramref name="node"/> at or after slot <paramref name="next"/>, which is moved past
    /// it; null when none is left. The walks over a tree go through it rather than <see cref="ChildElements"/>, whose
    /// enumerator for every node walked adds up.
    /// </summary>
    internal static SyntaxElement? NextChild(SyntaxNode node, ref int next)
    {
        while (next < node.SlotCount)
        {
            if (node.GetSlot(next++) is { } child)
            {
                return child;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        foreach (var token in DescendantTokens())
        {
            token.WriteTo(builder);
        }
    }

    /// <inheritdoc />
    public override SyntaxToken? GetFirstToken()
    {
        for (var i = 0; i < SlotCount; i++)
        {
            var token = TokenSlot(i)?.GetFirstToken();
            if (token is not null)
            {
                return token;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override SyntaxToken? GetLastToken()
    {
        for (var i = SlotCount - 1; i >= 0; i--)
        {
            var token = TokenSlot(i)?.GetLastToken();
            if (token is not null)
            {
                return token;
            }
        }

        return null;
    }

    /// <summary>Dispatches to the visitor method for this node's type.</summary>
    public abstract void Accept(SyntaxVisitor visitor);

    /// <summary>Dispatches to the visitor method for this node's type.</summary>
    public abstract TResult Accept<TResult>(SyntaxVisitor<TResult> visitor);
}
