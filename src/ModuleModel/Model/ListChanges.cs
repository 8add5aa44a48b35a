namespace ConfigConvert.ModuleModel;

/// <summary>
/// What a config did to one of configure's word lists, found by comparing the list before and after
/// it ran: the words it added (each with its place among the words the list had) and the ones it
/// took out. Words are compared by content (<see cref="ShellValue.ContentEquals"/>).
/// </summary>
internal static class ListChanges
{
    /// <summary>The words <paramref name="variable"/> gained, in list order, each with where it went.</summary>
    public static IEnumerable<(ShellValue Word, ModulePosition Position)> Added(IReadOnlyDictionary<string, ShellValue> before, IReadOnlyDictionary<string, ShellValue> after, string variable)
    {
        if (!after.TryGetValue(variable, out var final))
        {
            return [];
        }

        if (before.TryGetValue(variable, out var unchanged) && ReferenceEquals(unchanged, final))
        {
            // The very value the list had: the config did not touch it.
            return [];
        }

        var initial = before.TryGetValue(variable, out var old) ? old.SplitWords() : [];
        var words = final.SplitWords();
        var isNew = MarkNew(initial, words);
        return Enumerable.Range(0, words.Length)
            .Where(i => isNew[i])
            .Select(i => (words[i], initial.IsEmpty ? ModulePosition.Append : PositionOf(words, isNew, i)));
    }

    /// <summary>The words <paramref name="variable"/> had and no longer has (as often as they were lost).</summary>
    public static IEnumerable<string> Removed(IReadOnlyDictionary<string, ShellValue> before, IReadOnlyDictionary<string, ShellValue> after, string variable)
    {
        if (!before.TryGetValue(variable, out var old) || !after.TryGetValue(variable, out var final) || ReferenceEquals(old, final))
        {
            return [];
        }

        var remaining = Counts(final.SplitWords());
        var removed = new List<string>();
        foreach (var word in old.SplitWords())
        {
            if (!Take(remaining, word))
            {
                removed.Add(word.ToString());
            }
        }

        return removed;
    }

    /// <summary>Which of <paramref name="words"/> are new: each word of <paramref name="initial"/> accounts for one equal word, the first one.</summary>
    private static bool[] MarkNew(IReadOnlyList<ShellValue> initial, IReadOnlyList<ShellValue> words)
    {
        var remaining = Counts(initial);
        var isNew = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            isNew[i] = !Take(remaining, words[i]);
        }

        return isNew;
    }

    /// <summary>
    /// A new word's place: appended when only new words follow it, prepended when only new words
    /// precede it, else before the old word that follows it directly, or after the nearest old word
    /// before it.
    /// </summary>
    private static ModulePosition PositionOf(IReadOnlyList<ShellValue> words, bool[] isNew, int i)
    {
        var next = Enumerable.Range(i + 1, words.Count - i - 1).FirstOrDefault(j => !isNew[j], -1);
        var previous = Enumerable.Range(0, i).Reverse().FirstOrDefault(j => !isNew[j], -1);
        return next < 0 ? ModulePosition.Append
            : previous < 0 ? ModulePosition.Prepend
            : next == i + 1 ? ModulePosition.Before(words[next].ToString())
            : ModulePosition.After(words[previous].ToString());
    }

    private static Dictionary<ShellValue, int> Counts(IEnumerable<ShellValue> words)
    {
        var counts = new Dictionary<ShellValue, int>(ShellValue.ContentComparer);
        foreach (var word in words)
        {
            counts[word] = counts.GetValueOrDefault(word) + 1;
        }

        return counts;
    }

    private static bool Take(Dictionary<ShellValue, int> counts, ShellValue word)
    {
        if (!counts.TryGetValue(word, out var count) || count == 0)
        {
            return false;
        }

        counts[word] = count - 1;
        return true;
    }
}
