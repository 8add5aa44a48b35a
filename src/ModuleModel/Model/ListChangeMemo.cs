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
    private readonly Dictionary<(ShellValue? Initial, ShellValue Final), ImmutableArray<(ShellValue Word, ModulePosition Position)>> _added = new(IdentityPairComparer<ShellValue?, ShellValue>.Instance);
    private readonly Dictionary<(ShellValue? Initial, ShellValue Final), ImmutableArray<string>> _removed = new(IdentityPairComparer<ShellValue?, ShellValue>.Instance);

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

    /// <summary><see cref="ListChanges.Added(ShellValue?, ShellValue)"/> of <paramref name="variable"/> between the two states.</summary>
    public ImmutableArray<(ShellValue Word, ModulePosition Position)> Added(NameMap<ShellValue> before, NameMap<ShellValue> after, string variable)
    {
        if (!after.TryGetValue(variable, out var final))
        {
            return [];
        }

        before.TryGetValue(variable, out var initial);
        if (ReferenceEquals(initial, final))
        {
            // The very value the list had: the config did not touch it.
            return [];
        }

        var key = (initial is null ? null : Shared(initial), Shared(final));
        if (!_added.TryGetValue(key, out var added))
        {
            added = ListChanges.Added(key.Item1, key.Item2);
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
