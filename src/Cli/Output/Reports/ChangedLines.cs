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

    /// <summary>
    /// Reads a unified diff; lines that are not part of a file's hunks are ignored. A hunk is as long as its header
    /// says, so that an added line whose text starts with <c>++ </c> is a line of the hunk, not the next file's header.
    /// </summary>
    public static ChangedLines Parse(string diff)
    {
        var added = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        HashSet<int>? current = null;
        var hunk = Hunk.None;
        foreach (var text in diff.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (hunk.IsOpen && Hunk.IsHunkLine(text))
            {
                hunk = hunk.Read(text, current);
            }
            else if (text.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = DiffHeaderPath.Read(text[4..]);
                current = path == "/dev/null" ? null : Lines(added, path.StartsWith("b/", StringComparison.Ordinal) ? path[2..] : path);
            }
            else
            {
                // A line that is none of the hunk's ends it, even one its header counted (a hand-made diff).
                hunk = HunkHeader().Match(text) is { Success: true } header ? Hunk.Of(header) : Hunk.None;
            }
        }

        return new(added.ToImmutableDictionary(p => p.Key, p => p.Value.ToImmutableHashSet(), StringComparer.Ordinal));
    }

    /// <summary>
    /// Where a hunk is: the new file's number of its next line (null when no finding can be on its lines: a start past
    /// int's range, so the diff is not git's, or not of this tree), and how many of its old and new lines are to come.
    /// </summary>
    private readonly record struct Hunk(int? Line, long OldLeft, long NewLeft)
    {
        public static Hunk None => new(null, 0, 0);

        public bool IsOpen => OldLeft > 0 || NewLeft > 0;

        /// <summary>True for a line a hunk holds: context, added, removed, or git's note on a missing final newline.</summary>
        public static bool IsHunkLine(string text) => text.Length == 0 || text[0] is ' ' or '+' or '-' or '\\';

        public static Hunk Of(Match header)
        {
            var line = int.TryParse(header.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var start) ? start : (int?)null;
            return new(line, Count(header.Groups[2]), Count(header.Groups[4]));
        }

        /// <summary>The hunk after <paramref name="text"/>, an added line of which goes into <paramref name="lines"/>.</summary>
        public Hunk Read(string text, HashSet<int>? lines)
        {
            var next = Line is { } number && number < int.MaxValue ? number + 1 : (int?)null;
            // An empty line is context whose blank an editor dropped.
            return (text.Length == 0 ? ' ' : text[0]) switch
            {
                '+' => Added(lines) with { Line = next, NewLeft = NewLeft - 1 },
                '-' => this with { OldLeft = OldLeft - 1 },
                '\\' => this,
                _ => this with { Line = next, OldLeft = OldLeft - 1, NewLeft = NewLeft - 1 },
            };
        }

        private Hunk Added(HashSet<int>? lines)
        {
            if (Line is { } number)
            {
                lines?.Add(number);
            }

            return this;
        }

        // A count left out is 1; one past long's range is taken as "to the end of the diff".
        private static long Count(Group group)
            => !group.Success ? 1 : long.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) ? count : long.MaxValue;
    }

    private static HashSet<int> Lines(Dictionary<string, HashSet<int>> added, string path)
        => added.TryGetValue(path, out var lines) ? lines : added[path] = [];

    [GeneratedRegex(@"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")]
    private static partial Regex HunkHeader();
}
