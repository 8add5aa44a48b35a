using System.Collections.Immutable;
using System.Text;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// A shell string as the evaluator knows it: known text, each piece remembering where in a script it
/// was written, and explicit unknowns (a command's output, the environment) where it cannot know.
/// </summary>
internal sealed class ShellValue
{
    public static readonly ShellValue Empty = new([]);

    private ShellValue(ImmutableArray<ValueSegment> segments) => Segments = segments;

    public ImmutableArray<ValueSegment> Segments { get; }

    public bool IsKnown => Segments.All(s => s.Unknown is null);

    public bool IsEmpty => Segments.All(s => s.Unknown is null && s.Text.Length == 0);

    /// <summary>The text when fully known, otherwise null.</summary>
    public string? KnownText => IsKnown ? string.Concat(Segments.Select(s => s.Text)) : null;

    public IEnumerable<UnknownValue> Unknowns => Segments.Where(s => s.Unknown is not null).Select(s => s.Unknown!);

    public static ShellValue Text(string text, Location? origin = null) => text.Length == 0 ? Empty : new([new ValueSegment(text, origin, null)]);

    public static ShellValue Of(UnknownValue unknown) => new([new ValueSegment(string.Empty, null, unknown)]);

    public static ShellValue Concat(IEnumerable<ShellValue> values)
    {
        var builder = new Builder();
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.ToValue();
    }

    /// <summary>A value made of segments (adjacent text of one origin is merged, empty text dropped).</summary>
    public static ShellValue FromSegments(IEnumerable<ValueSegment> segments)
    {
        var builder = new Builder();
        foreach (var segment in segments)
        {
            builder.Append(new ShellValue([segment]));
        }

        return builder.ToValue();
    }

    /// <summary>A display form: unknown pieces as <c>«reason»</c>.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            builder.Append(segment.Unknown is null ? segment.Text : $"«{segment.Unknown.Reason}»");
        }

        return builder.ToString();
    }

    /// <summary>
    /// Splits on blanks and line breaks (the default IFS) into words, each with the origin of its first
    /// character. An unknown piece stays inside the word it touches.
    /// </summary>
    public ImmutableArray<ShellValue> SplitWords()
    {
        var words = ImmutableArray.CreateBuilder<ShellValue>();
        var current = new Builder();
        foreach (var segment in Segments)
        {
            if (segment.Unknown is not null)
            {
                current.Append(new ShellValue([segment]));
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
                    current.Append(Text(segment.Text[start..i], segment.Origin));
                }

                if (i < segment.Text.Length && !current.IsEmpty)
                {
                    words.Add(current.ToValue());
                    current = new Builder();
                }

                start = i + 1;
            }
        }

        if (!current.IsEmpty)
        {
            words.Add(current.ToValue());
        }

        return words.ToImmutable();
    }

    public static bool IsBlank(char c) => c is ' ' or '\t' or '\n';

    /// <summary>Builds a value by appending, merging neighbouring text of the same origin.</summary>
    internal sealed class Builder
    {
        private readonly List<ValueSegment> _segments = [];

        public bool IsEmpty => _segments.Count == 0;

        public void Append(ShellValue value)
        {
            foreach (var segment in value.Segments)
            {
                if (segment.Unknown is null && segment.Text.Length == 0)
                {
                    continue;
                }

                if (_segments.Count > 0 && segment.Unknown is null && _segments[^1] is { Unknown: null } last && last.Origin == segment.Origin)
                {
                    _segments[^1] = last with { Text = last.Text + segment.Text };
                }
                else
                {
                    _segments.Add(segment);
                }
            }
        }

        public ShellValue ToValue() => _segments.Count == 0 ? Empty : new ShellValue([.. _segments]);
    }
}

/// <summary>A piece of a <see cref="ShellValue"/>: known text (with where it was written) or an unknown.</summary>
internal readonly record struct ValueSegment(string Text, Location? Origin, UnknownValue? Unknown);
