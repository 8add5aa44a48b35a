namespace ConfigConvert.ShellParser;

/// <summary>
/// Rebuilds a tree bottom-up: override a <c>Visit*</c> method to return a replacement. A node whose
/// children all come back unchanged is returned as the same instance, so untouched parts of the tree
/// (and their exact text) are shared with the original.
/// </summary>
public abstract class SyntaxRewriter : SyntaxVisitor<SyntaxNode>
{
    /// <summary>Visits each child and rebuilds the node only when one of them changed.</summary>
    public override SyntaxNode DefaultVisit(SyntaxNode node)
    {
        SyntaxElement?[]? changed = null;
        for (var i = 0; i < node.SlotCount; i++)
        {
            var child = node.GetSlot(i);
            var rewritten = child switch
            {
                null => null,
                SyntaxToken token => VisitToken(token),
                _ => (SyntaxElement?)((SyntaxNode)child).Accept(this),
            };
            if (!ReferenceEquals(child, rewritten) && changed is null)
            {
                // Copy only from the first change on: nothing is allocated for an untouched node.
                changed = new SyntaxElement?[node.SlotCount];
                for (var j = 0; j < i; j++)
                {
                    changed[j] = node.GetSlot(j);
                }
            }

            if (changed is not null)
            {
                changed[i] = rewritten;
            }
        }

        return changed is null ? node : node.WithSlots(changed);
    }

    /// <summary>Returns the token to use in place of <paramref name="token"/>; the token itself by default.</summary>
    public virtual SyntaxToken VisitToken(SyntaxToken token) => token;
}
