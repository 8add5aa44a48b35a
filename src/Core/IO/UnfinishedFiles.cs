namespace ConfigConvert.IO;

/// <summary>
/// The temporary and lock files the atomic writer has beside a target while it replaces it. A process stopped at that
/// moment (SIGTERM, Ctrl-C) runs no <c>finally</c>: <see cref="AtomicFile.RemoveUnfinished"/>, called as it stops,
/// removes them, and no new one is made after it, so that nothing but the user's own files is left, each whole.
/// </summary>
internal static class UnfinishedFiles
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<string> Paths = new(StringComparer.Ordinal);
    private static bool Stopping;

    /// <summary>
    /// Makes the file at <paramref name="path"/> with <paramref name="make"/> and keeps it, as one step that a stop
    /// cannot come between (a file made just after the removal would be left); once stopping, makes nothing.
    /// </summary>
    /// <exception cref="RunStoppingException">The process is being stopped.</exception>
    public static T? Make<T>(string path, Func<string, T?> make)
        where T : class
    {
        lock (Gate)
        {
            if (Stopping)
            {
                throw new RunStoppingException();
            }

            // Null: nothing of this process's was made (a lock file found to be another's), nothing to keep.
            var made = make(path);
            if (made is not null)
            {
                Paths.Add(path);
            }

            return made;
        }
    }

    /// <summary>Removes a file and forgets it, as one step that a stop cannot come between (another process may make a file at the path just after).</summary>
    public static void Delete(string path)
    {
        lock (Gate)
        {
            File.Delete(path);
            Paths.Remove(path);
        }
    }

    /// <summary>Forgets a file once the writer has renamed or removed it.</summary>
    public static void Remove(string path)
    {
        lock (Gate)
        {
            Paths.Remove(path);
        }
    }

    /// <summary>Removes every file kept, and lets no other be made: the process is stopping.</summary>
    public static void RemoveAll()
    {
        lock (Gate)
        {
            Stopping = true;

            // Temporary files first: a lock removed while its temporary file stood would let another process lock and
            // compare the old bytes while this one's rename could still land.
            foreach (var path in Paths.OrderBy(p => p.EndsWith(".lock", StringComparison.Ordinal)))
            {
                try
                {
                    File.Delete(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // What cannot be removed stays, as it would have without this.
                }
            }

            Paths.Clear();
        }
    }

    /// <summary>Lets files be made again after <see cref="RemoveAll"/> (tests, which stop no process).</summary>
    internal static void Resume()
    {
        lock (Gate)
        {
            Stopping = false;
        }
    }
}

/// <summary>A file the atomic writer would make while the process is being stopped: it is not made.</summary>
internal sealed class RunStoppingException() : IOException("the run is being stopped");
