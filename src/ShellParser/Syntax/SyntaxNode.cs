using System.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// A node of a syntax tree. Nodes are immutable and know nothing of their parent or position, so an
/// unchanged node can be shared by the trees before and after a rewrite; <see cref="SyntaxTree"/>
/// answers where a node is.
/// </summary>
public abstract class SyntaxNode : SyntaxElement
{
    private readonly SyntaxElement?[] _slots;

    private protected SyntaxNode(SyntaxKind kind, params SyntaxElement?[] slots)
        : base(kind)
    {
        _slots = slots;
        var width = 0;
        foreach (var slot in slots)
        {
            width += slot?.FullWidth ?? 0;
        }

        FullWidth = width;
    }

    /// <inheritdoc />
    public override int FullWidth { get; }

    /// <inheritdoc />
    public override int LeadingTriviaWidth => GetFirstToken()?.LeadingTriviaWidth ?? 0;

    internal int SlotCount => _slots.Length;

    internal SyntaxElement? GetSlot(int index) => _slots[index];

    private protected T Slot<T>(int index) where T : SyntaxElement => (T)_slots[index]!;

    private protected T? OptionalSlot<T>(int index) where T : SyntaxElement => (T?)_slots[index];

    /// <summary>Builds a node of the same type from new children (the rewriter's single point of construction).</summary>
    internal abstract SyntaxNode WithSlots(SyntaxElement?[] slots);

    /// <summary>Returns this node with one child replaced, or this node when <paramref name="newChild"/> is the old one.</summary>
    internal SyntaxNode WithSlot(int index, SyntaxElement? newChild)
    {
        if (ReferenceEquals(_slots[index], newChild))
        {
            return this;
        }

        var copy = (SyntaxElement?[])_slots.Clone();
        copy[index] = newChild;
        return WithSlots(copy);
    }

    /// <summary>The child nodes and tokens, in text order, absent optional children left out.</summary>
    public IEnumerable<SyntaxElement> ChildElements()
    {
        foreach (var slot in _slots)
        {
            if (slot is not null)
            {
                yield return slot;
            }
        }
    }

    /// <summary>All nodes below this one, depth first, in text order.</summary>
    public IEnumerable<SyntaxNode> DescendantNodes()
    {
        var stack = new Stack<IEnumerator<SyntaxElement>>();
        stack.Push(ChildElements().GetEnumerator());
        while (stack.Count > 0)
        {
            var e = stack.Peek();
            if (!e.MoveNext())
            {
                stack.Pop();
                continue;
            }

            if (e.Current is SyntaxNode node)
            {
                yield return node;
                stack.Push(node.ChildElements().GetEnumerator());
            }
        }
    }

    /// <summary>All tokens below this node, in text order.</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var stack = new Stack<IEnumerator<SyntaxElement>>();
        stack.Push(ChildElements().GetEnumerator());
        while (stack.Count > 0)
        {
            var e = stack.Peek();
            if (!e.MoveNext())
            {
                stack.Pop();
                continue;
            }

            if (e.Current is SyntaxToken token)
            {
                yield return token;
            }
            else
            {
                stack.Push(((SyntaxNode)e.Current).ChildElements().GetEnumerator());
            }
        }
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
        foreach (var slot in _slots)
        {
            var token = slot?.GetFirstToken();
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
        for (var i = _slots.Length - 1; i >= 0; i--)
        {
            var token = _slots[i]?.GetLastToken();
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
