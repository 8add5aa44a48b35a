using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// A shell string as the model knows it: a sequence of parts, each either known text (remembering
/// where in a script it was written) or an explicit unknown (a program's output, a feature test's
/// compiler line) with the reason it cannot be known. Immutable.
/// </summary>
public sealed partial class ShellValue
{
    // Computed once, on first use: a value is immutable, and configure's long lists (HTTP_MODULES...)
    // are split and compared once per world and per rule. A race computes the same result twice.
    private ImmutableArray<ShellValue> _words;
    private (string? Text, string? UnknownReason)[]? _contentParts;
    private string? _knownText;
    private int _segmentsHash; // 0 until computed (a computed 0 is stored as 1): one int, so no thread sees half of it
    private ImmutableArray<ValueSegment> _segments; // default until a value grown from a list (see AppendWords) is read

    private ShellValue(ImmutableArray<ValueSegment> segments) => _segments = segments;

    /// <summary>The empty string.</summary>
    internal static ShellValue Empty { get; } = new([]);

    /// <summary>One space, as the shell puts between the words it joins.</summary>
    internal static ShellValue Space { get; } = Text(" ");

    /// <summary>Compares values with <see cref="ContentEquals"/>.</summary>
    public static IEqualityComparer<ShellValue> ContentComparer { get; } = new ByContent();

    /// <summary>
    /// Compares values part by part, where each part was written included: values equal by it are the
    /// same value in every respect, so whatever is derived from one (its words, their origins) holds
    /// for the other. Worlds that differ only in a <c>#define</c> end with lists equal by it.
    /// </summary>
    internal static IEqualityComparer<ShellValue> SegmentComparer { get; } = new BySegments();

    /// <summary>The parts, in order. Neighbouring known text of one origin is one part; no part is empty known text.</summary>
    public ImmutableArray<ValueSegment> Segments
    {
        get
        {
            if (_segments.IsDefault)
            {
                _segments = _grown!.Segments();
            }

            return _segments;
        }
    }

    /// <summary>True when no part is unknown.</summary>
    public bool IsKnown => Segments.All(s => s.Unknown is null);

    /// <summary>True for the empty string (an unknown part may stand for any text, so a value with one is not empty).</summary>
    internal bool IsEmpty => Segments.All(s => s.Unknown is null && s.Text.Length == 0);

    /// <summary>The text when fully known, otherwise null.</summary>
    public string? KnownText => IsKnown ? _knownText ??= JoinKnown() : null;

    /// <summary>The unknown parts, in order.</summary>
    public IEnumerable<UnknownValue> Unknowns => Segments.Where(s => s.Unknown is not null).Select(s => s.Unknown!);

    internal static ShellValue Text(string text, Location? origin = null) => text.Length == 0 ? Empty : new([new ValueSegment(text, origin, null)]);

    internal static ShellValue Of(UnknownValue unknown) => new([new ValueSegment(string.Empty, null, unknown)]);

    /// <summary>
    /// The values one after the other. Every value is already in normal form (see <see cref="Segments"/>),
    /// so a single non-empty one is the result itself, and the rest are appended into one array of the
    /// right size rather than a list grown by doubling. A span: every word of every command passes here, and a list
    /// walked as a sequence made an enumerator on the heap for each of the two walks.
    /// </summary>
    internal static ShellValue Concat(params ReadOnlySpan<ShellValue> values)
    {
        ShellValue? only = null;
        var nonEmpty = 0;
        var segments = 0;
        foreach (var value in values)
        {
            if (!value.Segments.IsEmpty)
            {
                only = value;
                nonEmpty++;
                segments += value.Segments.Length;
            }
        }

        if (nonEmpty <= 1)
        {
            return only ?? Empty;
        }

        var builder = new Builder(segments);
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.ToValue();
    }

    /// <summary>A value made of segments (adjacent text of one origin is merged, empty text dropped).</summary>
    internal static ShellValue FromSegments(IEnumerable<ValueSegment> segments)
    {
        var builder = new Builder();
        foreach (var segment in segments)
        {
            builder.Append(new ShellValue([segment]));
        }

        return builder.ToValue();
    }

