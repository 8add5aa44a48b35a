namespace ConfigConvert.IO;

/// <summary>
/// The writer behind <see cref="AtomicFile"/>. The temporary file is opened through
/// <paramref name="openTemporary"/>, the seam through which tests make writing fail part way (a full disk).
/// </summary>
internal sealed class AtomicFileWriter(Func<string, Stream> openTemporary)
{
    public static AtomicFileWriter Default { get; } = new(path => new FileStream(path, FileMode.CreateNew, FileAccess.Write));

    public void Replace(string path, byte[] contents, byte[]? expected)
    {
        RefuseReadOnly(path);

        // Write through a symbolic link to the file it names, and keep the link.
        var info = new FileInfo(path);
        var target = info.LinkTarget is not null ? info.ResolveLinkTarget(returnFinalTarget: true)!.FullName : Path.GetFullPath(path);
        if (FileKind.IsSpecial(target))
        {
            // A rename would put a regular file in place of a device or a pipe (of /dev/null, as root).
            throw new IOException($"`{path}` is not a regular file (a device, a pipe or a socket); it was not replaced");
        }

        var temporary = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.ngx-convert-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = UnfinishedFiles.Make(temporary, openTemporary)!)
            {
                stream.Write(contents);
                if (stream is FileStream file)
                {
                    file.Flush(flushToDisk: true);
                }
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // The new file is the writer's (root's, in a container or under sudo): it takes the old one's owner
                // and group, as an editor saving in place keeps them. Only root may give a file away; anyone else
                // writes files that are theirs already, or gets them as cp would. Before the mode: a change of owner
                // clears setuid and setgid.
                if (FileStatus.Of(target) is { } old && FileStatus.Of(temporary) is { } written && (old.User, old.Group) != (written.User, written.Group))
                {
                    old.GiveTo(temporary);
                }

                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            if (expected is null)
            {
                File.Move(temporary, target, overwrite: true);
            }
            else
            {
                UnchangedFileLock.MoveOver(temporary, target, expected);
            }
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            UnfinishedFiles.Remove(temporary);
        }
    }

    private static void RefuseReadOnly(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        if (File.Exists(path) && (File.GetUnixFileMode(path) & UnixFileMode.UserWrite) == 0)
        {
            throw new UnauthorizedAccessException($"`{path}` is read-only");
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && Directory.Exists(directory) && (File.GetUnixFileMode(directory) & UnixFileMode.UserWrite) == 0)
        {
            throw new UnauthorizedAccessException($"the directory `{directory}` is read-only, so `{Path.GetFileName(path)}` cannot be replaced there");
        }
    }
}
