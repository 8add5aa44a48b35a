using System.Collections.Immutable;
using System.Runtime.ExceptionServices;
using ConfigConvert.ModuleModel.Discovery;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// Finds the modules that paths name, for every command that takes directories (<c>check</c>,
/// <c>convert</c>). A path is a module directory (it holds a file named <c>config</c>), a module's
/// <c>config</c> file, or a directory searched for modules.
/// </summary>
/// <remarks>
/// The search goes depth first, names in ordinal order, and stops at a directory whose <c>config</c>
/// reads like a module's (it names <c>ngx_addon_name</c>, an <c>ngx_module_</c> variable or a
/// <c>*_MODULES</c> list): what lies below belongs to that module. <c>.git</c>, <c>.hg</c>, <c>.svn</c>
/// and <c>objs</c> are skipped, and no directory is entered twice, so symbolic link loops end.
/// A config that a module's config sources (<c>. $ngx_addon_dir/filter/config</c>) is part of that
/// module, not a module of its own, wherever it lies: found by the search, or named as a path. Each
/// module is found once, in the order of the paths and then of the search.
/// </remarks>
public static class ModuleSearch
{
    /// <summary>The modules <paramref name="paths"/> name or hold; never throws, problems are <see cref="ModuleSearchResult.Problems"/>.</summary>
    public static ModuleSearchResult Find(IEnumerable<string> paths, ModuleSearchOptions? options = null) => Find(paths, options, listDirectories: null);

    /// <summary>
    /// The canonical path of <paramref name="path"/>, every symbolic link on the way resolved (what <c>realpath</c>
    /// gives, and how the shell finds <c>$ngx_addon_dir/..</c>); the full path as given when a link cannot be resolved.
    /// </summary>
    public static string CanonicalPath(string path) => RealPaths.Of(path);

    /// <summary>
    /// Why <paramref name="glob"/>, given as <see cref="ModuleSearchOptions.Include"/> or
    /// <see cref="ModuleSearchOptions.Exclude"/>, can match no module (it has a <c>..</c> part); null when it can.
    /// <see cref="Find(IEnumerable{string}, ModuleSearchOptions?)"/> takes such a glob as matching nothing.
    /// </summary>
    public static string? GlobProblem(string glob)
        => ModuleGlobs.CanMatch(glob) ? null : "a glob is matched against paths below the directory searched, which have no `..` part, so it would match nothing";

    /// <summary>As the public <see cref="Find(IEnumerable{string}, ModuleSearchOptions?)"/>, listing directories through <paramref name="listDirectories"/> (tests make it fail).</summary>
    internal static ModuleSearchResult Find(IEnumerable<string> paths, ModuleSearchOptions? options, Func<string, IEnumerable<DirectoryInfo>>? listDirectories)
    {
        options ??= new ModuleSearchOptions();
        var globs = new ModuleGlobs(options.Include, options.Exclude);
        var modules = new List<(string Directory, string SearchedFrom)>();
        var problems = new List<ModuleSearchProblem>();
        var walk = new TreeWalk(problems, listDirectories);
        foreach (var path in paths)
        {
            FindIn(path, globs, walk, modules, problems);
        }

        var found = ReadSourcedConfigs([.. modules.DistinctBy(m => m.Directory, StringComparer.Ordinal)], options.MaxParallelism);
        return new ModuleSearchResult([.. NotPartsOfOthers(found)], [.. problems]);
    }

