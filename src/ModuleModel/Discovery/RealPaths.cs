namespace ConfigConvert.ModuleModel.Discovery;

/// <summary>
/// The canonical path of a directory, every symbolic link on the way resolved (what <c>realpath</c>
/// gives), so that a directory reached again through a link, or below one, is recognised.
/// </summary>
internal static class RealPaths
{
    private const int MaxLinks = 40;

    /// <summary>The canonical path, or the full path as given when a link cannot be resolved (a loop).</summary>
    public static string Of(string path)
    {
        var links = 0;
        return Resolve(Path.GetFullPath(path), ref links) ?? Path.GetFullPath(path);
    }

    private static string? Resolve(string full, ref int links)
    {
        var root = Path.GetPathRoot(full) ?? "/";
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            var next = Path.Combine(current, part);
            string? target;
            try
            {
                target = new DirectoryInfo(next).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }

            if (target is null)
            {
                current = next;
                continue;
            }

            if (++links > MaxLinks || Resolve(Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(current, target)), ref links) is not { } resolved)
            {
                return null;
            }

            current = resolved;
        }

        return current;
    }
}
