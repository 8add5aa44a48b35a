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
    /// Comparing a grown list (<see cref="ShellValue.AppendWords"/>) lays out all of its parts:
    /// the evaluation's memo asks only for short values, the outcomes' memo for configure's long
    /// lists once per outcome.
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
