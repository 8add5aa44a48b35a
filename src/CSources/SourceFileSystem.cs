using System.IO.Enumeration;
using ConfigConvert.IO;
namespace ConfigConvert.CSources;

/// <summary>An entry of a directory listing.</summary>
/// <param name="Name">The entry's name, without its directory.</param>
/// <param name="IsDirectory">True for a directory, or a symbolic link to one.</param>
/// <param name="IsSymbolicLink">
/// True when the entry is a directory reached through a symbolic link: only a directory's real path is ever
/// resolved, so whether a file is a link is not asked (it would cost a system call per file).
/// </param>
internal readonly record struct SourceDirectoryEntry(string Name, bool IsDirectory, bool IsSymbolicLink);

/// <summary>
/// What the directory scan needs from the file system. Every member may throw the exceptions of
/// <see cref="System.IO"/>; the scan turns them into diagnostics. Tests substitute failures that a
/// process running as root cannot provoke for real (a file it cannot read).
/// </summary>
internal abstract class SourceFileSystem
{
    /// <summary>The real file system.</summary>
    public static SourceFileSystem Physical { get; } = new PhysicalSourceFileSystem();

    /// <summary>True when <paramref name="path"/> is an existing directory (following links).</summary>
    public abstract bool DirectoryExists(string path);

    /// <summary>The entries of a directory, in no particular order.</summary>
    public abstract IReadOnlyList<SourceDirectoryEntry> ListDirectory(string path);

    /// <summary>The raw target of a symbolic link, or null when <paramref name="path"/> is not one.</summary>
    public abstract string? ReadLink(string path);

    /// <summary>The length of a file in bytes.</summary>
    public abstract long GetFileLength(string path);

    /// <summary>The contents of a file of the length <see cref="GetFileLength"/> gave (so that it is not measured again).</summary>
    public abstract byte[] ReadAllBytes(string path, long length);

    /// <summary><see cref="ReadAllBytes"/>, into <paramref name="arena"/> where this file system reads into one.</summary>
    public virtual FileContent Read(string path, long length, FileArena? arena) => new(ReadAllBytes(path, length));
}

/// <summary>The file system of the machine, through <see cref="System.IO"/>.</summary>
internal sealed class PhysicalSourceFileSystem : SourceFileSystem
{
    private static readonly EnumerationOptions ListOptions = new()
    {
        // Report every entry, hidden ones too, and let a failure to list surface as an exception.
        AttributesToSkip = 0,
        IgnoreInaccessible = false,
        RecurseSubdirectories = false,
        ReturnSpecialDirectories = false,
    };

    public override bool DirectoryExists(string path) => Directory.Exists(path);

    public override IReadOnlyList<SourceDirectoryEntry> ListDirectory(string path)
    {
        // The kind of entry the directory itself records says which are directories (a link's target is looked up);
        // asking an entry's attributes would look each one up again.
        var entries = new List<SourceDirectoryEntry>();
        var listing = new FileSystemEnumerable<(string Name, bool IsDirectory)>(path, static (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.IsDirectory), ListOptions);
        foreach (var (name, isDirectory) in listing)
        {
            var isLink = isDirectory && SymbolicLink.TargetOf(new DirectoryInfo(Path.Combine(path, name))) is not null;
            entries.Add(new SourceDirectoryEntry(name, isDirectory, isLink));
        }

        return entries;
    }

    public override string? ReadLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // The size of what a symbolic link names: a link to /dev/zero or to a FIFO has a size of its own that is not 0.
    public override long GetFileLength(string path) => BoundedFile.SizeOf(path);

    // A file of length 0 is not opened: it may be a FIFO, whose opening blocks.
    public override byte[] ReadAllBytes(string path, long length) => BoundedFile.ReadMeasuredFile(path, length) ?? throw new IOException("file is too large");

    public override FileContent Read(string path, long length, FileArena? arena)
        => arena is null ? base.Read(path, length, arena) : arena.Read(path, length) ?? throw new IOException("file is too large");
}
