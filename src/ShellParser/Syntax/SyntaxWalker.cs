namespace ConfigConvert.ShellParser;

/// <summary>Visits every node below the one it starts from, in text order; override a <c>Visit*</c> method and call the base to keep descending.</summary>
public abstract class SyntaxWalker : SyntaxVisitor
{
    /// <summary>Visits the children of <paramref name="node"/>, and each token through <see cref="VisitToken"/>.</summary>
    public override void DefaultVisit(SyntaxNode node)
    {
        for (var next = 0; SyntaxNode.NextChild(node, ref next) is { } child;)
        {
            if (child is SyntaxNode childNode)
            {
                childNode.Accept(this);
            }
            else
            {
                VisitToken((SyntaxToken)child);
            }
        }
    }

    /// <summary>Called for each token.</summary>
    public virtual void VisitToken(SyntaxToken token)
    {
    }
}
