using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.IO;
using ConfigConvert.ModuleModel.Discovery;

namespace ConfigConvert.Analyzers.Driver;

/// <summary>
/// The files under a module directory, in a deterministic order (ordinal by relative path). Version
/// control and build output folders are skipped; a directory reached again through a symbolic link
/// is not entered twice, so link loops end, and a link that leads out of the module is not followed.
/// </summary>
internal static class ModuleFiles
{
    private static readonly HashSet<string> SkippedDirectories = new(StringComparer.Ordinal) { ".git", ".hg", ".svn", "objs" };

    /// <summary>
    /// Lists the files, or only those whose names <paramref name="wantsFile"/> accepts (the others are not looked up),
    /// reading what <paramref name="listings"/> holds from there (the C index's scan of the module) and the rest from the
    /// disk; <paramref name="unreadable"/> receives each directory that could not be listed, with the reason.
    /// </summary>
    public static List<RepositoryFile> List(string root, List<(string Path, string Reason)> unreadable, Func<string, bool>? wantsFile = null, DirectoryListings? listings = null)
        => new Walk(root, wantsFile ?? (_ => true), listings ?? new DirectoryListings()).Run(unreadable);

    /// <summary>One listing: the directories still to list, and the files found so far.</summary>
    private sealed class Walk(string root, Func<string, bool> wantsFile, DirectoryListings listings)
    {
        private readonly List<RepositoryFile> _files = [];
        private readonly Stack<(string Directory, string Real)> _pending = new();

        public List<RepositoryFile> Run(List<(string Path, string Reason)> unreadable)
        {
            var visited = new HashSet<string>(StringComparer.Ordinal);
            var rootReal = RealPaths.Of(root);
            _pending.Push((root, rootReal));
            while (_pending.TryPop(out var next))
            {
                var (directory, real) = next;
                if (!IsWithin(rootReal, real) || !visited.Add(real))
                {
                    continue;
                }

                try
                {
                    foreach (var entry in listings.Entries(directory))
                    {
                        Add(directory, real, entry);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    unreadable.Add((directory, IO.IoReason.Of(e)));
                }
            }

            _files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
            return _files;
        }

        private void Add(string directory, string directoryReal, SourceDirectoryEntry entry)
        {
            var path = Path.Combine(directory, entry.Name);
            if (entry.IsDirectory)
            {
                if (!SkippedDirectories.Contains(entry.Name))
                {
                    // A directory that is no link is where its parent really is: only a link needs its path resolved.
                    _pending.Push((path, entry.IsSymbolicLink ? RealPaths.Of(path) : Path.Combine(directoryReal, entry.Name)));
                }

                return;
            }

            if (wantsFile(entry.Name) && SizeOf(path) is { } size)
            {
                _files.Add(new RepositoryFile(RelativePath.Of(root, path), path, size));
            }
        }

        /// <summary>
        /// The size of what a file names, its links followed (a link to /dev/zero or to a FIFO has a size of its own that
        /// is not 0); null for a link that dangles or loops, which is no file to read.
        /// </summary>
        private long? SizeOf(string path)
        {
            try
            {
                return listings.SizeOf(path);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }

    /// <summary>A link that leads out of the module (<c>up -&gt; ..</c>) is not followed: those files are not the module's.</summary>
    private static bool IsWithin(string root, string directory)
        => directory == root || directory.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
