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
        using var stream = Open(path, out var size);
        return ReadOpened(stream, size, limit);
    }

    /// <summary>
    /// The text of the file at <paramref name="path"/>, decoded as <see cref="SourceText.From(ReadOnlySpan{byte})"/>
    /// decodes bytes, or null when it holds more than <paramref name="limit"/> bytes. A regular file is decoded as it is
    /// read (<see cref="TwoPassDecoding"/>), so that its bytes are never held whole; one that changed while it was read,
    /// and a file without a size, are read as <see cref="ReadAllBytes"/> reads them.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static SourceText? ReadText(string path, long limit = InputLimits.MaxFileBytes)
    {
        using var stream = Open(path, out var size);
        if (size > 0 && size <= limit)
        {
            if (TwoPassDecoding.Decode(stream, size) is { } text)
            {
                return text;
            }

            stream.Position = 0;
        }

        return ReadOpened(stream, size, limit) is { } bytes ? SourceText.From(bytes) : null;
    }

    /// <summary>
    /// The text of the file at <paramref name="path"/> as a reader, decoded by the rule of <see cref="ReadText"/>, or null
    /// when it holds more than <paramref name="limit"/> bytes. A regular file is decoded as the reader is read, a chunk at
    /// a time, so that neither its bytes nor its text are ever held whole; a read of one that changed since its encoding
    /// was chosen throws <see cref="InvalidDataException"/> or <see cref="System.Text.DecoderFallbackException"/>, and the
    /// caller reads it again with <see cref="ReadText"/>. A file without a size is read whole first, as by <see cref="ReadText"/>.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static TextReader? OpenText(string path, long limit = InputLimits.MaxFileBytes)
    {
        FileStream? stream = Open(path, out var size);
        try
        {
            if (size > 0 && size <= limit)
            {
                if (TwoPassDecoding.OpenReader(stream, size) is { } reader)
                {
                    stream = null;
                    return reader;
                }

                stream.Position = 0;
            }

            return ReadOpened(stream, size, limit) is { } bytes ? new StringReader(SourceText.From(bytes).Text) : null;
        }
        finally
        {
            stream?.Dispose();
        }
    }

    /// <summary>
    /// The bytes of a file that a search found (a module's file, a config in a tree, an included file), or null when it
    /// holds more than <paramref name="limit"/> bytes. The file is measured first, through its links, and one with no
    /// size of its own is read as empty without being opened: it is empty, or a device, a FIFO or a socket (System.IO
    /// cannot tell them apart), and opening a FIFO blocks until something writes to it. The user did not name such a
    /// file; <see cref="ReadAllBytes"/> reads one the user names, a pipe included.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file, or the link dangles.</exception>
    /// <exception cref="IOException">The file cannot be opened or read, or the links loop.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static byte[]? ReadFoundFile(string path, long limit = InputLimits.MaxFileBytes) => ReadMeasuredFile(path, SizeOf(path), limit);

    /// <summary>
    /// <see cref="ReadFoundFile"/> of a file already measured with <see cref="SizeOf"/>, so that a
    /// caller that checked the size itself does not measure the file again.
    /// </summary>
    /// <exception cref="IOException">The file cannot be opened or read.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission is denied.</exception>
    public static byte[]? ReadMeasuredFile(string path, long size, long limit = InputLimits.MaxFileBytes)
        => ReadMeasuredFile(path, size, limit, arena: null)?.OwnArray;

    /// <summary><see cref="ReadMeasuredFile(string, long, long)"/>, into <paramref name="arena"/> when one is given (see <see cref="FileArena.Read"/>).</summary>
    internal static FileContent? ReadMeasuredFile(string path, long size, long limit, FileArena? arena)
        => size == 0 ? new FileContent([]) : size > limit ? null
            : NativeFileRead.TryRead(path, limit, arena, out var content) ? content
            : ReadAllBytes(path, limit) is { } bytes ? new FileContent(bytes) : null;

    /// <summary>True when a file that a search found has a size of its own, and so may be opened (see <see cref="ReadFoundFile"/>).</summary>
    /// <exception cref="FileNotFoundException">There is no such file, or the link dangles.</exception>
    /// <exception cref="IOException">The links loop.</exception>
    public static bool HasSize(string path) => SizeOf(path) > 0;

    /// <summary>
    /// The size of the file <paramref name="path"/> names, its symbolic links followed (<see cref="FileInfo.Length"/> of a
    /// link is the link's own size): 0 for a device or a pipe. The file is not opened.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no such file, or the link dangles.</exception>
    /// <exception cref="IOException">The links loop.</exception>
    public static long SizeOf(string path)
    {
        if (NativeFileRead.TrySizeOf(path, out var size))
        {
            return size;
        }

        FileSystemInfo info = new FileInfo(path);
        if (SymbolicLink.TargetOf(info) is not null)
        {
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? info;
        }

        return info is FileInfo { Exists: true } file ? file.Length : throw new FileNotFoundException("no such file", path);
    }

    // The size of what was opened: FileInfo.Length of a symbolic link is the link's own, not its target's. A device's or
    // a pipe's is 0.
    private static FileStream Open(string path, out long size)
    {
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        size = stream.CanSeek ? stream.Length : 0;
        return stream;
    }

    // The bytes of an opened file of the size measured, or null past the limit; one without a size is read up to the
    // smaller of the limit and MaxFileBytes.
    private static byte[]? ReadOpened(Stream stream, long size, long limit)
        => size > limit ? null : ReadUpTo(stream, size > 0 ? limit : Math.Min(limit, InputLimits.MaxFileBytes), (int)size);

    /// <summary>The size from which a file's bytes are allocated where the collector does not move them.</summary>
    private const int PinnedFromBytes = 4096;

    /// <summary>An array for a file's <paramref name="size"/> bytes, not zeroed: the read overwrites what it keeps.</summary>
    internal static byte[] NewContent(int size) => GC.AllocateUninitializedArray<byte>(size, pinned: size >= PinnedFromBytes);

    private static byte[]? ReadUpTo(Stream stream, long limit, int expected)
    {
        // A file whose size is known is read straight into an array of that size: no chunk, no growing
        // stream and no final copy. Only a file without a size, or one that grew since it was measured,
        // is read on in chunks. Not zeroed first: the read overwrites what it keeps, and a short read keeps only what it read.
        // A file of some size is allocated where the collector never moves what it holds (the pinned object heap): its
        // bytes hold no reference and live as long as the work on the file, a module's check, which outlasts a young
        // collection or two, and the collector copied each file into the older generations on its way to dying there
        // (docs/performance.md). A small one is cheaper to copy than to leave there until a full collection.
        var content = NewContent(expected);
        var count = stream.ReadAtLeast(content, expected, throwOnEndOfStream: false);
        if (count < expected)
        {
            return content[..count];
        }

        return stream.ReadByte() is var next and >= 0 ? ReadOn(stream, limit, content, (byte)next) : content;
    }

    /// <summary>The file past what was measured: <paramref name="start"/>, then <paramref name="next"/>, then the rest in chunks; null past the limit.</summary>
    private static byte[]? ReadOn(Stream stream, long limit, byte[] start, byte next)
    {
        if (start.Length + 1L > limit)
        {
            return null;
        }

        using var content = new MemoryStream(start.Length + ChunkBytes);
        content.Write(start);
        content.WriteByte(next);
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
