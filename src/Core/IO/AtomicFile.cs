namespace ConfigConvert.IO;

/// <summary>
/// Replaces a file's contents all at once: the new bytes go to a temporary file beside it, are flushed to
/// disk, take the old file's permissions, and are renamed over it. A crash leaves either the old file or
/// the new one, never half of one. A file that does not exist yet is created the same way. A file whose
/// owner may not write it is left alone, even when the process could (as root): read-only is the user's
/// word that the file must not change.
/// </summary>
public static class AtomicFile
{
    /// <summary>Replaces the contents of <paramref name="path"/> with <paramref name="contents"/>, or throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> having changed nothing.</summary>
    public static void Replace(string path, byte[] contents)
    {
        if (!OperatingSystem.IsWindows() && File.Exists(path) && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0)
        {
            throw new UnauthorizedAccessException($"`{path}` is read-only");
        }

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
