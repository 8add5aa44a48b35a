using System.Security.Cryptography;

namespace ConfigConvert.Fuzz;

/// <summary>Chooses the seeds written for a run: distinct, small enough to mutate quickly, spread over the fixtures.</summary>
internal static class SeedSelection
{
    // afl-fuzz refuses inputs over 1 MB and slows down on large ones; no fixture comes near this.
    private const int MaxSeedBytes = 64 * 1024;

    public static IReadOnlyList<(string Name, byte[] Content)> Choose(IEnumerable<Seed> seeds, int max)
    {
        var distinct = seeds
            .Where(s => s.Content.Length is > 0 and <= MaxSeedBytes)
            .DistinctBy(s => Convert.ToHexString(SHA256.HashData(s.Content)))
            .OrderBy(s => s.Origin, StringComparer.Ordinal)
            .ToList();

        // Every k-th seed, so a short run still sees each kind of fixture.
        var step = Math.Max(1.0, distinct.Count / (double)Math.Max(1, max));
        var chosen = Enumerable.Range(0, Math.Min(max, distinct.Count)).Select(i => distinct[(int)(i * step)]);
        return [.. chosen.Select((s, i) => ($"{i:000}-{Sanitize(s.Origin)}", s.Content))];
    }

    private static string Sanitize(string origin)
    {
        var name = new string([.. origin.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]);
        return name.Length > 80 ? name[^80..] : name;
    }
}
