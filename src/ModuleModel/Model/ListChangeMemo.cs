using System.Collections.Immutable;
using ConfigConvert.ModuleModel.Evaluation;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// What the outcomes of one description need from configure's long lists, computed once per distinct
/// value rather than once per outcome. A config met by many undecidable conditions runs up to 64 worlds
/// per link mode, and worlds that differ only in a <c>#define</c> or a library end with the same lists,
/// each world holding its own copy. Values are told apart by <see cref="ShellValue.SegmentComparer"/>
/// (their parts and where each was written), so a value found here is the same value in every
/// respect, and what is derived from it (its words, their origins and positions) is what the world's
/// own copy would give. Used by one thread: the outcomes of a description are built one by one.
/// </summary>
internal sealed class ListChangeMemo
{
    private readonly ValueInterner _values = new();
    private readonly Dictionary<ShellValue, ShellValue> _sharedByInstance = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<string, Dictionary<(ShellValue? Initial, ShellValue Final), ImmutableArray<ListFact>>> _facts = new(StringComparer.Ordinal);
    private readonly Dictionary<(ShellValue? Initial, ShellValue Final), ImmutableArray<(ShellValue Word, ModulePosition Position)>> _added = new(IdentityPairComparer<ShellValue?, ShellValue>.Instance);
    private readonly Dictionary<(ShellValue? Initial, ShellValue Final), ImmutableArray<string>> _removed = new(IdentityPairComparer<ShellValue?, ShellValue>.Instance);
    private readonly Dictionary<ShellValue, ImmutableArray<string>> _displayedWords = new(ReferenceEqualityComparer.Instance);

    /// <summary>The first value seen equal to <paramref name="value"/> part by part (itself the first time).</summary>
    public ShellValue Shared(ShellValue value)
    {
        // Every outcome asks again for the instances configure's globals started with, its long lists
        // among them, which the part by part comparer would hash whole each time.
        if (!_sharedByInstance.TryGetValue(value, out var shared))
        {
            shared = _values.Shared(value);
            _sharedByInstance.Add(value, shared);
        }

        return shared;
    }

    /// <summary>
    /// The words of <paramref name="value"/> as <paramref name="display"/> shows them, made once per distinct value:
    /// every outcome lists its shared objects' modules, sources and libraries so. Like <see cref="AddedFacts"/>,
    /// <paramref name="display"/> must show the same word alike at every call.
    /// </summary>
    public ImmutableArray<string> DisplayedWords(ShellValue value, Func<string, string> display)
    {
        var shared = Shared(value);
        if (!_displayedWords.TryGetValue(shared, out var words))
        {
            words = [.. shared.SplitWords().Select(w => display(w.ToString()))];
            _displayedWords.Add(shared, words);
        }

        return words;
    }

    /// <summary><see cref="ListChanges.Added(ShellValue?, ShellValue)"/> of <paramref name="variable"/> between the two states.</summary>
    public ImmutableArray<(ShellValue Word, ModulePosition Position)> Added(NameMap<ShellValue> before, NameMap<ShellValue> after, string variable)
        => ChangeOf(before, after, variable) is { } key ? AddedWords(key) : [];

    /// <summary>
    /// What <paramref name="fact"/> makes of each word <see cref="Added"/> gives (and the variable), made once per list and
    /// change: outcomes whose lists are alike get the same facts, where each made its own strings for
    /// every source word of the module. <paramref name="fact"/> must make the same fact of the same word
    /// at every call (it shows paths relative to the description's one module directory).
    /// </summary>
    public ImmutableArray<ListFact> AddedFacts(NameMap<ShellValue> before, NameMap<ShellValue> after, string variable, Func<ShellValue, string, ListFact> fact)
    {
        if (ChangeOf(before, after, variable) is not { } key)
        {
            return [];
        }

        if (!_facts.TryGetValue(variable, out var byChange))
        {
            _facts[variable] = byChange = new(IdentityPairComparer<ShellValue?, ShellValue>.Instance);
        }

        if (!byChange.TryGetValue(key, out var facts))
        {
            facts = [.. AddedWords(key).Select(added => fact(added.Word, variable))];
            byChange.Add(key, facts);
        }

        return facts;
    }

    /// <summary>The shared values <paramref name="variable"/> had before and has after; null when the config did not touch it or unset it.</summary>
    private (ShellValue? Initial, ShellValue Final)? ChangeOf(NameMap<ShellValue> before, NameMap<ShellValue> after, string variable)
    {
        if (!after.TryGetValue(variable, out var final))
        {
            return null;
        }

        before.TryGetValue(variable, out var initial);
        if (ReferenceEquals(initial, final))
        {
            // The very value the list had: the config did not touch it.
            return null;
        }

        return (initial is null ? null : Shared(initial), Shared(final));
    }

    private ImmutableArray<(ShellValue Word, ModulePosition Position)> AddedWords((ShellValue? Initial, ShellValue Final) key)
    {
        if (!_added.TryGetValue(key, out var added))
        {
            added = ListChanges.Added(key.Initial, key.Final);
            _added.Add(key, added);
        }

        return added;
    }

    /// <summary><see cref="ListChanges.Removed(ShellValue, ShellValue)"/> of <paramref name="variable"/> between the two states.</summary>
    public ImmutableArray<string> Removed(NameMap<ShellValue> before, NameMap<ShellValue> after, string variable)
    {
        if (!before.TryGetValue(variable, out var initial) || !after.TryGetValue(variable, out var final) || ReferenceEquals(initial, final))
        {
            return [];
        }

        var key = ((ShellValue?)Shared(initial), Shared(final));
        if (!_removed.TryGetValue(key, out var removed))
        {
            removed = ListChanges.Removed(key.Item1!, key.Item2);
            _removed.Add(key, removed);
        }

        return removed;
    }
}
