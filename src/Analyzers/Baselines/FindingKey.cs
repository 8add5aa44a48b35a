using System.Security.Cryptography;
using System.Text;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Baselines;

/// <summary>
/// What identifies a finding across edits: the rule id, the module (relative to the baseline's
/// directory), the file (relative to the module), a hash of the trimmed text of the finding's lines, and
/// which of the findings with those four it is, in order of position. Line numbers are not part of it,
/// so lines inserted above a finding do not revive it.
/// </summary>
internal sealed record FindingKey(string Id, string Module, string Path, string LineHash, int Occurrence)
{
    /// <summary>The keys of one module's findings, in the order given; <paramref name="textOf"/> gives a file's text or null.</summary>
    public static List<(Diagnostic Diagnostic, FindingKey Key)> Of(IEnumerable<Diagnostic> diagnostics, string module, string moduleDirectory, Func<string, string?> textOf)
    {
        var keyed = new List<(Diagnostic, FindingKey)>();
        var counts = new Dictionary<(string, string, string), int>();
        var ordered = diagnostics.OrderBy(d => d.Location.Path ?? string.Empty, StringComparer.Ordinal).ThenBy(d => d.Location.Span.Start);
        foreach (var diagnostic in ordered)
        {
            var path = RelativePath(moduleDirectory, diagnostic.Location.Path);
            var hash = Hash(diagnostic.Location, diagnostic.Location.Path is { } p ? textOf(p) : null);
            counts.TryGetValue((diagnostic.Id, path, hash), out var occurrence);
            counts[(diagnostic.Id, path, hash)] = occurrence + 1;
            keyed.Add((diagnostic, new FindingKey(diagnostic.Id, module, path, hash, occurrence)));
        }

        return keyed;
    }

    /// <summary>The path under the module with <c>/</c>; empty for the module itself or no file.</summary>
    public static string RelativePath(string moduleDirectory, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var relative = IO.RelativePath.Of(moduleDirectory, path);
        return relative == "." ? string.Empty : relative;
    }

    /// <summary>The first 16 hex digits of the SHA-256 of the finding's lines, each trimmed, joined with line feeds.</summary>
    private static string Hash(Location location, string? text)
    {
        var lines = text is null || location.Span.Length == 0 && location.Span.Start == 0 && location.Start.Line == 1 && location.End.Line == 1 && location.Start.Column == 1
            ? string.Empty
            : string.Join('\n', text.Split('\n').Skip(location.Start.Line - 1).Take(location.End.Line - location.Start.Line + 1).Select(l => l.Trim()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lines)))[..16];
    }
}
