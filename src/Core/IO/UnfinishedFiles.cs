using System.Collections.Concurrent;

namespace ConfigConvert.IO;

/// <summary>
/// The temporary and lock files the atomic writer has beside a target while it replaces it. A process stopped at that
/// moment (SIGTERM, Ctrl-C) runs no <c>finally</c>: <see cref="AtomicFile.RemoveUnfinished"/>, called as it stops,
/// removes them, so that nothing but the user's own files is left, each whole, old or new.
/// </summary>
internal static class UnfinishedFiles
{
    private static readonly ConcurrentDictionary<string, byte> Paths = new(StringComparer.Ordinal);

    public static void Add(string path) => Paths.TryAdd(path, 0);

    public static void Remove(string path) => Paths.TryRemove(path, out _);

    public static void RemoveAll()
    {
        foreach (var path in Paths.Keys)
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process is stopping: what cannot be removed stays, as it would have without this.
            }
        }
    }
}
