using System.Collections.Immutable;
using ConfigConvert.Text;

namespace ConfigConvert.Fixes;

/// <summary>A titled set of text changes, to one or more files, that mends a diagnostic.</summary>
public sealed class Fix
{
    /// <summary>Creates a fix; the changes of one file must not overlap.</summary>
    /// <exception cref="ArgumentException">Two changes of one file overlap.</exception>
    public Fix(string title, IEnumerable<TextChange> changes)
    {
        Title = title;
        Changes = [.. changes.OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Span.Start).ThenBy(c => c.Span.End)];
        for (var i = 1; i < Changes.Length; i++)
        {
            if (Changes[i].Path == Changes[i - 1].Path && Changes[i].Span.Start < Changes[i - 1].Span.End)
            {
                throw new ArgumentException($"changes to `{Changes[i].Path}` overlap at {Changes[i].Span.Start}", nameof(changes));
            }
        }
    }

    /// <summary>What the fix does, as a person would say it (<c>Convert to auto/module</c>).</summary>
    public string Title { get; }

    /// <summary>The changes, ordered by file and position.</summary>
    public ImmutableArray<TextChange> Changes { get; }

    /// <summary>The files the fix changes.</summary>
    public IEnumerable<string> Paths => Changes.Select(c => c.Path).Distinct(StringComparer.Ordinal);

    /// <summary>The text of <paramref name="path"/> after the fix, given its text before.</summary>
    public string Apply(string path, string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var position = 0;
        foreach (var change in Changes.Where(c => c.Path == path))
        {
            builder.Append(text, position, change.Span.Start - position).Append(change.NewText);
            position = change.Span.End;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>The text of <paramref name="path"/> after the fix, stored as its text before was (so it writes back in the same encoding).</summary>
    public SourceText Apply(string path, SourceText text) => text.WithText(Apply(path, text.Text));
}
