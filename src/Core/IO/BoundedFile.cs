using ConfigConvert.Text;

namespace ConfigConvert.IO;

/// <summary>
/// Reads a file whole, but never more than a limit. A regular file's size is known before it is read; a device's or
/// a pipe's is not (their size is 0), and reading <c>/dev/zero</c> to its end would never end. So a file whose size
/// is known is measured first, and every file is read only until its end or one chunk past the limit.
/// </summary>
public static class BoundedFile
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>, or null when it holds more than <paramref name="limit"/> bytes
    /// (<see cref="InputLimits.MaxFileBytes"/> by default). A file without a size (a device, a pipe) is read up to the
    /// smaller of the limit and <see cref="InputLimits.MaxFileBytes"/>. Opening a FIFO waits for a writer, as <c>cat</c> does.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static byte[]? ReadAllBytes(string path, long limit = InputLimits.MaxFileBytes)
    {
        // The size of what was opened: FileInfo.Length of a symbolic link is the link's own, not its target's.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var size = stream.CanSeek ? stream.Length : 0;
        if (size > limit)
        {
            return null;
        }

        return ReadUpTo(stream, size > 0 ? limit : Math.Min(limit, InputLimits.MaxFileBytes), (int)size);
    }

    /// <summary>
    /// The size of the file <paramref name="path"/> names, its symbolic links followed (<see cref="FileInfo.Length"/> of a
    /// link is the link's own size): 0 for a device or a pipe. The file is not opened.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file, or the link dangles.</exception>
    /// <exception cref="IOException">The links loop.</exception>
    public static long SizeOf(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        if (info.LinkTarget is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        return info is FileInfo { Exists: true } file ? file.Length : throw new FileNotFoundException("no such file", path);
    }

    private static byte[]? ReadUpTo(Stream stream, long limit, int expected)
    {
        using var content = new MemoryStream(expected);
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (content.Length + read > limit)
            {
                return null;
            }

            content.Write(chunk, 0, read);
        }

        return content.ToArray();
    }
}
