using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Driver;

/// <summary>
/// Finds the module directories a check covers. A path is a module directory when it holds a file named
/// <c>config</c>; otherwise the tree below it is searched, in ordinal order of names, for directories
/// whose <c>config</c> file reads like a module's (it mentions <c>ngx_addon_name</c>, an
/// <c>ngx_module_</c> variable or a <c>*_MODULES</c> list). A module's own subdirectories are not
/// searched further; <c>.git</c>, <c>.hg</c>, <c>.svn</c> and <c>objs</c> are skipped, and a directory
/// reached again through a symbolic link is not entered twice.
/// </summary>
internal static class ModuleDiscovery
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", ".hg", ".svn", "objs" };

    private static readonly EnumerationOptions ListOptions = new() { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };

    /// <summary>The module directories under <paramref name="paths"/>, each once, in the order found; problems go to <paramref name="diagnostics"/>.</summary>
    public static List<string> Find(IEnumerable<string> paths, List<Diagnostic> diagnostics)
    {
        var modules = new List<string>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
            if (File.Exists(full) && Path.GetFileName(full) == "config")
            {
                AddOnce(Path.GetDirectoryName(full)!, modules);
            }
            else if (!Directory.Exists(full))
            {
                diagnostics.Add(Diagnostic.Create(DriverDiagnostics.PathUnreadable, Location.None(path), path, File.Exists(full) ? "it is neither a module directory nor a `config` file" : "no such file or directory"));
            }
            else if (IsModuleDirectory(full))
            {
                AddOnce(full, modules);
            }
            else
            {
                var found = Search(full, visited, diagnostics);
                if (found.Count == 0 && !diagnostics.Any(d => d.Location.Path?.StartsWith(full, StringComparison.Ordinal) == true))
                {
                    diagnostics.Add(Diagnostic.Create(DriverDiagnostics.NoModuleFound, Location.None(path), path));
                }

                found.ForEach(m => AddOnce(m, modules));
            }
        }

        return modules;
    }

    private static void AddOnce(string module, List<string> modules)
    {
        if (!modules.Contains(module, StringComparer.Ordinal))
        {
            modules.Add(module);
        }
    }

    private static bool IsModuleDirectory(string directory) => File.Exists(Path.Combine(directory, "config"));

    /// <summary>Depth first, names in ordinal order, with an explicit stack so that a deep tree cannot exhaust the call stack.</summary>
    private static List<string> Search(string root, HashSet<string> visited, List<Diagnostic> diagnostics)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (!visited.Add(RealPaths.Of(directory)))
            {
                continue;
            }

            if (directory != root && IsModuleDirectory(directory))
            {
                if (LooksLikeModuleConfig(Path.Combine(directory, "config")))
                {
                    found.Add(directory);
                    continue;
                }
            }

            try
            {
                var children = new DirectoryInfo(directory).EnumerateDirectories("*", ListOptions)
                    .Where(d => !SkippedDirectories.Contains(d.Name))
                    .Select(d => d.FullName)
                    .Order(StringComparer.Ordinal)
                    .Reverse();
                foreach (var child in children)
                {
                    pending.Push(child);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                diagnostics.Add(Diagnostic.Create(DriverDiagnostics.PathUnreadable, Location.None(directory), directory, e.Message));
            }
        }

        return found;
    }

    /// <summary>A file named config may be anything (a test suite's, a tool's); a module's names configure's variables.</summary>
    private static bool LooksLikeModuleConfig(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            var buffer = new char[64 * 1024];
            var text = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
            return text.Contains("ngx_addon_name", StringComparison.Ordinal) || text.Contains("ngx_module_", StringComparison.Ordinal) || text.Contains("_MODULES", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable config is still a module's: checking it reports why it cannot be read.
            return true;
        }
    }
}
