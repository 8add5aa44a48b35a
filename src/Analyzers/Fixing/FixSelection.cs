using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;
using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Fixing;

/// <summary>A finding and the fix of it that <c>--fix</c> applies (its first).</summary>
internal sealed record FixCandidate(Diagnostic Diagnostic, Fix Fix);

/// <summary>
/// Chooses which fixes of a module go together: by position, each fix whose changes overlap none of the
/// fixes taken before it. The others are reported (<see cref="DriverDiagnostics.OverlappingFix"/>) and
/// left for the next run.
/// </summary>
internal static class FixSelection
{
    public static List<FixCandidate> Choose(IEnumerable<Diagnostic> reported, List<Diagnostic> diagnostics)
    {
        var taken = new List<FixCandidate>();
        var candidates = reported.Where(d => !d.Fixes.IsEmpty)
            .OrderBy(d => d.Location.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Span.Start)
            .Select(d => new FixCandidate(d, d.Fixes[0]));
        foreach (var candidate in candidates)
        {
            if (taken.Any(t => Overlap(t.Fix.Changes, candidate.Fix.Changes)))
            {
                diagnostics.Add(Diagnostic.Create(DriverDiagnostics.OverlappingFix, candidate.Diagnostic.Location, candidate.Fix.Title, candidate.Diagnostic.Id));
                continue;
            }

            taken.Add(candidate);
        }

        return taken;
    }

    /// <summary>The texts after the fixes, by file; null, with the reason, when a change does not fit its file.</summary>
    public static Dictionary<string, (SourceText Before, SourceText After)>? Compose(IEnumerable<FixCandidate> fixes, out string? reason)
    {
        var texts = new Dictionary<string, (SourceText Before, SourceText After)>(StringComparer.Ordinal);
        foreach (var group in fixes.SelectMany(f => f.Fix.Changes).GroupBy(c => c.Path, StringComparer.Ordinal))
        {
            SourceText before;
            try
            {
                before = SourceText.From(BoundedFile.ReadAllBytes(group.Key) ?? throw new IOException("file is too large"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                reason = $"cannot read `{group.Key}`: {IO.IoReason.Of(e)}";
                return null;
            }

            if (group.Any(c => c.Span.Start < 0 || c.Span.End > before.Text.Length))
            {
                reason = $"a change lies outside `{group.Key}` as it is now (the file changed since it was checked)";
                return null;
            }

            texts[group.Key] = (before, new Fix("all", group).Apply(group.Key, before));
        }

        reason = null;
        return texts;
    }

    private static bool Overlap(ImmutableArray<TextChange> taken, ImmutableArray<TextChange> candidate)
        => taken.Any(a => candidate.Any(b => a.Path == b.Path && Overlaps(a.Span, b.Span)));

    /// <summary>Spans that share a character, or two insertions at one place (their order would be a guess).</summary>
    private static bool Overlaps(TextSpan a, TextSpan b)
        => (a.Start < b.End && b.Start < a.End) || (a.Start == b.Start && (a.Length == 0 || b.Length == 0));
}
