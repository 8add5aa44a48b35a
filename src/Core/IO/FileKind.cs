using System.Runtime.InteropServices;

namespace ConfigConvert.IO;

/// <summary>
/// What kind of file a path names, where .NET cannot tell: <see cref="FileInfo"/> shows a device, a FIFO and an empty
/// regular file alike (no attributes, length 0). Linux only (<see cref="FileStatus"/>); elsewhere nothing is told.
/// </summary>
public static class FileKind
{
    /// <summary>
    /// True when <paramref name="path"/> (a symbolic link followed) exists and is neither a regular file nor a directory:
    /// a character or block device, a FIFO, a socket. False when it is one of those two, is missing, or cannot be told.
    /// </summary>
    public static bool IsSpecial(string path)
        => StatxCall.TryGet(StatxCall.CurrentDirectory, path, 0, StatxCall.TypeModeOwner, out var status) && !status.IsRegularFile && !status.IsDirectory;
}

/// <summary>
/// The type, mode and owner of a file as <c>statx(2)</c> gives them (a symbolic link followed), whose record has one
/// layout on every Linux architecture; null elsewhere, for a missing file, or without glibc 2.28.
/// </summary>
internal sealed partial record FileStatus(int Mode, uint User, uint Group)
{
    public static FileStatus? Of(string path)
        => StatxCall.TryGet(StatxCall.CurrentDirectory, path, 0, StatxCall.TypeModeOwner, out var status) ? new FileStatus(status.Mode, status.User, status.Group) : null;

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

    [LibraryImport("libc.so.6", EntryPoint = "chown", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Chown(string path, uint user, uint group);
}
