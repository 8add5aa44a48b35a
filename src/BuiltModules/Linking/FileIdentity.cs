namespace ConfigConvert.BuiltModules.Linking;

/// <summary>
/// The dynamic loader knows a file by its device and inode: <c>dlopen()</c> of a path that names a
/// file already loaded (through a symbolic link, or <c>/lib</c> and <c>/usr/lib</c> on a merged-/usr
/// system) returns the object already there, under the name it was first loaded by. .NET has no
/// inode, so the identity here is the path with every symbolic link resolved.
/// </summary>
internal static class FileIdentity
{
    private const int MaxLinks = 40;

    public static string Of(string path)
    {
        var resolved = "/";
        var pending = new Stack<string>(Path.GetFullPath(path).Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var links = 0;
        while (pending.Count > 0)
        {
            var component = pending.Pop();
            var candidate = component == ".." ? Path.GetDirectoryName(resolved) ?? "/" : Path.Combine(resolved, component);
            string? target = null;
            try
            {
                target = new FileInfo(candidate).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }

            if (target is null || ++links > MaxLinks)
            {
                resolved = candidate;
                continue;
            }

            foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(part);
            }

            resolved = target.StartsWith('/') ? "/" : resolved;
        }

        return resolved;
    }
}
