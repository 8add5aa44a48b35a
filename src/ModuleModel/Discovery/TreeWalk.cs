using ConfigConvert.IO;
namespace ConfigConvert.ModuleModel.Discovery;

/// <summary>
/// The search of a directory tree for module directories: depth first, names in ordinal order, with an
/// explicit stack so that a deep tree cannot exhaust the call stack. No directory is entered twice in
/// one search, whatever the path it is reached by, so symbolic link loops end; a link that cannot be
/// resolved is not a directory to enter.
/// </summary>
internal sealed class TreeWalk(List<ModuleSearchProblem> problems, Func<string, IEnumerable<DirectoryInfo>>? listDirectories = null)
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", ".hg", ".svn", "objs" };

    // Linux's longest path (PATH_MAX): .NET lists a directory whose path is longer without a path.
    private const int PathMax = 4096;

    // How much of a file named config is read to tell a module's (the names come first in any real one), and how much
    // at a time.
    private const int PrefixChars = 64 * 1024;
    private const int ChunkChars = 16 * 1024;

    /// <summary>What a module's config names: configure's variables.</summary>
    private static readonly string[] ConfigureNames = ["ngx_addon_name", "ngx_module_", "_MODULES"];

    // How much of each chunk is searched again with the next: one less than the longest name, so that a name across
    // the two is found whole.
    private static readonly int KeptChars = ConfigureNames.Max(name => name.Length) - 1;

    private static readonly EnumerationOptions ListOptions = new() { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };

    private readonly HashSet<string> _visited = new(StringComparer.Ordinal);

    // One chunk for every config the search reads: a new one for each (32 KB) cost more to touch than to fill.
    private char[]? _chunk;

    /// <summary>The module directories below <paramref name="root"/> (not <paramref name="root"/> itself), in the order found.</summary>
    public List<string> Search(string root)
    {
        // Each path named is searched whole, though an earlier one covered it (`check tree tree/sub`): its modules are
        // found again (and kept once), not taken for a path without modules.
        _visited.Clear();
        var found = new List<string>();
        var pending = new Stack<(string Path, string RealPath)>();
        pending.Push((root, RealPaths.Of(root)));
        while (pending.Count > 0)
        {
            var (directory, realPath) = pending.Pop();
            if (!_visited.Add(realPath))
            {
                continue;
            }

            if (directory != root && IsModuleDirectory(directory))
            {
                found.Add(directory);
                continue;
            }

            foreach (var child in Children(directory, realPath))
            {
                pending.Push(child);
            }
        }

        return found;
    }

    /// <summary>
    /// The subdirectories to search with their canonical paths, last name first (they are pushed, so the
    /// first is taken first). Only a link needs resolving: any other child's canonical path is its
    /// parent's and its name, and resolving every component of a deep path again would make the
    /// search quadratic in the depth.
    /// </summary>
    private IEnumerable<(string Path, string RealPath)> Children(string directory, string realPath)
    {
        try
        {
            var listed = (listDirectories ?? ListDirectories)(directory).ToList();
            if (listed.RemoveAll(d => d.FullName.Length == 0) > 0)
            {
                // .NET names a directory whose path is longer than the system takes (PATH_MAX) with an empty path: no
                // program can open what is below it by its path either.
                problems.Add(new ModuleSearchProblem(directory, ModuleSearchProblemKind.Unreadable, $"the paths of the directories in it are longer than the system takes ({PathMax} bytes)"));
            }

            return listed
                .Where(d => !SkippedDirectories.Contains(d.Name) && !IsLinkLoop(d))
                .Select(d => (d.FullName, d.LinkTarget is null ? Path.Combine(realPath, d.Name) : RealPaths.Of(d.FullName)))
                .OrderBy(d => d.FullName, StringComparer.Ordinal)
                .Reverse()
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new ModuleSearchProblem(directory, ModuleSearchProblemKind.Unreadable, IO.IoReason.Of(e, directory)));
            return [];
        }
    }

    private static IEnumerable<DirectoryInfo> ListDirectories(string directory) => new DirectoryInfo(directory).EnumerateDirectories("*", ListOptions);

    /// <summary>A link whose chain never ends (ELOOP) leads nowhere: it is skipped, not reported.</summary>
    private static bool IsLinkLoop(DirectoryInfo directory)
    {
        try
        {
            return directory.LinkTarget is not null && directory.ResolveLinkTarget(returnFinalTarget: true) is null;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private bool IsModuleDirectory(string directory)
    {
        var config = Path.Combine(directory, "config");
        return File.Exists(config) && LooksLikeModuleConfig(config);
    }

    /// <summary>
    /// A file named config may be anything (a test suite's, a tool's); a module's names configure's variables in its
    /// first 64K characters. They are read a chunk at a time, each chunk searched with the end of the one before (a
    /// name may straddle two): one buffer of 64K characters is a large object, one per config examined, and the
    /// full collections that large objects bring on held up the whole search.
    /// </summary>
    private bool LooksLikeModuleConfig(string path)
    {
        try
        {
            // An empty file names nothing, and not opening it means a FIFO cannot block the search.
            if (!BoundedFile.HasSize(path))
            {
                return false;
            }

            // The reader decodes as it always did: by the byte order mark if there is one, else as UTF-8.
            using var reader = new StreamReader(path);
            var chunk = _chunk ??= new char[KeptChars + ChunkChars];
            var kept = 0;
            for (var left = PrefixChars; left > 0;)
            {
                var read = reader.ReadBlock(chunk, kept, Math.Min(ChunkChars, left));
                var text = chunk.AsSpan(0, kept + read);
                if (read == 0)
                {
                    return false;
                }

                if (NamesConfigureVariables(text))
                {
                    return true;
                }

                left -= read;
                kept = Math.Min(KeptChars, text.Length);
                text[^kept..].CopyTo(chunk);
            }

            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable config is still a module's: checking it reports why it cannot be read.
            return true;
        }
    }

    private static bool NamesConfigureVariables(ReadOnlySpan<char> text)
    {
        foreach (var name in ConfigureNames)
        {
            if (text.Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
