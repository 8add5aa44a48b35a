namespace ConfigConvert.IO;

/// <summary>
/// The last step of a replacement that must not lose another program's change: the file is opened with an
/// exclusive lock (on Unix, .NET takes <c>flock(LOCK_EX)</c> for <see cref="FileShare.None"/>, which
/// another run of this writer, and any .NET reader, respects), its bytes are compared with those the new
/// contents were made from, and only then is the temporary file renamed over it, the lock still held.
/// rename(2) cannot compare and swap, so this is as close to the rename as the check can be.
/// </summary>
internal static class UnchangedFileLock
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static void MoveOver(string temporary, string target, byte[] expected)
    {
        using var locked = OpenLocked(target);
        if (locked is null || WasReplaced(locked) || !HoldsExactly(locked, expected))
        {
            throw new FileChangedException(target);
        }

        File.Move(temporary, target, overwrite: true);
    }

    /// <summary>The file, locked; null when it no longer exists. A lock held by another writer is waited for.</summary>
    private static FileStream? OpenLocked(string target)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                // Opened again by path on each try: a writer that held the lock may have renamed a new file here.
                return new FileStream(target, FileMode.Open, FileAccess.Read, FileShare.None);
            }
            catch (FileNotFoundException)
            {
                return null;
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(10);
            }
        }
    }

    /// <summary>
    /// True when the locked file is no longer the one the path names: another writer renamed its file over it
    /// between our open and our lock. Linux tells through /proc; elsewhere the content check stands alone.
    /// </summary>
    private static bool WasReplaced(FileStream locked)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var descriptor = $"/proc/self/fd/{locked.SafeFileHandle.DangerousGetHandle()}";
        return new FileInfo(descriptor).LinkTarget is { } name && name.EndsWith(" (deleted)", StringComparison.Ordinal);
    }

    private static bool HoldsExactly(FileStream locked, byte[] expected)
    {
        if (locked.Length != expected.Length)
        {
            return false;
        }

        var actual = new byte[expected.Length];
        locked.ReadExactly(actual);
        return actual.AsSpan().SequenceEqual(expected);
    }
}
