namespace ConfigConvert.Text;

/// <summary>A range of characters in a source text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The position just after the span.</summary>
    public int End => Start + Length;

    /// <summary>True when <paramref name="span"/> lies wholly inside this span (an empty span at either end included).</summary>
    public bool Contains(TextSpan span) => Start <= span.Start && span.End <= End;

    /// <summary>Builds a span from its start and end positions.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
