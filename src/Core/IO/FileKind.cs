using System.Runtime.InteropServices;

namespace ConfigConvert.IO;

/// <summary>
/// What kind of file a path names, where .NET cannot tell: <see cref="FileInfo"/> shows a device, a FIFO and an empty
/// regular file alike (no attributes, length 0). Linux only (<see cref="FileStatus"/>); elsewhere nothing is told.
/// </summary>
public static class FileKind
{
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int Directory = 0x4000;

    /// <summary>
    /// True when <paramref name="path"/> (a symbolic link followed) exists and is neither a regular file nor a directory:
    /// a character or block device, a FIFO, a socket. False when it is one of those two, is missing, or cannot be told.
    /// </summary>
    public static bool IsSpecial(string path)
        => FileStatus.Of(path) is { } status && (status.Mode & TypeMask) is not (RegularFile or Directory);
}

/// <summary>
/// The type, mode and owner of a file as <c>statx(2)</c> gives them (a symbolic link followed), whose record has one
/// layout on every Linux architecture; null elsewhere, for a missing file, or without glibc 2.28.
/// </summary>
internal sealed partial record FileStatus(int Mode, uint User, uint Group)
{
    private const int AtFdCwd = -100;
    private const uint StatxTypeModeOwner = 0x1 | 0x2 | 0x8 | 0x10;

    // struct statx: stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32), stx_mode (u16).
    private const int UserOffset = 20;
    private const int GroupOffset = 24;
    private const int ModeOffset = 28;
    private const int RecordSize = 256;

    public static FileStatus? Of(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var record = new byte[RecordSize];
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxTypeModeOwner, record) != 0)
            {
                return null;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc, or one older than 2.28: nothing is told, as on other systems.
            return null;
        }

        var span = record.AsSpan();
        return new FileStatus(MemoryMarshal.Read<ushort>(span[ModeOffset..]), MemoryMarshal.Read<uint>(span[UserOffset..]), MemoryMarshal.Read<uint>(span[GroupOffset..]));
    }

    /// <summary>Gives <paramref name="path"/> this owner and group; false when the system refuses (not root) or cannot be asked.</summary>
    public bool GiveTo(string path)
    {
        try
        {
            return Chown(path, User, Group) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, [Out] byte[] record);

    [LibraryImport("libc.so.6", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint user, uint group);
}
