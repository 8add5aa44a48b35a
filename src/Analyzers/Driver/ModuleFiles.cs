using System.IO.Enumeration;
using ConfigConvert.Analyzers.Framework;
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

    private static readonly EnumerationOptions ListOptions = new() { IgnoreInaccessible = false, AttributesToSkip = 0, RecurseSubdirectories = false };

    /// <summary>
    /// Lists the files, or only those whose names <paramref name="wantsFile"/> accepts (the others are not looked up);
    /// <paramref name="unreadable"/> receives each directory that could not be listed, with the reason.
    /// </summary>
    public static List<RepositoryFile> List(string root, List<(string Path, string Reason)> unreadable, Func<string, bool>? wantsFile = null)
    {
        var files = new List<RepositoryFile>();
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var rootReal = RealPaths.Of(root);
        var pending = new Stack<(string Directory, string Real)>();
        pending.Push((root, rootReal));
        while (pending.Count > 0)
        {
            var (directory, real) = pending.Pop();
            if (!IsWithin(rootReal, real) || !visited.Add(real))
            {
                continue;
            }

            try
            {
                foreach (var entry in Entries(directory, wantsFile))
                {
                    Add(root, real, entry, files, pending);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                unreadable.Add((directory, IO.IoReason.Of(e)));
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>
    /// The directories and wanted files in <paramref name="directory"/>. Each is looked up (a file's size, whether it is a
    /// link) as it is made into a <see cref="FileSystemInfo"/>, so the files no one wants are left before that.
    /// </summary>
    private static FileSystemEnumerable<FileSystemInfo> Entries(string directory, Func<string, bool>? wantsFile)
        => new(directory, static (ref FileSystemEntry entry) => entry.ToFileSystemInfo(), ListOptions)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => wantsFile is null || entry.IsDirectory || wantsFile(entry.FileName.ToString()),
        };

    /// <summary>A link that leads out of the module (<c>up -&gt; ..</c>) is not followed: those files are not the module's.</summary>
    private static bool IsWithin(string root, string directory)
        => directory == root || directory.StartsWith(Path.TrimEndingDirectorySeparator(root) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    private static void Add(string root, string parentReal, FileSystemInfo entry, List<RepositoryFile> files, Stack<(string Directory, string Real)> pending)
    {
        if (entry is DirectoryInfo)
        {
            if (!SkippedDirectories.Contains(entry.Name))
            {
                // A directory that is no link is where its parent really is: only a link needs its path resolved.
                var real = SymbolicLink.MayBeLink(entry) ? RealPaths.Of(entry.FullName) : Path.Combine(parentReal, entry.Name);
                pending.Push((entry.FullName, real));
            }

            return;
        }

        if (entry is FileInfo file && IsRegularFile(file))
        {
            files.Add(new RepositoryFile(RelativePath.Of(root, file.FullName), file.FullName, SizeOf(file)));
        }
    }

    /// <summary>True for a file, or a link to one; a dangling link or a link loop is not a file to read.</summary>
    private static bool IsRegularFile(FileInfo file)
    {
        if (SymbolicLink.TargetOf(file) is null)
        {
            return true;
        }

        try
        {
            return file.ResolveLinkTarget(returnFinalTarget: true) is FileInfo { Exists: true };
        }
        catch (IOException)
        {
            return false;
        }
    }

    // What a symbolic link names counts, not the link: a link to /dev/zero or to a FIFO has a size of its own that is
    // not 0. A link that dangles keeps its own size, so that reading it fails and is reported as for any unreadable file.
    private static long SizeOf(FileInfo file)
    {
        try
        {
            return SymbolicLink.TargetOf(file) is null ? file.Length : BoundedFile.SizeOf(file.FullName);
        }
        catch (IOException)
        {
            return file.Length;
        }
    }
}
