using System.Runtime.InteropServices;

namespace ConfigConvert.IO;

/// <summary>
/// What kind of file a path names, where .NET cannot tell: <see cref="FileInfo"/> shows a device, a FIFO and an empty
/// regular file alike (no attributes, length 0). Linux only, through <c>statx(2)</c>, whose record has one layout on
/// every architecture; elsewhere nothing is told.
/// </summary>
public static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;

    // struct statx: stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32), stx_mode (u16).
    private const int ModeOffset = 28;
    private const int RecordSize = 256;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>
    /// True when <paramref name="path"/> (a symbolic link followed) exists and is neither a regular file nor a directory:
    /// a character or block device, a FIFO, a socket. False when it is one of those two, is missing, or cannot be told.
    /// </summary>
    public static bool IsSpecial(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var record = new byte[RecordSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType, record) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc, or one older than 2.28: nothing is told, as on other systems.
            return false;
        }

        var type = MemoryMarshal.Read<ushort>(record.AsSpan(ModeOffset)) & TypeMask;
        return type is not (RegularFile or Directory);
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] record);
}
