using System.Runtime.InteropServices;

namespace ConfigConvert.IO;

/// <summary>
/// <c>statx(2)</c>, whose record has one layout on every Linux architecture (<c>stat(2)</c>'s differs between them): a
/// file's type, mode, owner and size. False where it cannot be asked (not Linux, or a C library without it: not glibc,
/// or one older than 2.28) and when the call fails; the caller then asks <see cref="System.IO"/> or tells nothing.
/// </summary>
internal static unsafe partial class StatxCall
{
    /// <summary><c>AT_FDCWD</c>: a relative path is looked up from the current directory.</summary>
    public const int CurrentDirectory = -100;

    /// <summary><c>AT_EMPTY_PATH</c>: with an empty path, the open descriptor itself is asked about.</summary>
    public const int EmptyPath = 0x1000;

    /// <summary><c>STATX_TYPE | STATX_MODE | STATX_UID | STATX_GID</c>.</summary>
    public const uint TypeModeOwner = 0x1 | 0x2 | 0x8 | 0x10;

    /// <summary><c>STATX_TYPE | STATX_SIZE</c>.</summary>
    public const uint TypeAndSize = 0x1 | 0x200;

    // struct statx: stx_mask, stx_blksize (u32), stx_attributes (u64), stx_nlink, stx_uid, stx_gid (u32), stx_mode (u16),
    // a u16 of padding, stx_ino (u64), stx_size (u64)...
    private const int UserOffset = 20;
    private const int GroupOffset = 24;
    private const int ModeOffset = 28;
    private const int SizeOffset = 40;
    private const int RecordSize = 256;

    /// <summary>What <c>statx</c> says of <paramref name="path"/> (from <paramref name="directory"/>, with <paramref name="flags"/>); false when it cannot be asked or fails.</summary>
    public static bool TryGet(int directory, string path, int flags, uint mask, out StatxRecord record)
    {
        record = default;
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var buffer = stackalloc byte[RecordSize];
        try
        {
            if (Statx(directory, path, flags, mask, buffer) != 0)
            {
                return false;
            }
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }

        record = new StatxRecord(*(ushort*)(buffer + ModeOffset), *(uint*)(buffer + UserOffset), *(uint*)(buffer + GroupOffset), *(long*)(buffer + SizeOffset));
        return true;
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directory, string path, int flags, uint mask, byte* record);
}
