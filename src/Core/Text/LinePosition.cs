namespace ConfigConvert.Text;

/// <summary>A 1-based line and column, as editors and compilers display them.</summary>
/// <remarks>Columns count UTF-16 code units, so a tab is one column.</remarks>
public readonly record struct LinePosition(int Line, int Column)
{
    /// <inheritdoc />
    public override string ToString() => $"{Line},{Column}";
}
