using System.Collections.Immutable;
using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;

namespace ConfigConvert.Analyzers.Fixing;

/// <summary>What <c>--fix</c> did to one module: the findings fixed, the files written, and what it could not do.</summary>
internal sealed record FixOutcome(ImmutableArray<Diagnostic> Fixed, ImmutableArray<string> ChangedFiles, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Applies the fixes of a module's reported findings: chooses the ones that do not overlap, proves them
/// together on a copy of the module (and, when that fails, each alone, keeping those proven alone if they
/// are also proven together), then writes each changed file atomically. Nothing unproven is written.
/// </summary>
internal sealed class FixApplier(AnalyzerDriver driver, NginxVersionRange target)
{
    private readonly FixProof _proof = new(driver, target);

    public FixOutcome Apply(ModuleRun run, IEnumerable<Diagnostic> reported)
    {
        var diagnostics = new List<Diagnostic>();
        var candidates = FixSelection.Choose(reported, diagnostics);
        if (candidates.Count == 0)
        {
            return new FixOutcome([], [], [.. diagnostics]);
        }

        var reasons = new Dictionary<FixCandidate, string>();
        var proven = Prove(run, candidates, reasons);
        if (proven.Count < candidates.Count && proven.Count > 1 && Prove(run, proven, reasons, alone: false).Count == 0)
        {
            proven = [];
        }

        foreach (var candidate in candidates.Except(proven))
        {
            var reason = reasons.GetValueOrDefault(candidate) ?? "it was proven alone, but not together with the other fixes of the module";
            diagnostics.Add(Diagnostic.Create(DriverDiagnostics.UnprovenFix, candidate.Diagnostic.Location, candidate.Diagnostic.Id, reason));
        }

        var changed = Write(proven, diagnostics);
        var fixedOnes = changed.Count == 0 && proven.Count > 0 ? [] : proven.Select(p => p.Diagnostic).ToImmutableArray();
        return new FixOutcome(fixedOnes, [.. changed], [.. diagnostics]);
    }

    /// <summary>The candidates proven: all of them together, or else each one alone.</summary>
    private List<FixCandidate> Prove(ModuleRun run, List<FixCandidate> candidates, Dictionary<FixCandidate, string> reasons, bool alone = true)
    {
        var reason = TryProve(run, candidates);
        if (reason is null)
        {
            return candidates;
        }

        if (!alone || candidates.Count == 1)
        {
            candidates.ForEach(c => reasons.TryAdd(c, reason));
            return [];
        }

        var proven = new List<FixCandidate>();
        foreach (var candidate in candidates)
        {
            if (TryProve(run, [candidate]) is { } own)
            {
                reasons[candidate] = own;
            }
            else
            {
                proven.Add(candidate);
            }
        }

        return proven;
    }

    private string? TryProve(ModuleRun run, List<FixCandidate> fixes)
        => FixSelection.Compose(fixes, out var reason) is { } texts ? _proof.Check(run, fixes, texts) : reason;

    /// <summary>Writes every file the proven fixes change; a file that cannot be written is reported and left as it was.</summary>
    private static List<string> Write(List<FixCandidate> proven, List<Diagnostic> diagnostics)
    {
        var changed = new List<string>();
        if (proven.Count == 0 || FixSelection.Compose(proven, out _) is not { } texts)
        {
            return changed;
        }

        foreach (var (path, (before, after)) in texts.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (after.Text == before.Text)
            {
                continue;
            }

            try
            {
                AtomicFile.ReplaceIfUnchanged(path, before.GetBytes(), after.GetBytes());
                changed.Add(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Create(DriverDiagnostics.WriteFailed, Location.None(path), path, IO.IoReason.Of(e)));
            }
        }

        return changed;
    }
}
