namespace ConfigConvert.Analyzers.Fixing;

/// <summary>
/// Replaces a file's contents all at once: the new bytes go to a temporary file beside it, are flushed to
/// disk, take the old file's permissions, and are renamed over it. A crash leaves either the old file or
/// the new one, never half of one. A file that does not exist yet is created the same way.
/// </summary>
internal static class AtomicFile
{
    public static void Replace(string path, byte[] contents)
    {
        // Write through a symbolic link to the file it names, and keep the link.
        var info = new FileInfo(path);
        var target = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)!.FullName : Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.ngx-convert-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
