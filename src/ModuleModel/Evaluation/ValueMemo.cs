using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// What every world of one evaluation computes alike from equal values, computed once for all of
/// them: the words of auto/module's variables, its <c>eval</c> joins, its appends to configure's
/// lists, and the long values a config's own assignments join. A config with many undecidable conditions runs dozens of worlds, and each assigns
/// <c>ngx_module_srcs</c> and the rest anew after the point where they part, so without this every
/// world split, joined and copied the same lists again. Values are told apart by
/// <see cref="ShellValue.SegmentComparer"/>, under which equal values are the same value in every
/// respect, so a world handed another world's instance computes what its own would have. Worlds
/// that end with the same lists then hold the same instances, which is what lets the outcomes
/// compare them by reference. One memo serves one <see cref="Evaluator.RunAllWorlds"/>, whose worlds
/// run one after another.
/// </summary>
internal sealed class ValueMemo
{
    private readonly ValueInterner _values = new();
    private readonly Dictionary<(ShellValue Value, string Prefix, string Suffix), ShellValue> _joined = new(JoinKeys.Instance);
    private readonly Dictionary<(ShellValue List, ShellValue Value), ShellValue> _appended = new(IdentityPairComparer<ShellValue, ShellValue>.Instance);
    private readonly Dictionary<ShellValue, ImmutableArray<string>> _words = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(ShellValue Sources, ShellValue Earlier), NewSources> _newSources = new(IdentityPairComparer<ShellValue, ShellValue>.Instance);
    private readonly Dictionary<ShellValue[], ShellValue> _concatenated = new(InstanceSequenceComparer.Instance);

    // Below this many segments a concatenation is cheaper made again than looked up and kept.
    private const int SegmentsWorthKeeping = 16;

    /// <summary>
    /// The first value seen equal to <paramref name="value"/> part by part (itself the first time).
    /// Not for configure's long lists: comparing a grown list lays out all of its parts.
    /// </summary>
    public ShellValue Shared(ShellValue value) => _values.Shared(value);

    /// <summary><see cref="Evaluator.EvalJoin"/>, once per distinct value.</summary>
    public ShellValue EvalJoin(string prefix, ShellValue value, string suffix)
    {
        var key = (Shared(value), prefix, suffix);
        if (!_joined.TryGetValue(key, out var joined))
        {
            joined = Shared(Evaluator.EvalJoin(prefix, key.Item1, suffix));
            _joined.Add(key, joined);
        }

        return joined;
    }

    /// <summary>
    /// <see cref="ShellValue.AppendWords"/>, once per list instance and distinct value: a world that
    /// appends to the list another world appended to (the list both had where they parted) gets
    /// that world's result rather than a copy of the list of its own.
    /// </summary>
    public ShellValue AppendWords(ShellValue list, ShellValue value)
    {
        var key = (list, Shared(value));
        if (!_appended.TryGetValue(key, out var appended))
        {
            appended = ShellValue.AppendWords(list, key.Item2);
            _appended.Add(key, appended);
        }

        return appended;
    }

    /// <summary>
    /// The words of <paramref name="value"/> as text, once per distinct value: auto/module records its names,
    /// sources, libraries, include directories and dependencies so in every world that calls it.
    /// </summary>
    public ImmutableArray<string> Words(ShellValue value)
    {
        var shared = Shared(value);
        if (!_words.TryGetValue(shared, out var words))
        {
            words = [.. shared.SplitWords().Select(w => w.ToString())];
            _words.Add(shared, words);
        }

        return words;
    }

    /// <summary>
    /// <see cref="NginxScripts.SplitSources"/>, once per instance of the sources (a shared one:
    /// <see cref="Shared"/>) and of the earlier list: the worlds that call auto/module with the same
    /// sources on the same list then hold the same instances of what it adds, which the appends that
    /// follow find again.
    /// </summary>
    public NewSources NewSources(ShellValue sources, ShellValue earlier)
    {
        var key = (sources, earlier);
        if (!_newSources.TryGetValue(key, out var split))
        {
            split = NginxScripts.SplitSources(sources, earlier);
            _newSources.Add(key, split);
        }

        return split;
    }

    /// <summary>
    /// <see cref="ShellValue.Concat"/>, once per sequence of instances, for long values: every world that
    /// runs <c>NGX_ADDON_SRCS="$NGX_ADDON_SRCS $MY_SRCS"</c> after the point where they part, with the lists
    /// they all had there, copied both lists' segments again into a list of its own.
    /// </summary>
    public ShellValue Concat(List<ShellValue> values)
    {
        var segments = 0;
        foreach (var value in values)
        {
            segments += value.Segments.Length;
        }

        if (segments < SegmentsWorthKeeping)
        {
            return ShellValue.Concat(CollectionsMarshal.AsSpan(values));
        }

        var key = values.ToArray();
        if (!_concatenated.TryGetValue(key, out var joined))
        {
            joined = ShellValue.Concat(CollectionsMarshal.AsSpan(values));
            _concatenated.Add(key, joined);
        }

        return joined;
    }

    /// <summary>Sequences of values told apart by the instances they hold, in order.</summary>
    private sealed class InstanceSequenceComparer : IEqualityComparer<ShellValue[]>
    {
        public static InstanceSequenceComparer Instance { get; } = new();

        public bool Equals(ShellValue[]? x, ShellValue[]? y)
            => x!.Length == y!.Length && x.AsSpan().SequenceEqual(y, ReferenceEqualityComparer.Instance);

        public int GetHashCode(ShellValue[] obj)
        {
            var hash = default(HashCode);
            foreach (var value in obj)
            {
                hash.Add(RuntimeHelpers.GetHashCode(value));
            }

            return hash.ToHashCode();
        }
    }

    /// <summary>Keys whose value is a shared instance: compared by identity, the strings by content.</summary>
    private sealed class JoinKeys : IEqualityComparer<(ShellValue Value, string Prefix, string Suffix)>
    {
        public static JoinKeys Instance { get; } = new();

        public bool Equals((ShellValue Value, string Prefix, string Suffix) x, (ShellValue Value, string Prefix, string Suffix) y)
            => ReferenceEquals(x.Value, y.Value) && string.Equals(x.Prefix, y.Prefix, StringComparison.Ordinal) && string.Equals(x.Suffix, y.Suffix, StringComparison.Ordinal);

        public int GetHashCode((ShellValue Value, string Prefix, string Suffix) obj)
            => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Value), StringComparer.Ordinal.GetHashCode(obj.Prefix), StringComparer.Ordinal.GetHashCode(obj.Suffix));
    }
}
