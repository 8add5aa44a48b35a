namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The first instance seen of each value, values told apart by <see cref="ShellValue.SegmentComparer"/>
/// (their parts and where each was written), under which equal values are the same value in every
/// respect. Memos that key what they compute by instance (<see cref="ValueMemo"/>, the outcomes'
/// <see cref="ListChangeMemo"/>) ask here first, so equal values from different worlds find one
/// entry. Used by one thread.
/// </summary>
internal sealed class ValueInterner
{
    private readonly Dictionary<ShellValue, ShellValue> _values = new(ShellValue.SegmentComparer);

    /// <summary>
    /// The first value seen equal to <paramref name="value"/> part by part (itself the first time).
    /// Hashing and comparing a grown list (<see cref="ShellValue.AppendWords"/>) lays out all of its
    /// parts, so callers ask sparingly: the evaluation's memo only for short values, and the outcomes'
    /// memo for configure's long lists once per distinct instance (it remembers what each instance gave).
    /// </summary>
    public ShellValue Shared(ShellValue value)
    {
        if (_values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        _values.Add(value, value);
        return value;
    }
}
