namespace ConfigConvert.Analyzers.Framework;

/// <summary>Searches by halving over items kept in order (tokens, statements, positions).</summary>
internal static class SortedSearch
{
    /// <summary>
    /// How many of <paramref name="count"/> sorted items come before a point:
    /// <paramref name="isBefore"/> holds for a leading run of them and for none after it.
    /// </summary>
    public static int CountLeading(int count, Func<int, bool> isBefore)
    {
        var (low, high) = (0, count);
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            (low, high) = isBefore(middle) ? (middle + 1, high) : (low, middle);
        }

        return low;
    }

    /// <summary>How many of the ascending <paramref name="values"/> lie in <c>[from, to)</c>.</summary>
    public static int CountBetween(IReadOnlyList<int> values, int from, int to)
        => from >= to ? 0 : CountLeading(values.Count, i => values[i] < to) - CountLeading(values.Count, i => values[i] < from);
}
