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
        var pairs = directives.SelectMany(d => d.Ids.Where(knownIds.Contains).Select(id => (Directive: d, Id: id))).ToList();
        var kept = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var hiding = pairs.Where(p => p.Directive.Covers(diagnostic, p.Id)).ToList();
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
}
