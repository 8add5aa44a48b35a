using System.Collections.Immutable;
using System.Text;

namespace ConfigConvert.ShellParser;

/// <summary>A token: its text and the trivia before it. Shell tokens keep no trailing trivia except here-document bodies after a line break.</summary>
public sealed class SyntaxToken : SyntaxElement
{
    // The token's text is `_source[_start.._start + Width]`: a parse keeps the source it read and makes
    // a token's string only when someone asks for it, so parsing a large script allocates no string per
    // token, and tokens that are never read as strings never get one. A parse makes a token for every
    // few characters of its input, so a token is kept small (56 bytes): no trivia is stored as null,
    // the rare trailing trivia lives beside the text's string in `_extra`, and `IsMissing` is the top
    // bit of `_widthAndMissing`.
    private readonly string _source;
    private readonly int _start;
    private readonly int _widthAndMissing;
    private readonly ImmutableArray<SyntaxTrivia> _leading;

    // Null, the token's text once made (a string), or, for a token with trailing trivia, a TrailingPart.
    private object? _extra;

    internal SyntaxToken(SyntaxKind kind, string text, ImmutableArray<SyntaxTrivia> leadingTrivia, ImmutableArray<SyntaxTrivia> trailingTrivia, bool isMissing = false)
        : this(kind, text, 0, text.Length, leadingTrivia, trailingTrivia, isMissing)
    {
    }

    /// <summary>A token whose text is <paramref name="width"/> characters of <paramref name="source"/> from <paramref name="start"/>.</summary>
    internal SyntaxToken(SyntaxKind kind, string source, int start, int width, ImmutableArray<SyntaxTrivia> leadingTrivia, ImmutableArray<SyntaxTrivia> trailingTrivia, bool isMissing = false)
        : base(kind)
    {
        _source = source;
        _start = start;
        _widthAndMissing = isMissing ? width | int.MinValue : width;
        var fullWidth = width;
        if (!leadingTrivia.IsDefaultOrEmpty)
        {
            _leading = leadingTrivia;
            fullWidth += SumWidths(leadingTrivia);
        }

        if (!trailingTrivia.IsDefaultOrEmpty)
        {
            var trailing = new TrailingPart(trailingTrivia, SumWidths(trailingTrivia));
            _extra = trailing;
            fullWidth += trailing.Width;
        }

        FullWidth = fullWidth;
    }

    private static int SumWidths(ImmutableArray<SyntaxTrivia> trivia)
    {
        var width = 0;
        foreach (var t in trivia)
        {
            width += t.Text.Length;
        }

        return width;
    }

    /// <summary>Trailing trivia and, once made, the token's text.</summary>
    private sealed class TrailingPart(ImmutableArray<SyntaxTrivia> trivia, int width)
    {
        public ImmutableArray<SyntaxTrivia> Trivia { get; } = trivia;

        public int Width { get; } = width;

        public string? Text { get; set; }
    }

    /// <summary>The token's own text, without trivia.</summary>
    public string Text
    {
        get
        {
            if (_extra is string text)
            {
                return text;
            }

            var trailing = _extra as TrailingPart;
            if (trailing?.Text is { } kept)
            {
                return kept;
            }

            // Two threads may both make the string: either one is the same text.
            text = Width == _source.Length ? _source : _source.Substring(_start, Width);
            if (trailing is null)
            {
                _extra = text;
            }
            else
            {
                trailing.Text = text;
            }

            return text;
        }
    }

    /// <summary>The token's own text without making a string of it.</summary>
    internal ReadOnlySpan<char> Chars => _source.AsSpan(_start, Width);

    /// <summary>The same text as another kind of token, with other trivia.</summary>
    internal SyntaxToken WithKind(SyntaxKind kind, ImmutableArray<SyntaxTrivia> leadingTrivia)
        => new(kind, _source, _start, Width, leadingTrivia, default);

    /// <summary>A token of part of this one's text, <paramref name="width"/> characters from <paramref name="offset"/>.</summary>
    internal SyntaxToken Part(SyntaxKind kind, int offset, int width, ImmutableArray<SyntaxTrivia> leadingTrivia)
        => new(kind, _source, _start + offset, width, leadingTrivia, default);

    /// <summary>Trivia before the token.</summary>
    public ImmutableArray<SyntaxTrivia> LeadingTrivia => _leading.IsDefault ? ImmutableArray<SyntaxTrivia>.Empty : _leading;

    /// <summary>Trivia after the token (here-document bodies after a line break).</summary>
    public ImmutableArray<SyntaxTrivia> TrailingTrivia => _extra is TrailingPart trailing ? trailing.Trivia : ImmutableArray<SyntaxTrivia>.Empty;

    /// <summary>True when the parser expected this token and did not find it; its text is empty.</summary>
    public bool IsMissing => _widthAndMissing < 0;

    /// <inheritdoc />
    public override int FullWidth { get; }

    /// <inheritdoc />
    public override int LeadingTriviaWidth => FullWidth - Width - (_extra is TrailingPart trailing ? trailing.Width : 0);

    /// <summary>Length of the token's own text.</summary>
    public int Width => _widthAndMissing & int.MaxValue;

    /// <inheritdoc />
    public override void WriteTo(StringBuilder builder)
    {
        foreach (var t in LeadingTrivia)
        {
            builder.Append(t.Text);
        }

        builder.Append(_source, _start, Width);
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
        return list.SequenceEqual(LeadingTrivia) ? this : new SyntaxToken(Kind, _source, _start, Width, list, TrailingTrivia, IsMissing);
    }

    /// <summary>Returns a token with other trailing trivia (the same instance when nothing changes).</summary>
    public SyntaxToken WithTrailingTrivia(IEnumerable<SyntaxTrivia> trivia)
    {
        var list = trivia.ToImmutableArray();
        return list.SequenceEqual(TrailingTrivia) ? this : new SyntaxToken(Kind, _source, _start, Width, LeadingTrivia, list, IsMissing);
    }

    /// <summary>Returns a token with other text and the same trivia (the same instance when nothing changes).</summary>
    public SyntaxToken WithText(string text) => text == Text ? this : new SyntaxToken(Kind, text, LeadingTrivia, TrailingTrivia);

    /// <summary>The token's text with trivia.</summary>
    public override string ToString() => Text;
}