    /// <summary>
    /// True when both values are the same string as far as the model can tell: the same known text
    /// wherever it was written, and unknowns of the same reason in the same places. This is how two
    /// states of a variable are compared; where text was written does not change the string.
    /// </summary>
    public bool ContentEquals(ShellValue other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return ReferenceEquals(this, other)
            || ContentParts().AsSpan().SequenceEqual(other.ContentParts());
    }

    /// <summary>A hash code consistent with <see cref="ContentEquals"/>.</summary>
    private int GetContentHashCode()
    {
        var hash = default(HashCode);
        foreach (var part in ContentParts())
        {
            hash.Add(part);
        }

        return hash.ToHashCode();
    }

    /// <summary>A display form: unknown parts as <c>«reason»</c>. Never parse it: use <see cref="Segments"/>.</summary>
    public override string ToString()
    {
        if (KnownText is { } known)
        {
            return known;
        }

        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            builder.Append(segment.Unknown is null ? segment.Text : $"«{segment.Unknown.Reason}»");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits on blanks and line breaks (the default IFS) into words, each part keeping its origin. An
    /// unknown part stays inside the word it touches.
    /// </summary>
    public ImmutableArray<ShellValue> SplitWords()
    {
        if (_words.IsDefault)
        {
            _words = _grown is null ? Split() : _grown.Words();
        }

        return _words;
    }

    // A word inside one part is that part as it is; only a word that spans parts (text touching an unknown, or text of
    // two origins) goes through a builder.
    private ImmutableArray<ShellValue> Split()
    {
        var words = ImmutableArray.CreateBuilder<ShellValue>();
        var spanning = new Builder();
        ShellValue? alone = null;
        void Add(ShellValue part)
        {
            if (alone is null && spanning.IsEmpty)
            {
                alone = part;
                return;
            }

            if (alone is not null)
            {
                spanning.Append(alone);
                alone = null;
            }

            spanning.Append(part);
        }

        void EndWord()
        {
            if (alone is not null)
            {
                words.Add(alone);
                alone = null;
            }
            else if (!spanning.IsEmpty)
            {
                words.Add(spanning.ToValue());
            }
        }

        foreach (var segment in Segments)
        {
            if (segment.Unknown is not null)
            {
                Add(new ShellValue([segment]));
                continue;
            }

            var start = 0;
            for (var i = 0; i <= segment.Text.Length; i++)
            {
                if (i < segment.Text.Length && !IsBlank(segment.Text[i]))
                {
                    continue;
                }

                if (i > start)
                {
                    Add(Text(segment.Text[start..i], segment.Origin));
                }

                if (i < segment.Text.Length)
                {
                    EndWord();
                }

                start = i + 1;
            }
        }

        EndWord();
        return words.ToImmutable();
    }

    internal static bool IsBlank(char c) => c is ' ' or '\t' or '\n';

    /// <summary>Known text runs merged whatever their origins, unknowns by reason: what <see cref="ContentEquals"/> compares.</summary>
    private (string? Text, string? UnknownReason)[] ContentParts() => _contentParts ??= KnownText is { } known
        ? known.Length == 0 ? [] : [(known, null)]
        : [.. ComputeContentParts()];

    /// <summary>The known text of a value with no unknown part: a single part's text as it is, without copying.</summary>
    private string JoinKnown() => Segments.Length switch
    {
        0 => string.Empty,
        1 => Segments[0].Text,
        _ => string.Concat(Segments.Select(s => s.Text)),
    };

    private List<(string? Text, string? UnknownReason)> ComputeContentParts()
    {
        var parts = new List<(string? Text, string? UnknownReason)>();
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment.Unknown is null)
            {
                text.Append(segment.Text);
                continue;
            }

            if (text.Length > 0)
            {
                parts.Add((text.ToString(), null));
                text.Clear();
            }

            parts.Add((null, segment.Unknown.Reason));
        }

        if (text.Length > 0)
        {
            parts.Add((text.ToString(), null));
        }

