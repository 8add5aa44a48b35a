using System.Collections.Immutable;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// What a config did to one of configure's word lists, found by comparing the list before and after
/// it ran: the words it added (each with its place among the words the list had) and the ones it
/// took out. Words are compared by content (<see cref="ShellValue.ContentEquals"/>). The outcomes of a
/// description ask through a <see cref="ListChangeMemo"/>, which computes each distinct change once and
/// answers a list the config did not touch (the very value it had) without comparing it.
/// </summary>
internal static class ListChanges
{
    /// <summary>
    /// The words a list gained from <paramref name="initial"/> (null: the variable was not set) to
    /// <paramref name="final"/>, in list order, each with where it went.
    /// </summary>
    public static ImmutableArray<(ShellValue Word, ModulePosition Position)> Added(ShellValue? initial, ShellValue final)
    {
        var initialWords = initial?.SplitWords() ?? [];
        var words = final.SplitWords();
        var isNew = MarkNew(initialWords, words);
        var nextOld = NearestOld(isNew, from: words.Length - 1, step: -1);
        var previousOld = NearestOld(isNew, from: 0, step: 1);
        var added = ImmutableArray.CreateBuilder<(ShellValue Word, ModulePosition Position)>();
        for (var i = 0; i < words.Length; i++)
        {
            if (isNew[i])
            {
                added.Add((words[i], initialWords.IsEmpty ? ModulePosition.Append : PositionOf(words, i, nextOld[i], previousOld[i])));
            }
        }

        return added.ToImmutable();
    }

    /// <summary>The words a list had in <paramref name="initial"/> and no longer has in <paramref name="final"/> (as often as they were lost).</summary>
    public static ImmutableArray<string> Removed(ShellValue initial, ShellValue final)
    {
        var remaining = Counts(final.SplitWords());
        var removed = ImmutableArray.CreateBuilder<string>();
        foreach (var word in initial.SplitWords())
        {
            if (!Take(remaining, word))
            {
                removed.Add(word.ToString());
            }
        }

        return removed.ToImmutable();
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
    /// For each word, the index of the nearest old word that a walk from <paramref name="from"/> in
    /// steps of <paramref name="step"/> passed before reaching it, or -1 (from the end: the next old
    /// word; from the start: the previous one). One pass, so that a list that gained thousands of
    /// words is not searched again for each of them.
    /// </summary>
    private static int[] NearestOld(bool[] isNew, int from, int step)
    {
        var nearest = new int[isNew.Length];
        var last = -1;
        for (var i = from; i >= 0 && i < isNew.Length; i += step)
        {
            nearest[i] = last;
            if (!isNew[i])
            {
                last = i;
            }
        }

        return nearest;
    }

    /// <summary>
    /// A new word's place: appended when only new words follow it, prepended when only new words
    /// precede it, else before the old word that follows it directly, or after the nearest old word
    /// before it.
    /// </summary>
    private static ModulePosition PositionOf(IReadOnlyList<ShellValue> words, int i, int next, int previous)
        => next < 0 ? ModulePosition.Append
            : previous < 0 ? ModulePosition.Prepend
            : next == i + 1 ? ModulePosition.Before(words[next].ToString())
            : ModulePosition.After(words[previous].ToString());

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
