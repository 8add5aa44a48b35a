using System.Text.RegularExpressions;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// What CC2220-CC2222 share: the paths under the module directory that the config adds to configure's
/// lists (sources, include directories, deps), each with where it was written. Paths outside the module
/// (nginx's own, the system's) and values the model cannot know are not the module's to check.
/// </summary>
internal static partial class ModulePaths
{
    /// <summary>Reports every path of <paramref name="facts"/> under the module that <paramref name="exists"/> says is missing.</summary>
    public static void ReportMissing(ModuleAnalysisContext context, DiagnosticDescriptor rule, Func<ModuleOutcome, IEnumerable<ListFact>> facts, Func<string, bool> exists)
    {
        var root = context.Module.Directory.TrimEnd('/');
        var outcomes = new[] { LinkMode.Addon, LinkMode.Dynamic }.SelectMany(l => context.Module.Describe(l).Outcomes);

        // Every outcome lists mostly the same paths: each is looked up on disk once.
        var missing = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (outcome, fact) in outcomes.SelectMany(o => facts(o).Select(f => (o, f))))
        {
            // A glob that matched nothing is left to configure; a carriage return from CRLF line endings
            // is the parser's finding (CC1103), which says why the path is wrong.
            if (fact.Word is not { KnownText: { } path } word || path.IndexOfAny(['*', '?', '[', '\r']) >= 0)
            {
                continue;
            }

            if (!missing.TryGetValue(path, out var isMissing))
            {
                isMissing = IsUnder(root, path) && !exists(Path.GetFullPath(path)) && ProvablyMissing(Path.GetFullPath(path), root);
                missing[path] = isMissing;
            }

            if (isMissing && !Writes(outcome, path) && LocationOf(context, word) is { } location)
            {
                context.Report(Diagnostic.Create(rule, location, ModuleOutcome.DisplayPath(path, root)));
            }
        }
    }

    /// <summary>
    /// True when a directory on the way to <paramref name="path"/> lists its entries and the next step is not among
    /// them. A path inside a directory that cannot be read is not known to be missing (.NET's <c>File.Exists</c>
    /// says false for it too): the module's file listing reports that directory (CC2102), once.
    /// </summary>
    private static bool ProvablyMissing(string path, string root)
    {
        var parent = Path.GetDirectoryName(path);
        if (parent is null || parent.Length < root.Length)
        {
            return false;
        }

        if (!Directory.Exists(parent))
        {
            return ProvablyMissing(parent, root);
        }

        try
        {
            var name = Path.GetFileName(path);
            return !Directory.EnumerateFileSystemEntries(parent, name, new EnumerationOptions { MatchType = MatchType.Simple, MatchCasing = MatchCasing.CaseSensitive, AttributesToSkip = 0, IgnoreInaccessible = false }).Any();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>True when the config writes <paramref name="path"/> itself (a header it generates), in this outcome.</summary>
    private static bool Writes(ModuleOutcome outcome, string path)
        => outcome.WrittenFiles.Any(written => Path.IsPathRooted(written) && Path.GetFullPath(written) == Path.GetFullPath(path));

    private static bool IsUnder(string root, string path)
        => path.StartsWith(root + "/", StringComparison.Ordinal) && Path.GetFullPath(path).StartsWith(root + "/", StringComparison.Ordinal);

    /// <summary>
    /// Where the word was written: the last part that comes from a script, narrowed to the word's own
    /// text, and widened over the <c>$ngx_addon_dir</c> (or any <c>$VAR</c>) just before it.
    /// </summary>
    private static Location? LocationOf(ModuleAnalysisContext context, ShellValue word)
    {
        var segment = word.Segments.LastOrDefault(s => s.Origin is not null);
        if (segment.Origin is not { } origin || context.Module.Module.Config is not { } config || origin.Path != config.FilePath)
        {
            return segment.Origin;
        }

        var narrowed = Narrow(config, origin, segment.Text);
        var (start, end) = (narrowed.Span.Start, narrowed.Span.End);
        var before = config.Text.Text[Math.Max(0, start - 64)..start];
        if (segment != word.Segments[0] && VariableAtEnd().Match(before) is { Success: true } variable)
        {
            start -= variable.Length;
        }

        return Location.Create(config.FilePath, config.Text, TextSpan.FromBounds(start, end));
    }

    /// <summary>The part of <paramref name="origin"/> (a whole quoted string, say) where <paramref name="text"/> is written.</summary>
    public static Location Narrow(SyntaxTree config, Location origin, string text)
    {
        var source = config.Text.Text;
        var length = Math.Max(0, Math.Min(origin.Span.Length, source.Length - origin.Span.Start));
        var inside = text.Length == 0 ? -1 : source.IndexOf(text, origin.Span.Start, length, StringComparison.Ordinal);
        return inside < 0 ? origin : Location.Create(config.FilePath, config.Text, new TextSpan(inside, text.Length));
    }

    [GeneratedRegex(@"\$(\{[A-Za-z_][A-Za-z0-9_]*\}|[A-Za-z_][A-Za-z0-9_]*)$")]
    private static partial Regex VariableAtEnd();
}
