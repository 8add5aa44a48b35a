namespace ConfigConvert.Verification;

/// <summary>Copies a directory tree as <c>cp -R</c> does: files with their permissions, symbolic links as links.</summary>
internal static class DirectoryCopy
{
    /// <summary>Copies <paramref name="from"/> to <paramref name="to"/>, leaving out the top-level entries <paramref name="exclude"/> names.</summary>
    public static void Copy(string from, string to, IReadOnlySet<string>? exclude = null)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var entry in new DirectoryInfo(from).EnumerateFileSystemInfos())
        {
            if (exclude?.Contains(entry.Name) == true)
            {
                continue;
            }

            var target = Path.Combine(to, entry.Name);
            if (entry.LinkTarget is { } link)
            {
                File.CreateSymbolicLink(target, link);
            }
            else if (entry is DirectoryInfo directory)
            {
                Copy(directory.FullName, target);
            }
            else if (entry is FileInfo file)
            {
                // File.Copy keeps the permission bits, so scripts a config runs stay executable.
                file.CopyTo(target);
            }
        }
    }
}
