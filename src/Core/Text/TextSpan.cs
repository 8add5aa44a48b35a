namespace ConfigConvert.Text;

/// <summary>A range of characters in a source text: <see cref="Start"/> inclusive, <see cref="End"/> exclusive.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    /// <summary>The position just after the span.</summary>
    public int End => Start + Length;

    /// <summary>True when the span covers no characters.</summary>
    public bool IsEmpty => Length == 0;

    /// <summary>Builds a span from its start and end positions.</summary>
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="position"/> lies inside the span.</summary>
    public bool Contains(int position) => position >= Start && position < End;

    /// <summary>True when <paramref name="other"/> lies entirely inside this span.</summary>
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";
}
