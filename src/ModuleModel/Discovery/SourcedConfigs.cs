using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.IO;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.ModuleModel.Discovery;

/// <summary>
/// The configs a module's config sources from its own directory: <c>. $ngx_addon_dir/PATH</c> (also
/// <c>${ngx_addon_dir}</c>, quoted or not, and <c>source</c>), the way a module made of parts (a filter
/// and a static module in subdirectories) runs their configs. configure sets <c>ngx_addon_dir</c> to the
/// module directory before sourcing its config, so PATH is read from there. A name built any other way
/// (another variable, a command substitution, a glob) is not followed.
/// </summary>
internal static partial class SourcedConfigs
{
    /// <summary>How far above a directory named as a path its owner's config is looked for.</summary>
    private const int MaxOwnerLevels = 8;

    /// <summary>The module of <paramref name="directory"/>: with the configs its config sources.</summary>
    public static FoundModule Module(string directory)
    {
        var config = Path.Combine(directory, "config");
        return new FoundModule(directory, config, Of(directory));
    }

    /// <summary>
    /// The module <paramref name="directory"/> is part of: the nearest directory above it whose config sources
    /// its config (and that one's owner in turn), or <paramref name="directory"/> itself.
    /// </summary>
    public static string OwnerOf(string directory)
    {
        var config = RealPaths.Of(Path.Combine(directory, "config"));
        var above = Path.GetDirectoryName(directory);
        for (var level = 0; above is not null && level < MaxOwnerLevels; level++, above = Path.GetDirectoryName(above))
        {
            if (File.Exists(Path.Combine(above, "config")) && Of(above).Any(c => RealPaths.Of(c) == config))
            {
                return OwnerOf(above);
            }
        }

        return directory;
    }

    /// <summary>Every config of <paramref name="directory"/> that its config sources, transitively, in the order first sourced.</summary>
    public static ImmutableArray<string> Of(string directory)
    {
        var found = new List<string>();
        var pending = new Queue<string>([Path.Combine(directory, "config")]);
        var seen = new HashSet<string>(StringComparer.Ordinal) { RealPaths.Of(pending.Peek()) };
        while (pending.Count > 0)
        {
            foreach (var sourced in SourcedBy(pending.Dequeue(), directory))
            {
                if (seen.Add(RealPaths.Of(sourced)))
                {
                    found.Add(sourced);
                    pending.Enqueue(sourced);
                }
            }
        }

        return [.. found];
    }

    private static IEnumerable<string> SourcedBy(string config, string moduleDirectory)
    {
        if (ReadTree(config) is not { } tree)
        {
            return [];
        }

        return AddonRelativePaths(tree)
            .Select(path => Path.GetFullPath(Path.Combine(moduleDirectory, path)))
            .Where(File.Exists)
            .ToList();
    }

    /// <summary>The PATH of each <c>. $ngx_addon_dir/PATH</c> in <paramref name="tree"/>, in order, whether a file or not.</summary>
    internal static IEnumerable<string> AddonRelativePaths(SyntaxTree tree)
        => tree.GetRoot().DescendantNodes().OfType<SimpleCommandSyntax>()
            .Select(c => c.Words.Take(2).ToList())
            .Where(words => words.Count == 2 && words[0].GetLiteralValue() is "." or "source")
            .Select(words => AddonRelativePath().Match(words[1].ToString().Replace("\"", string.Empty, StringComparison.Ordinal)))
            .Where(match => match.Success)
            .Select(match => match.Groups["path"].Value);

    private static SyntaxTree? ReadTree(string config)
    {
        try
        {
            // An empty file, a device or a FIFO sources nothing known (and a FIFO is not opened: it would block). A
            // config that cannot source from its own directory is not parsed to learn so.
            return File.Exists(config) && BoundedFile.ReadFoundFile(config) is { Length: > 0 } bytes && AddonSourcingScan.MaySource(bytes)
                ? SyntaxTree.ParseText(SourceText.From(bytes), config)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Unreadable: checking or converting the module says so; here it simply sources nothing known.
            return null;
        }
    }

    // No NUL either: no file has one in its name, and the config that holds one has CC1104 (dash would drop it).
    [GeneratedRegex(@"^\$(?:ngx_addon_dir|\{ngx_addon_dir\})/(?<path>[^$`*?\[\]\\'\s\0]+)$")]
    private static partial Regex AddonRelativePath();
}