        return parts;
    }

    private int GetSegmentsHashCode()
    {
        var stored = _segmentsHash;
        if (stored != 0)
        {
            return stored;
        }

        var hash = default(HashCode);
        foreach (var segment in Segments)
        {
            hash.Add(segment);
        }

        stored = hash.ToHashCode() is var computed && computed != 0 ? computed : 1;
        _segmentsHash = stored;
        return stored;
    }

    private sealed class BySegments : IEqualityComparer<ShellValue>
    {
        public bool Equals(ShellValue? x, ShellValue? y)
            => ReferenceEquals(x, y) || (x is not null && y is not null && x.Segments.AsSpan().SequenceEqual(y.Segments.AsSpan()));

        public int GetHashCode(ShellValue obj) => obj.GetSegmentsHashCode();
    }

    private sealed class ByContent : IEqualityComparer<ShellValue>
    {
        public bool Equals(ShellValue? x, ShellValue? y) => x is null ? y is null : y is not null && x.ContentEquals(y);

        public int GetHashCode(ShellValue obj) => obj.GetContentHashCode();
    }

    /// <summary>
    /// Builds a value by appending, merging neighbouring text of the same origin. Most values built hold one part: the
    /// first waits in a field, and an array is made for a second, of the size the caller expects, which the value then
    /// takes as it is when it is full. An array builder made its own object and an array of four for every value, and
    /// copied a value of one part into an array of one (docs/performance.md, the twenty-second round).
    /// </summary>
    /// <param name="capacity">How many parts the value will most likely have.</param>
    internal sealed class Builder(int capacity = 4)
    {
        private ValueSegment _first;

        // Every part, once there are two or more (the first is copied in).
        private ValueSegment[]? _parts;
        private int _count;

        /// <summary>
        /// The text of the last segment while it grows, joined once when another segment follows or the value is
        /// made: concatenated at every append, a list built word by word was copied again for each word.
        /// </summary>
        private StringBuilder? _growing;

        internal bool IsEmpty => _count == 0;

        private ref ValueSegment Last => ref _parts is null ? ref _first : ref _parts[_count - 1];

        public void Append(ShellValue value)
        {
            foreach (var segment in value.Segments)
            {
                if (segment.Unknown is null && segment.Text.Length == 0)
                {
                    continue;
                }

                if (_count > 0 && segment.Unknown is null && Last is { Unknown: null } last && last.Origin == segment.Origin)
                {
                    (_growing ??= new StringBuilder(last.Text)).Append(segment.Text);
                }
                else
                {
                    EndGrowing();
                    Add(segment);
                }
            }
        }

        /// <summary>
        /// True when <paramref name="value"/>, appended to an empty builder, is made back as it is: it holds no empty
        /// text, and no two known runs of one origin side by side (which <see cref="Append"/> would join).
        /// </summary>
        internal static bool GivesBack(ShellValue value)
        {
            var segments = value.Segments.AsSpan();
            for (var i = 0; i < segments.Length; i++)
            {
                var segment = segments[i];
                if (segment.Unknown is null && (segment.Text.Length == 0 || (i > 0 && segments[i - 1] is { Unknown: null } previous && previous.Origin == segment.Origin)))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The value built; the builder is left empty, to build another.</summary>
        public ShellValue ToValue()
        {
            EndGrowing();
            var value = _count switch
            {
                0 => Empty,
                1 => new ShellValue([Last]),
                _ => new ShellValue(ImmutableCollectionsMarshal.AsImmutableArray(_count == _parts!.Length ? _parts : _parts[.._count])),
            };
            _first = default;
            _parts = null;
            _count = 0;
            return value;
        }

        private void Add(ValueSegment segment)
        {
            if (_count == 0)
            {
                _first = segment;
                _count = 1;
                return;
            }

            if (_parts is null)
            {
                _parts = new ValueSegment[Math.Max(capacity, 2)];
                _parts[0] = _first;
            }
            else if (_count == _parts.Length)
            {
                Array.Resize(ref _parts, _parts.Length * 2);
            }

            _parts[_count++] = segment;
        }

        private void EndGrowing()
        {
            if (_growing is not null)
            {
                Last = Last with { Text = _growing.ToString() };
                _growing = null;
            }
        }
    }
}

/// <summary>A part of a <see cref="ShellValue"/>: known text with where it was written, or an unknown.</summary>
/// <param name="Text">The text; empty for an unknown part.</param>
/// <param name="Origin">Where the text was written, when it comes from a script (null: configure's own value, or computed).</param>
/// <param name="Unknown">Set for an unknown part: why it cannot be known, and where.</param>
public readonly record struct ValueSegment(string Text, Location? Origin, UnknownValue? Unknown)
{
    /// <summary>True for an unknown part.</summary>
    public bool IsUnknown => Unknown is not null;
}
