using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>
/// The lines a pull request added, read from its unified diff (<c>git diff BASE...HEAD</c>): per file, relative
/// to the repository root, the 1-based line numbers of the new file that are <c>+</c> lines.
/// </summary>
internal sealed partial class ChangedLines
{
    private readonly ImmutableDictionary<string, ImmutableHashSet<int>> _added;

    private ChangedLines(ImmutableDictionary<string, ImmutableHashSet<int>> added) => _added = added;

    /// <summary>No diff given: no line counts as added.</summary>
    public static ChangedLines None { get; } = new(ImmutableDictionary<string, ImmutableHashSet<int>>.Empty);

    /// <summary>True when every line from <paramref name="first"/> to <paramref name="last"/> of <paramref name="relativePath"/> was added.</summary>
    public bool AllAdded(string relativePath, int first, int last)
        => _added.TryGetValue(relativePath, out var lines) && Enumerable.Range(first, last - first + 1).All(lines.Contains);

    /// <summary>Reads a unified diff; lines that are not part of a file's hunks are ignored.</summary>
    public static ChangedLines Parse(string diff)
    {
        var added = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        HashSet<int>? current = null;

        // The new file's number of the next line of the hunk; null outside a hunk, or in one whose lines no finding can
        // be on (a start past int's range: the diff is not git's, or not of this tree).
        int? line = null;
        foreach (var text in diff.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (text.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = DiffPath.Read(text[4..]);
                current = path == "/dev/null" ? null : Lines(added, path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path);
                line = null;
            }
            else if (HunkHeader().Match(text) is { Success: true } hunk)
            {
                line = int.TryParse(hunk.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : null;
            }
            else if (line is { } number && (text.StartsWith('+') || text.StartsWith(' ')))
            {
                if (text.StartsWith('+'))
                {
                    current?.Add(number);
                }

                line = number < int.MaxValue ? number + 1 : null;
            }
        }

        return new(added.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableHashSet(), StringComparer.Ordinal));
    }

    private static HashSet<int> Lines(Dictionary<string, HashSet<int>> added, string path)
        => added.TryGetValue(path, out var lines) ? lines : added[path] = [];

    [GeneratedRegex(@"^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@")]
    private static partial Regex HunkHeader();
}
