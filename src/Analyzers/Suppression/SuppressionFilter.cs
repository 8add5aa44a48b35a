using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Suppression;

/// <summary>
/// Hides the findings that suppression comments name, and reports the comments that hide nothing
/// (<see cref="DriverDiagnostics.UnusedSuppression"/>) or name an unknown id (<see cref="DriverDiagnostics.UnknownSuppressedId"/>).
/// </summary>
internal static class SuppressionFilter
{
    /// <summary>The findings still shown, followed by the diagnostics about the directives themselves.</summary>
    public static ImmutableArray<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, IEnumerable<SuppressionDirective> directives, IReadOnlySet<string> knownIds)
    {
        var used = new HashSet<(SuppressionDirective, string)>();
        var candidates = new Candidates(directives.SelectMany(d => d.Ids.Where(knownIds.Contains).Select(id => (d, id))));
        var kept = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var hiding = candidates.For(diagnostic).Where(p => p.Directive.Covers(diagnostic, p.Id)).ToList();
            hiding.ForEach(p => used.Add(p));
            if (hiding.Count == 0)
            {
                kept.Add(diagnostic);
            }
        }

        foreach (var directive in directives)
        {
            foreach (var id in directive.Ids)
            {
                if (!knownIds.Contains(id))
                {
                    kept.Add(Diagnostic.Create(DriverDiagnostics.UnknownSuppressedId, directive.Comment, id));
                }
                else if (!used.Contains((directive, id)))
                {
                    kept.Add(Diagnostic.Create(DriverDiagnostics.UnusedSuppression, directive.Comment, id));
                }
            }
        }

        return [.. kept];
    }

    /// <summary>
    /// The (directive, id) pairs that may cover a diagnostic, found by its file, id and line, so that a
    /// file of many directives and many findings is not matched pair by pair. A C directive covers one
    /// line and is filed under it; a config's covers a statement's lines or the whole file and is filed
    /// under no line, to be found by file and id and then checked.
    /// </summary>
    private sealed class Candidates
    {
        private readonly Dictionary<(string? Path, string Id, int? Line), List<(SuppressionDirective Directive, string Id)>> _byPlace = [];

        public Candidates(IEnumerable<(SuppressionDirective Directive, string Id)> pairs)
        {
            foreach (var pair in pairs)
            {
                var directive = pair.Directive;
                int? line = !directive.WholeFile && directive.FirstLine == directive.LastLine ? directive.FirstLine : null;
                var key = Key(directive.Path, pair.Id, line);
                if (!_byPlace.TryGetValue(key, out var list))
                {
                    _byPlace[key] = list = [];
                }

                list.Add(pair);
            }
        }

        public IEnumerable<(SuppressionDirective Directive, string Id)> For(Diagnostic diagnostic)
        {
            var (path, id) = (diagnostic.Location.Path, diagnostic.Id);
            var onItsLine = _byPlace.GetValueOrDefault(Key(path, id, diagnostic.Location.Start.Line)) ?? [];
            return onItsLine.Concat(_byPlace.GetValueOrDefault(Key(path, id, null)) ?? []);
        }

        // Ids compare as Covers compares them: ordinally, ignoring case (they are ASCII).
        private static (string? Path, string Id, int? Line) Key(string? path, string id, int? line) => (path, id.ToUpperInvariant(), line);
    }
}
