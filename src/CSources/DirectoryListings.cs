using ConfigConvert.IO;

namespace ConfigConvert.CSources;

/// <summary>
/// What the C index's scan of a module found on disk: each directory it listed, with its entries, and the size of each
/// file it measured. A check walks the same directories again for the files its rules read, and a module's tree is
/// read once rather than twice; what the scan did not read (a directory it could not list, one it did not enter, a
/// file it did not measure) is read from the disk, as it would be without it.
/// </summary>
/// <remarks>Filled while the index is built, on one thread; only read afterwards, by any.</remarks>
internal sealed class DirectoryListings
{
    private readonly Dictionary<string, IReadOnlyList<SourceDirectoryEntry>> _entries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);

    /// <summary>The entries of <paramref name="directory"/>, as listed by the scan or else now.</summary>
    /// <exception cref="IOException">The directory cannot be listed.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public IReadOnlyList<SourceDirectoryEntry> Entries(string directory)
        => _entries.TryGetValue(directory, out var entries) ? entries : SourceFileSystem.Physical.ListDirectory(directory);

    /// <summary>The size of the file <paramref name="path"/> names, its links followed, as measured by the scan or else now (<see cref="BoundedFile.SizeOf"/>).</summary>
    /// <exception cref="FileNotFoundException">There is no such file, or the link dangles.</exception>
    /// <exception cref="IOException">The links loop.</exception>
    public long SizeOf(string path) => _sizes.TryGetValue(path, out var size) ? size : BoundedFile.SizeOf(path);

    internal void AddEntries(string directory, IReadOnlyList<SourceDirectoryEntry> entries) => _entries[directory] = entries;

    internal void AddSize(string path, long size) => _sizes[path] = size;
}
