using System.Runtime.InteropServices;

namespace ConfigConvert.IO;

/// <summary>
/// A regular file measured and read with the fewest system calls Linux allows. <see cref="FileStream"/> reads a file
/// with ten: <c>fstat</c> at opening and again for its length, an advisory lock (<c>flock</c>) taken and dropped, and
/// before it <c>lstat</c> and <c>geteuid</c> to measure it through its links; this takes five (<c>statx</c>,
/// <c>open</c>, <c>read</c>, a <c>read</c> that finds the end, <c>close</c>), and a check reads every C file of a tree.
/// Only the way is new: on any failure, for anything but a regular file, and on other systems, nothing is done and the
/// caller goes the way of <see cref="System.IO"/>, so that errors, their messages and pipes behave as before.
/// </summary>
internal static unsafe partial class NativeFileRead
{
    // O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC: a FIFO put where a file was measured opens without waiting for a
    // writer (and is then left to System.IO, which waits as before); no terminal becomes this process's.
    private const int OpenFlags = 0x0 | 0x100 | 0x800 | 0x80000;
    private const int Interrupted = 4;

    /// <summary>The size of the regular file <paramref name="path"/> names, its links followed; false when it is no regular file or cannot be asked.</summary>
    public static bool TrySizeOf(string path, out long size)
    {
        if (!Applies(path) || !StatxCall.TryGet(StatxCall.CurrentDirectory, path, 0, StatxCall.TypeAndSize, out var status) || !status.IsRegularFile)
        {
            size = 0;
            return false;
        }

        size = status.Size;
        return true;
    }

    /// <summary>
    /// The bytes of the regular file <paramref name="path"/>, or null when it holds more than <paramref name="limit"/>
    /// bytes; false, with nothing read, when it is no regular file, cannot be opened or read, or grew while it was read.
    /// Read into <paramref name="arena"/> when one is given and the file fits in one of its blocks, else into an array of
    /// the file's own.
    /// </summary>
    public static bool TryRead(string path, long limit, FileArena? arena, out FileContent? content)
    {
        content = null;
        if (!Applies(path))
        {
            return false;
        }

        int descriptor;
        try
        {
            descriptor = Open(path, OpenFlags);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        if (descriptor < 0)
        {
            return false;
        }

        try
        {
            return TryReadOpened(descriptor, limit, arena, out content);
        }
        finally
        {
            _ = Close(descriptor);
        }
    }

    // The flags above are those of x86-64 and ARM64 (some other architectures number them otherwise). A path with a NUL
    // in it would name a shorter one here; System.IO refuses it.
    private static bool Applies(string path)
        => OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64 && !path.Contains('\0');

    private static bool TryReadOpened(int descriptor, long limit, FileArena? arena, out FileContent? content)
    {
        content = null;
        if (!StatxCall.TryGet(descriptor, "", StatxCall.EmptyPath, StatxCall.TypeAndSize, out var status) || !status.IsRegularFile || status.Size > int.MaxValue)
        {
            return false;
        }

        var size = status.Size;

        if (size > limit)
        {
            return true;
        }

        if (arena is not null && size <= FileArena.ChunkBytes)
        {
            // Taken only once the whole file is read: a file that grew is read again by System.IO, and its room is the next file's.
            var room = arena.Reserve((int)size);
            if (ReadFully(descriptor, room.Span) is not { } read || !AtEnd(descriptor))
            {
                return false;
            }

            content = arena.Take(read);
            return true;
        }

        var bytes = BoundedFile.NewContent((int)size);
        if (ReadFully(descriptor, bytes) is not { } count || !AtEnd(descriptor))
        {
            return false;
        }

        content = new FileContent(count < bytes.Length ? bytes[..count] : bytes);
        return true;
    }

    /// <summary>How many bytes were read into <paramref name="bytes"/> before the end of the file (fewer if it shrank), or null on an error.</summary>
    private static int? ReadFully(int descriptor, Span<byte> bytes)
    {
        var count = 0;
        fixed (byte* start = bytes)
        {
            while (count < bytes.Length)
            {
                var read = Read(descriptor, start + count, bytes.Length - count);
                if (read == 0)
                {
                    break;
                }

                if (read < 0)
                {
                    if (Marshal.GetLastPInvokeError() == Interrupted)
                    {
                        continue;
                    }

                    return null;
                }

                count += (int)read;
            }
        }

        return count;
    }

    /// <summary>True when nothing follows what was read: a file that grew is read again, whole, by System.IO.</summary>
    private static bool AtEnd(int descriptor)
    {
        byte next;
        nint read;
        do
        {
            read = Read(descriptor, &next, 1);
        }
        while (read < 0 && Marshal.GetLastPInvokeError() == Interrupted);

        return read == 0;
    }

    [LibraryImport("libc.so.6", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc.so.6", EntryPoint = "read", SetLastError = true)]
    private static partial nint Read(int descriptor, byte* buffer, nint count);

    [LibraryImport("libc.so.6", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
