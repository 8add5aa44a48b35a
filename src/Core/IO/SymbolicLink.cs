namespace ConfigConvert.IO;

/// <summary>
/// What a symbolic link names, asked only of what is one. <see cref="FileSystemInfo.LinkTarget"/> calls
/// <c>readlink(2)</c> every time, and fails for every file that is no link: a check read the link of
/// each of a module's files two or three times over. The attributes a listing has already read (or one
/// <c>lstat(2)</c>, whose answer <see cref="FileInfo.Length"/> and <see cref="FileSystemInfo.Exists"/>
/// then reuse) say whether there is a link to read.
/// </summary>
public static class SymbolicLink
{
    /// <summary>
    /// <see cref="FileSystemInfo.LinkTarget"/> of <paramref name="info"/>: the path the link holds, or null when it is no
    /// link. Where the attributes cannot tell, <c>readlink(2)</c> is asked as before: a missing path has every attribute,
    /// and one that cannot be looked up (a link loop on the way, a name too long, a directory that may not be entered)
    /// throws where <see cref="FileSystemInfo.LinkTarget"/> gives null.
    /// </summary>
    public static string? TargetOf(FileSystemInfo info) => MayBeLink(info) ? info.LinkTarget : null;

    /// <summary>
    /// False when the attributes of <paramref name="info"/> say it is no link; true when it is one, or when they cannot
    /// be read (then only <c>readlink(2)</c> can tell).
    /// </summary>
    public static bool MayBeLink(FileSystemInfo info)
    {
        try
        {
            return (info.Attributes & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
