using ConfigConvert.Diagnostics;

namespace ConfigConvert.CSources;

/// <summary>
/// Lists the C and C++ sources and headers (<see cref="SourceFileNames"/>) under a module directory, recursively, skipping <c>.git</c>.
/// Symbolic links are followed, since configure sees a linked directory like any other, but each real
/// directory is scanned once: a link back to an ancestor would otherwise make the scan endless.
/// </summary>
internal sealed class SourceDirectoryScanner
{
    /// <summary>How many symbolic links one path may go through, as Linux's own limit (ELOOP).</summary>
    private const int MaxLinkHops = 40;

    private readonly SourceFileSystem _fileSystem;
    private readonly List<Diagnostic> _diagnostics;
    private readonly DirectoryListings? _listings;

    private SourceDirectoryScanner(SourceFileSystem fileSystem, List<Diagnostic> diagnostics, DirectoryListings? listings)
    {
        _fileSystem = fileSystem;
        _diagnostics = diagnostics;
        _listings = listings;
    }

    /// <summary>
    /// The source files under <paramref name="root"/> (an existing directory), sorted by relative path
    /// (ordinal, <c>/</c> separators), each with the path to read it from. Each directory listed goes into
    /// <paramref name="listings"/>, when given.
    /// </summary>
    public static List<(string RelativePath, string FullPath)> FindSourceFiles(SourceFileSystem fileSystem, string root, List<Diagnostic> diagnostics, DirectoryListings? listings = null)
        => new SourceDirectoryScanner(fileSystem, diagnostics, listings).Scan(root);

    private static string Display(string relativePath) => relativePath.Length == 0 ? "." : relativePath;

    private List<(string RelativePath, string FullPath)> Scan(string root)
    {
        var files = new List<(string RelativePath, string FullPath)>();
        var rootFull = Path.GetFullPath(root);
        var rootReal = RealPath(rootFull) ?? rootFull;

        // Real directory -> where it was first met, to say what a link leads back to.
        var visited = new Dictionary<string, string>(StringComparer.Ordinal) { [rootReal] = string.Empty };

        // An explicit stack, not recursion: a deep tree must not exhaust the call stack.
        var pending = new Stack<(string FullPath, string RelativePath, string RealPath)>();
        pending.Push((rootFull, string.Empty, rootReal));
        while (pending.Count > 0)
        {
            var (full, relative, real) = pending.Pop();
            IReadOnlyList<SourceDirectoryEntry> entries;
            try
            {
                entries = _fileSystem.ListDirectory(full);
                _listings?.AddEntries(full, entries);
            }
            catch (Exception e) when (IsFileSystemError(e))
            {
                _diagnostics.Add(Diagnostic.Create(SourceDiagnostics.UnreadableDirectory, Location.None(Display(relative)), Display(relative), IO.IoReason.Of(e)));
                continue;
            }

            var directories = new List<(string FullPath, string RelativePath, string RealPath)>();
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                var childFull = Path.Combine(full, entry.Name);
                var childRelative = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                if (!entry.IsDirectory)
                {
                    if (SourceFileNames.IsIndexed(entry.Name))
                    {
                        files.Add((childRelative, childFull));
                    }

                    continue;
                }

                if (entry.Name == ".git")
                {
                    continue;
                }

                var childReal = entry.IsSymbolicLink ? RealPath(childFull) : Path.Combine(real, entry.Name);
                if (childReal is null)
                {
                    _diagnostics.Add(Diagnostic.Create(SourceDiagnostics.UnreadableDirectory, Location.None(childRelative), childRelative, "too many levels of symbolic links"));
                    continue;
                }

                if (!visited.TryAdd(childReal, childRelative))
                {
                    _diagnostics.Add(Diagnostic.Create(SourceDiagnostics.DirectoryLinkCycle, Location.None(childRelative), childRelative, Display(visited[childReal])));
                    continue;
                }

                directories.Add((childFull, childRelative, childReal));
            }

            for (var i = directories.Count - 1; i >= 0; i--)
            {
                pending.Push(directories[i]);
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    internal static bool IsFileSystemError(Exception e)
        => e is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException or ArgumentException;

    /// <summary>
    /// The path with every symbolic link resolved, component by component as realpath(3) does; null when
    /// links loop. Only directories reached through a link need it: a plain subdirectory's real path is
    /// its parent's plus its name.
    /// </summary>
    private string? RealPath(string fullPath)
    {
        if (OperatingSystem.IsWindows())
        {
            return Path.GetFullPath(fullPath);
        }

        var pending = new Stack<string>();
        PushComponents(pending, fullPath);
        var current = "/";
        var hops = 0;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            if (component is "" or ".")
            {
                continue;
            }

            if (component == "..")
            {
                current = Path.GetDirectoryName(current) ?? "/";
                continue;
            }

            var candidate = current == "/" ? "/" + component : current + "/" + component;
            var target = _fileSystem.ReadLink(candidate);
            if (target is null)
            {
                current = candidate;
                continue;
            }

            if (++hops > MaxLinkHops)
            {
                return null;
            }

            if (target.StartsWith('/'))
            {
                current = "/";
            }

            PushComponents(pending, target);
        }

        return current;
    }

    private static void PushComponents(Stack<string> pending, string path)
    {
        var components = path.Split('/');
        for (var i = components.Length - 1; i >= 0; i--)
        {
            pending.Push(components[i]);
        }
    }
}
