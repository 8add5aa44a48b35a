namespace ConfigConvert.IO;

/// <summary>
/// The last step of a replacement that must not lose another program's change: under an exclusive lock,
/// the file's bytes are compared with those the new contents were made from, and only then is the
/// temporary file renamed over it. rename(2) cannot compare and swap, so this is as close to the rename
/// as the check can be. The lock is <c>flock(LOCK_EX)</c> (what .NET takes for <see cref="FileShare.None"/>)
/// on a lock file beside the target, <c>.NAME.ngx-convert.lock</c>, removed when done: not on the target
/// itself, so that a program reading the target at that moment is not refused.
/// </summary>
internal sealed class UnchangedFileLock : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly FileStream _lock;
    private readonly string _path;

    private UnchangedFileLock(FileStream locked, string path)
    {
        _lock = locked;
        _path = path;
    }

    public static void MoveOver(string temporary, string target, byte[] expected)
    {
        using (Acquire(target))
        {
            if (!File.Exists(target) || !File.ReadAllBytes(target).AsSpan().SequenceEqual(expected))
            {
                throw new FileChangedException(target);
            }

            File.Move(temporary, target, overwrite: true);
        }
    }

    /// <summary>Removed before it is unlocked: whoever waits on it then finds it gone, and locks the next one.</summary>
    public void Dispose()
    {
        UnfinishedFiles.Delete(_path);
        _lock.Dispose();
    }

    private static UnchangedFileLock Acquire(string target)
    {
        var path = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.ngx-convert.lock");
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            try
            {
                // Kept while held, so this process's to remove (before it is unlocked, as Dispose does) if it is
                // stopped meanwhile; a file this process could not lock, or locked after its holder removed it (another
                // may stand at the path now), is not this process's, and is not kept.
                if (UnfinishedFiles.Make(path, LockCurrent) is { } locked)
                {
                    return new UnchangedFileLock(locked, path);
                }
            }
            catch (IOException e) when (e is not RunStoppingException && DateTime.UtcNow < deadline && File.Exists(target))
            {
                Thread.Sleep(5);
            }
        }
    }

    /// <summary>The lock file at <paramref name="path"/>, locked; null when the file locked was no longer at its path.</summary>
    private static FileStream? LockCurrent(string path)
    {
        var locked = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        if (!WasRemoved(locked))
        {
            return locked;
        }

        locked.Dispose();
        return null;
    }

    /// <summary>True when the locked file is no longer at its path. Linux tells through /proc; elsewhere the lock stands alone.</summary>
    private static bool WasRemoved(FileStream locked)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        var descriptor = $"/proc/self/fd/{locked.SafeFileHandle.DangerousGetHandle()}";
        return new FileInfo(descriptor).LinkTarget is { } name && name.EndsWith(" (deleted)", StringComparison.Ordinal);
    }
}
