using Microsoft.Extensions.FileSystemGlobbing;

namespace ConfigConvert.ModuleModel.Discovery;

/// <summary>
/// <c>--include</c> and <c>--exclude</c>: globs matched against the path of a found module's <c>config</c>
/// relative to the directory searched. A glob that names a directory covers what lies below it.
/// </summary>
internal sealed class ModuleGlobs
{
    private readonly Matcher? _matcher;

    public ModuleGlobs(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        var includes = include.ToList();
        var excludes = exclude.ToList();
        if (includes.Count == 0 && excludes.Count == 0)
        {
            return;
        }

        // A glob that cannot match (see CanMatch) adds nothing: the Matcher would throw on some of them.
        _matcher = new Matcher(StringComparison.Ordinal);
        _matcher.AddIncludePatterns(includes.Count == 0 ? ["**/*"] : includes.Where(CanMatch).SelectMany(WithDirectoryForm));
        _matcher.AddExcludePatterns(excludes.Where(CanMatch).SelectMany(WithDirectoryForm));
    }

    /// <summary>
    /// False for a glob with a <c>..</c> part: the paths it is matched against lie below the directory searched and
    /// never hold one, so it matches nothing.
    /// </summary>
    public static bool CanMatch(string glob) => !glob.Split('/').Contains("..");

    /// <summary>True when the module in <paramref name="moduleDirectory"/>, found below <paramref name="root"/>, is kept.</summary>
    public bool Matches(string root, string moduleDirectory)
    {
        if (_matcher is null)
        {
            return true;
        }

        // The glob library reads `\` in a pattern as a separator, whatever the system, and has no escape for it: a
        // path is matched with its `\` read the same way, so that a pattern spelling out a name with one (`x\y/config`)
        // still names that module.
        var config = Path.GetRelativePath(root, Path.Combine(moduleDirectory, "config")).Replace('\\', '/');
        return _matcher.Match(config).HasMatches;
    }

    /// <summary>The glob as written, and as a directory whose contents it names (<c>vendor</c> is <c>vendor/**</c> too).</summary>
    private static IEnumerable<string> WithDirectoryForm(string glob)
    {
        var trimmed = glob.TrimEnd('/');
        return trimmed.Length == 0 ? [glob] : [trimmed, trimmed + "/**/*"];
    }
}
