using System.Security.Cryptography;
using System.Text;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// <c>partialFingerprints.primaryLocationLineHash</c>: a hash of the finding's line with its whitespace removed, and
/// the rank of the finding among those of its file whose lines hash alike (<c>hash:rank</c>), so that code
/// scanning follows a finding when lines elsewhere move, as GitHub's own fingerprints do.
/// </summary>
internal sealed class LineHashes(SourceFiles sources)
{
    private readonly Dictionary<(string? Path, string Id, string Hash), int> _seen = [];

    /// <summary>The fingerprint of the next finding, in report order.</summary>
    public string Next(Diagnostic finding)
    {
        var hash = Hash(LineText(finding));
        var key = (finding.Location.Path, finding.Id, hash);
        var rank = _seen.TryGetValue(key, out var count) ? count + 1 : 1;
        _seen[key] = rank;
        return $"{hash}:{rank}";
    }

    private string LineText(Diagnostic finding)
    {
        if (sources.Get(finding.Location.Path) is not { } source || finding.Location.Start.Line > source.Lines.Count)
        {
            return string.Empty;
        }

        var line = finding.Location.Start.Line;
        var start = source.Lines[line - 1];
        var end = line < source.Lines.Count ? source.Lines[line] : source.Text.Length;
        return string.Concat(source.Text[start..end].Where(c => !char.IsWhiteSpace(c)));
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
