namespace ConfigConvert.Cli.Output;

/// <summary>
/// Replaces a file's contents all at once: the new bytes go to a temporary file beside it, are flushed
/// to disk, take the old file's permissions, and are renamed over it. A crash leaves either the old
/// file or the new one, never half of one.
/// </summary>
internal static class AtomicFile
{
    public static void Replace(string path, byte[] contents)
    {
        // Write through a symbolic link to the file it names, and keep the link.
        var target = new FileInfo(path).LinkTarget is not null
            ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)!.FullName
            : Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(target)!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(target)}.ngx-convert-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(contents);
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
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
