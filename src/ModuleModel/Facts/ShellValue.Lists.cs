using System.Collections.Immutable;
using System.Text;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// configure's word lists (<c>HTTP_MODULES</c>, <c>NGX_ADDON_SRCS</c>...) grow by one
/// <c>LIST="$LIST $value"</c> per module. Rebuilding the whole value at every append made a config
/// registering thousands of modules quadratic, so a value grown this way shares one append-only store
/// with the value it grew from, and its segments and words are only laid out when read.
/// </summary>
public sealed partial class ShellValue
{
    private readonly GrownList? _grown; // set only for a value made by AppendWords

    private ShellValue(GrownList grown) => _grown = grown;

    /// <summary>
    /// <c>"$list $value"</c>: the same value as <see cref="Concat"/> of the three gives, in amortised
    /// constant time when <paramref name="list"/> was itself grown this way and no other value grew from it.
    /// </summary>
    internal static ShellValue AppendWords(ShellValue list, ShellValue value)
    {
        var tail = Concat([Space, value]);
        var words = value.SplitWords();
        if (list._grown is { } grown && grown.TryExtend(tail.Segments, words) is { } extended)
        {
            return new ShellValue(extended);
        }

        // The first append to a list, or a second one to the same value (another world of the config):
        // a store of its own, copied once.
        return new ShellValue(GrownList.Copy(list).TryExtend(tail.Segments, words)!);
    }

    /// <summary>The number of words (<see cref="SplitWords"/>) without laying them out.</summary>
    internal int WordCount => _grown?.WordCount ?? SplitWords().Length;

    /// <summary>The word at <paramref name="index"/> of <see cref="SplitWords"/>.</summary>
    internal ShellValue WordAt(int index) => _grown is { } grown ? grown.WordAt(index) : SplitWords()[index];

    /// <summary>The index of the first word whose known text is <paramref name="text"/>, or -1.</summary>
    internal int IndexOfWord(string text)
    {
        if (_grown is { } grown)
        {
            return grown.IndexOfWord(text);
        }

        var words = SplitWords();
        for (var i = 0; i < words.Length; i++)
        {
            if (words[i].KnownText == text)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// A prefix of a store: the store's first <see cref="SegmentCount"/> raw segments (each append's
    /// already in normal form, their junctions not merged) and first <see cref="WordCount"/> words.
    /// Only appending to a value that ends where the store ends writes to it, so what a prefix covers
    /// never changes; a lock keeps worlds run on several threads from appending at once.
    /// </summary>
    private sealed class GrownList
    {
        private readonly Store _store;

        private GrownList(Store store, int segmentCount, int wordCount) => (_store, SegmentCount, WordCount) = (store, segmentCount, wordCount);

        public int SegmentCount { get; }

        public int WordCount { get; }

        public static GrownList Copy(ShellValue value)
        {
            var store = new Store();
            if (value._grown is { } grown)
            {
                lock (grown._store)
                {
                    store.Add(grown._store.Segments.AsSpan(0, grown.SegmentCount), grown._store.Words.AsSpan(0, grown.WordCount));
                }
            }
            else
            {
                store.Add(value.Segments.AsSpan(), value.SplitWords().AsSpan());
            }

            return new GrownList(store, store.SegmentCount, store.WordCount);
        }

        /// <summary>This prefix followed by more, or null when the store already goes on past it.</summary>
        public GrownList? TryExtend(ImmutableArray<ValueSegment> segments, ImmutableArray<ShellValue> words)
        {
            lock (_store)
            {
                if (_store.SegmentCount != SegmentCount || _store.WordCount != WordCount)
                {
                    return null;
                }

                _store.Add(segments.AsSpan(), words.AsSpan());
                return new GrownList(_store, _store.SegmentCount, _store.WordCount);
            }
        }

        public ShellValue WordAt(int index)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, WordCount);
            lock (_store)
            {
                return _store.Words[index];
            }
        }

        public int IndexOfWord(string text)
        {
            lock (_store)
            {
                // The store keeps the first index of each text; a later one is past this prefix.
                return _store.FirstIndexOf.TryGetValue(text, out var index) && index < WordCount ? index : -1;
            }
        }

        public ImmutableArray<ShellValue> Words()
        {
            lock (_store)
            {
                return ImmutableArray.Create(_store.Words, 0, WordCount);
            }
        }

        /// <summary>The segments in normal form: a run of known text of one origin becomes one part, as <see cref="Builder"/> makes it.</summary>
        public ImmutableArray<ValueSegment> Segments()
        {
            ValueSegment[] raw;
            lock (_store)
            {
                raw = _store.Segments.AsSpan(0, SegmentCount).ToArray();
            }

            var result = ImmutableArray.CreateBuilder<ValueSegment>(raw.Length);
            var run = new StringBuilder();
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i].Unknown is not null)
                {
                    result.Add(raw[i]);
                    continue;
                }

                run.Clear().Append(raw[i].Text);
                var origin = raw[i].Origin;
                while (i + 1 < raw.Length && raw[i + 1].Unknown is null && raw[i + 1].Origin == origin)
                {
                    run.Append(raw[++i].Text);
                }

                if (run.Length > 0)
                {
                    result.Add(new ValueSegment(run.ToString(), origin, null));
                }
            }

            return result.DrainToImmutable();
        }

        private sealed class Store
        {
            public ValueSegment[] Segments { get; private set; } = [];

            public int SegmentCount { get; private set; }

            public ShellValue[] Words { get; private set; } = [];

            public int WordCount { get; private set; }

            public Dictionary<string, int> FirstIndexOf { get; } = new(StringComparer.Ordinal);

            public void Add(ReadOnlySpan<ValueSegment> segments, ReadOnlySpan<ShellValue> words)
            {
                Segments = Grown(Segments, SegmentCount + segments.Length);
                segments.CopyTo(Segments.AsSpan(SegmentCount));
                SegmentCount += segments.Length;

                Words = Grown(Words, WordCount + words.Length);
                foreach (var word in words)
                {
                    if (word.KnownText is { } text)
                    {
                        FirstIndexOf.TryAdd(text, WordCount);
                    }

                    Words[WordCount++] = word;
                }
            }

            private static T[] Grown<T>(T[] array, int needed)
            {
                if (needed <= array.Length)
                {
                    return array;
                }

                var bigger = new T[Math.Max(needed, Math.Max(8, array.Length * 2))];
                array.CopyTo(bigger, 0);
                return bigger;
            }
        }
    }
}
