using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Suppression;

/// <summary>
/// One <c>ngx-convert disable</c> comment: the ids it names, where it stands, and the lines of its file it
/// covers (all of them when <see cref="WholeFile"/>).
/// </summary>
internal sealed partial record SuppressionDirective(string Path, ImmutableArray<string> Ids, Location Comment, bool WholeFile, int FirstLine, int LastLine)
{
    /// <summary>The word every suppression comment starts with; a file whose text lacks it has none.</summary>
    public const string Marker = "ngx-convert";

    /// <summary>True when this directive hides <paramref name="diagnostic"/>: same file, an id it names, a line it covers.</summary>
    public bool Covers(Diagnostic diagnostic, string id) =>
        string.Equals(diagnostic.Location.Path, Path, StringComparison.Ordinal)
        && string.Equals(diagnostic.Id, id, StringComparison.OrdinalIgnoreCase)
        && (WholeFile || (diagnostic.Location.Start.Line >= FirstLine && diagnostic.Location.Start.Line <= LastLine));

    /// <summary>The ids of a config comment (<c># ngx-convert disable=CC2201,CC2202</c>), or null when it is not a directive.</summary>
    public static ImmutableArray<string>? ParseConfigComment(string comment)
        => ConfigDirective().Match(comment) is { Success: true } match ? SplitIds(match.Groups[1].Value) : null;

    /// <summary>The ids of a C comment (<c>/* ngx-convert disable CC4001 */</c> or <c>// ngx-convert disable CC4001</c>), or null.</summary>
    public static ImmutableArray<string>? ParseCComment(string comment)
        => CDirective().Match(comment) is { Success: true } match ? SplitIds(match.Groups[1].Success ? match.Groups[1].Value : match.Groups[2].Value) : null;

    private static ImmutableArray<string> SplitIds(string ids)
        => [.. ids.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    [GeneratedRegex(@"^#\s*" + Marker + @"\s+disable\s*=\s*([A-Za-z0-9_, \t]+?)\s*$")]
    private static partial Regex ConfigDirective();

    [GeneratedRegex(@"^(?:/\*\s*" + Marker + @"\s+disable\s+([A-Za-z0-9_, \t]+?)\s*\*/|//\s*" + Marker + @"\s+disable\s+([A-Za-z0-9_, \t]+?)\s*)$")]
    private static partial Regex CDirective();
}
