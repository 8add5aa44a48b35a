using System.Text;

namespace ConfigConvert.ShellParser;

/// <summary>A token or a node of a syntax tree. Immutable.</summary>
public abstract class SyntaxElement
{
    private protected SyntaxElement(SyntaxKind kind) => Kind = kind;

    /// <summary>What this element is.</summary>
    public SyntaxKind Kind { get; }

    /// <summary>Length of the text, trivia included.</summary>
    public abstract int FullWidth { get; }

    /// <summary>Appends the exact text of the element, trivia included.</summary>
    public abstract void WriteTo(StringBuilder builder);

    /// <summary>The exact text of the element, trivia included.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>The text without the leading trivia of the first token.</summary>
    public override string ToString()
    {
        var text = ToFullString();
        return text[LeadingTriviaWidth..];
    }

    /// <summary>Width of the leading trivia of the first token.</summary>
    public abstract int LeadingTriviaWidth { get; }

    /// <summary>The first token, if any.</summary>
    public abstract SyntaxToken? GetFirstToken();

    /// <summary>The last token, if any.</summary>
    public abstract SyntaxToken? GetLastToken();
}
