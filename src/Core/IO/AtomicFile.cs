namespace ConfigConvert.IO;

/// <summary>
/// Replaces a file's contents all at once: the new bytes go to a temporary file beside it, are flushed to
/// disk, take the old file's permissions, and are renamed over it. A crash, a full disk or any other
/// failure leaves either the old file or the new one, never half of one, and no temporary file. A file
/// that does not exist yet is created the same way. A file whose owner may not write it, or one in a
/// directory whose owner may not write it, is left alone, even when the process could (as root):
/// read-only is the user's word that it must not change.
/// </summary>
/// <remarks>
/// A symbolic link is written through: the file it names is replaced (beside itself, so that the rename
/// stays on one file system) and the link is kept, since the link is how the user laid out the files
/// (a config shared by several trees, a file kept elsewhere), and replacing it with a regular file
/// would quietly cut that tie.
/// </remarks>
public static class AtomicFile
{
    /// <summary>Replaces the contents of <paramref name="path"/> with <paramref name="contents"/>, or throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> having changed nothing.</summary>
    public static void Replace(string path, byte[] contents) => AtomicFileWriter.Default.Replace(path, contents, expected: null);

    /// <summary>
    /// As <see cref="Replace"/>, but only while <paramref name="path"/> still holds <paramref name="expected"/>,
    /// the bytes the new contents were made from: a file that another program changed (or removed) since it
    /// was read is not overwritten, and <see cref="FileChangedException"/> says so. The comparison is made
    /// just before the rename, under an exclusive lock that another run of this writer also takes (a lock
    /// file beside the target, removed when done), so two runs cannot both replace what they read.
    /// </summary>
    public static void ReplaceIfUnchanged(string path, byte[] expected, byte[] contents) => AtomicFileWriter.Default.Replace(path, contents, expected);

    /// <summary>
    /// Removes the temporary and lock files of the replacements under way, for a process that is being stopped (a
    /// signal's handler): it runs no <c>finally</c>, and they would be left beside the files. Each file replaced is
    /// then whole, old or new, as after any failure.
    /// </summary>
    public static void RemoveUnfinished() => UnfinishedFiles.RemoveAll();
}

/// <summary>A file that changed between the time it was read and the time it was to be replaced; it was left as it is.</summary>
public sealed class FileChangedException : IOException
{
    /// <summary>Says that <paramref name="path"/> changed since it was read.</summary>
    public FileChangedException(string path)
        : base($"`{path}` changed since it was read; it was not overwritten (run again to work on what it holds now)")
    {
        Path = path;
    }

    /// <summary>The file that changed.</summary>
    public string Path { get; }
}
