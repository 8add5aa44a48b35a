namespace ConfigConvert.Text;

/// <summary>A range of characters in a source text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The position just after the span.</summary>
    public int End => Start + Length;

    /// <summary>Builds a span from its start and end positions.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