    /// <summary>
    /// The modules with the configs each sources, in the order given. Each config is parsed to find them, on as
    /// many threads as allowed: nothing is checked before the search ends, so a tree of many modules would
    /// otherwise wait for one thread to parse every config.
    /// </summary>
    private static List<FoundModule> ReadSourcedConfigs(List<(string Directory, string SearchedFrom)> modules, int maxParallelism)
    {
        FoundModule Read((string Directory, string SearchedFrom) module) => SourcedConfigs.Module(module.Directory) with { SearchedFrom = module.SearchedFrom };
        if (maxParallelism <= 1 || modules.Count <= 1)
        {
            return [.. modules.Select(Read)];
        }

        try
        {
            var found = new FoundModule[modules.Count];
            Parallel.For(0, modules.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(maxParallelism, 512) }, i => found[i] = Read(modules[i]));
            return [.. found];
        }
        catch (AggregateException e)
        {
            // What failed fails as itself, as on one thread (an OutOfMemoryException still ends the process).
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
            throw;
        }
    }

    /// <summary>
    /// The modules that no other module's config sources, in order. Two configs that source each other are both
    /// kept: dropping either would lose a module (the evaluation reports the recursion). Each path is resolved
    /// once, and the modules that source a config are looked up by its path, not asked pair by pair: a tree of
    /// many modules made of parts is not quadratic in its modules.
    /// </summary>
    private static IEnumerable<FoundModule> NotPartsOfOthers(List<FoundModule> found)
    {
        var configs = found.Select(m => RealPaths.Of(m.Config)).ToArray();
        var sourced = found.Select(m => m.SourcedConfigs.Select(RealPaths.Of).ToHashSet(StringComparer.Ordinal)).ToArray();
        var sourcedBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < found.Count; i++)
        {
            foreach (var config in sourced[i])
            {
                if (!sourcedBy.TryGetValue(config, out var sourcers))
                {
                    sourcedBy[config] = sourcers = [];
                }

                sourcers.Add(i);
            }
        }

        bool IsPart(int i) => sourcedBy.TryGetValue(configs[i], out var by) && by.Any(other => other != i && !sourced[i].Contains(configs[other]));
        return found.Where((_, i) => !IsPart(i));
    }

    private static void FindIn(string path, ModuleGlobs globs, TreeWalk walk, List<(string Directory, string SearchedFrom)> modules, List<ModuleSearchProblem> problems)
    {
        if (path.Length == 0)
        {
            problems.Add(new ModuleSearchProblem(path, ModuleSearchProblemKind.Missing, IO.IoReason.EmptyPath));
            return;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (File.Exists(full) && Path.GetFileName(full) == "config")
        {
            var owner = SourcedConfigs.OwnerOf(Path.GetDirectoryName(full)!);
            modules.Add((owner, owner));
        }
        else if (!Directory.Exists(full))
        {
            var kind = File.Exists(full) ? ModuleSearchProblemKind.NotAModule : ModuleSearchProblemKind.Missing;
            problems.Add(new ModuleSearchProblem(path, kind, kind == ModuleSearchProblemKind.Missing ? IO.IoReason.Missing(path) : "it is neither a module directory nor a `config` file"));
        }
        else if (File.Exists(Path.Combine(full, "config")) || Directory.Exists(Path.Combine(full, "config")))
        {
            // A directory with a config is a module even when its config cannot be read: reading it says why.
            var owner = SourcedConfigs.OwnerOf(full);
            modules.Add((owner, owner));
        }
        else
        {
            var problemsBefore = problems.Count;
            var found = walk.Search(full);
            if (found.Count == 0 && problems.Count == problemsBefore)
            {
                problems.Add(new ModuleSearchProblem(path, ModuleSearchProblemKind.NoModuleFound, "no module `config` in it or below it"));
            }

            // Modules the globs leave out were asked to be left out: that is not a path without modules.
            modules.AddRange(found.Where(m => globs.Matches(full, m)).Select(m => (m, full)));
        }
    }
}

/// <summary>Which of the modules a search finds are kept.</summary>
public sealed record ModuleSearchOptions
{
    /// <summary>
    /// Globs (Microsoft.Extensions.FileSystemGlobbing: <c>*</c>, <c>**</c>, <c>?</c>) matched against the path
    /// of a found module's <c>config</c> relative to the directory searched (<c>vendor/ngx_foo/config</c>); a
    /// glob that names a directory (<c>vendor</c>) covers everything below it. When there are any, only the
    /// modules one of them matches are kept. Paths named explicitly are always kept.
    /// </summary>
    public ImmutableArray<string> Include { get; init; } = [];

    /// <summary>Globs, as <see cref="Include"/>, of found modules to leave out; exclusion wins over inclusion.</summary>
    public ImmutableArray<string> Exclude { get; init; } = [];

    /// <summary>How many threads may read the found modules' configs at once: 1 by default, which reads them in turn; at most 512, and less than 1 is taken as 1.</summary>
    public int MaxParallelism { get; init; } = 1;
}

/// <summary>What a search found: the modules, in a deterministic order, and what it could not search.</summary>
public sealed record ModuleSearchResult(ImmutableArray<FoundModule> Modules, ImmutableArray<ModuleSearchProblem> Problems);

/// <summary>A module: its directory, its <c>config</c>, and the configs that config sources, which are part of it.</summary>
/// <param name="Directory">The module directory, absolute.</param>
/// <param name="Config">Its <c>config</c> file, absolute.</param>
/// <param name="SourcedConfigs">The module's own files that its config sources (<c>. $ngx_addon_dir/filter/config</c>), transitively, absolute.</param>
public sealed record FoundModule(string Directory, string Config, ImmutableArray<string> SourcedConfigs)
{
    /// <summary>
    /// The directory whose search found the module, absolute; the module's own directory when a path named it (or
    /// its <c>config</c>). A diff of the tree is labelled relative to it, so that it applies there whole.
    /// </summary>
    public string SearchedFrom { get; init; } = Directory;
}

/// <summary>A path that could not be searched.</summary>
/// <param name="Path">The path as given, or a directory below it that could not be listed.</param>
/// <param name="Kind">What is wrong.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record ModuleSearchProblem(string Path, ModuleSearchProblemKind Kind, string Reason);

/// <summary>Why a path could not be searched.</summary>
public enum ModuleSearchProblemKind
{
    /// <summary>The path does not exist.</summary>
    Missing,

    /// <summary>The path is a file other than a <c>config</c>.</summary>
    NotAModule,

    /// <summary>A directory could not be listed.</summary>
    Unreadable,

    /// <summary>A directory holds no module anywhere below it.</summary>
    NoModuleFound,
}
