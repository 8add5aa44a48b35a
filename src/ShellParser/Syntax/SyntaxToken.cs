using System.Collections.Immutable;
using System.Text;

namespace ConfigConvert.ShellParser;

/// <summary>A token: its text and the trivia before it. Shell tokens keep no trailing trivia except here-document bodies after a line break.</summary>
public sealed class SyntaxToken : SyntaxElement
{
    internal SyntaxToken(SyntaxKind kind, string text, ImmutableArray<SyntaxTrivia> leadingTrivia, ImmutableArray<SyntaxTrivia> trailingTrivia, bool isMissing = false)
        : base(kind)
    {
        Text = text;
        LeadingTrivia = leadingTrivia.IsDefault ? ImmutableArray<SyntaxTrivia>.Empty : leadingTrivia;
        TrailingTrivia = trailingTrivia.IsDefault ? ImmutableArray<SyntaxTrivia>.Empty : trailingTrivia;
        IsMissing = isMissing;
        var width = text.Length;
        foreach (var t in LeadingTrivia)
        {
            width += t.Text.Length;
        }

        LeadingTriviaWidth = width - text.Length;
        foreach (var t in TrailingTrivia)
        {
            width += t.Text.Length;
        }

        FullWidth = width;
    }

    /// <summary>The token's own text, without trivia.</summary>
    public string Text { get; }

    /// <summary>Trivia before the token.</summary>
    public ImmutableArray<SyntaxTrivia> LeadingTrivia { get; }

    /// <summary>Trivia after the token (here-document bodies after a line break).</summary>
    public ImmutableArray<SyntaxTrivia> TrailingTrivia { get; }

    /// <summary>True when the parser expected this token and did not find it; its text is empty.</summary>
    public bool IsMissing { get; }

    /// <inheritdoc />
    public override int FullWidth { get; }

    /// <inheritdoc />
    public override int LeadingTriviaWidth { get; }

    /// <summary>Length of the token's own text.</summary>
    public int Width => Text.Length;

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        foreach (var t in LeadingTrivia)
        {
            builder.Append(t.Text);
        }

        builder.Append(Text);
        foreach (var t in TrailingTrivia)
        {
            builder.Append(t.Text);
        }
    }

    /// <inheritdoc />
    public override SyntaxToken GetFirstToken() => this;

    /// <inheritdoc />
    public override SyntaxToken GetLastToken() => this;

    /// <summary>Returns a token with other leading trivia (the same instance when nothing changes).</summary>
    public SyntaxToken WithLeadingTrivia(IEnumerable<SyntaxTrivia> trivia)
    {
        var list = trivia.ToImmutableArray();
        return list.SequenceEqual(LeadingTrivia) ? this : new SyntaxToken(Kind, Text, list, TrailingTrivia, IsMissing);
    }

    /// <summary>Returns a token with other trailing trivia (the same instance when nothing changes).</summary>
    public SyntaxToken WithTrailingTrivia(IEnumerable<SyntaxTrivia> trivia)
    {
        var list = trivia.ToImmutableArray();
        return list.SequenceEqual(TrailingTrivia) ? this : new SyntaxToken(Kind, Text, LeadingTrivia, list, IsMissing);
    }

    /// <summary>Returns a token with other text and the same trivia (the same instance when nothing changes).</summary>
    public SyntaxToken WithText(string text) => text == Text ? this : new SyntaxToken(Kind, text, LeadingTrivia, TrailingTrivia);

    /// <summary>The token's text with trivia.</summary>
    public override string ToString() => Text;
}
