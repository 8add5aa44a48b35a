using System.Diagnostics;
using ConfigConvert.IO;

namespace ConfigConvert.Core.Tests;

/// <summary>The one writer: nothing the user had is lost, whatever fails and whoever else writes.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private static readonly byte[] Original = "ngx_addon_name=old\n"u8.ToArray();

    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-atomic-" + Guid.NewGuid().ToString("N"));

    public AtomicFileTests() => Directory.CreateDirectory(_root);

    public void Dispose()
    {
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void A_write_that_fails_part_way_leaves_the_original_and_no_partial_file()
    {
        var config = WriteConfig();
        var writer = new AtomicFileWriter(path => new FullDiskStream(new FileStream(path, FileMode.CreateNew, FileAccess.Write), room: 7));

        var error = Assert.Throws<IOException>(() => writer.Replace(config, new byte[4096], expected: Original));

        Assert.Equal("No space left on device", error.Message);
        Assert.Equal(Original, File.ReadAllBytes(config));
        Assert.Equal(["config"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_full_disk_leaves_the_original_and_no_partial_file()
    {
        // As root, a real full file system: a tiny tmpfs. Where mounting is not permitted, the failure is injected.
        var mounted = Path.Combine(_root, "tmpfs");
        Directory.CreateDirectory(mounted);
        if (!TryMountTinyTmpfs(mounted))
        {
            A_write_that_fails_part_way_leaves_the_original_and_no_partial_file();
            return;
        }

        try
        {
            var config = Path.Combine(mounted, "config");
            File.WriteAllBytes(config, Original);
            FillUp(Path.Combine(mounted, "filler"));

            Assert.ThrowsAny<IOException>(() => AtomicFile.ReplaceIfUnchanged(config, Original, new byte[64 * 1024]));

            Assert.Equal(Original, File.ReadAllBytes(config));
            Assert.Equal(["config", "filler"], Directory.GetFileSystemEntries(mounted).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }
        finally
        {
            Run("umount", mounted);
        }
    }

    [Fact]
    public void A_file_changed_since_it_was_read_is_not_overwritten()
    {
        var config = WriteConfig();
        File.WriteAllText(config, "edited meanwhile\n");

        var error = Assert.Throws<FileChangedException>(() => AtomicFile.ReplaceIfUnchanged(config, Original, "converted\n"u8.ToArray()));

        Assert.Equal($"`{config}` changed since it was read; it was not overwritten (run again to work on what it holds now)", error.Message);
        Assert.Equal("edited meanwhile\n", File.ReadAllText(config));
        Assert.Equal(["config"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_removed_since_it_was_read_is_not_created_again()
    {
        var config = WriteConfig();
        File.Delete(config);

        Assert.Throws<FileChangedException>(() => AtomicFile.ReplaceIfUnchanged(config, Original, "converted\n"u8.ToArray()));

        Assert.Empty(Directory.GetFileSystemEntries(_root));
    }

    [Fact]
    public void A_read_only_directory_is_left_alone_even_for_root()
    {
        var config = WriteConfig();
        File.SetUnixFileMode(_root, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var error = Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.Replace(config, "converted\n"u8.ToArray()));

        Assert.Contains("is read-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(Original, File.ReadAllBytes(config));
        Assert.Equal(["config"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
    }

    [Fact]
    public void Writers_racing_on_one_file_never_lose_or_mix_a_write_exactly_one_wins()
    {
        var config = WriteConfig();
        for (var round = 0; round < 25; round++)
        {
            File.WriteAllBytes(config, Original);
            var contents = Enumerable.Range(0, 8).Select(i => Enumerable.Repeat((byte)('a' + i), 64 * 1024).ToArray()).ToArray();
            using var start = new Barrier(contents.Length);
            var outcomes = contents.AsParallel().WithDegreeOfParallelism(contents.Length).Select(bytes =>
            {
                start.SignalAndWait();
                try
                {
                    AtomicFile.ReplaceIfUnchanged(config, Original, bytes);
                    return bytes;
                }
                catch (FileChangedException)
                {
                    return null;
                }
            }).ToList();

            // Every writer read the same original: one replaces it, every other one sees the change and refuses.
            var winner = Assert.Single(outcomes.OfType<byte[]>());
            Assert.Equal(winner, File.ReadAllBytes(config));
            Assert.Equal(["config"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
        }
    }

    /// <summary>
    /// A pipe (and a device, which FileKind tells the same way) is not replaced by a regular file: a rename over
    /// /dev/null, as root, would break every program that writes there. A link to a pipe is refused as the pipe is.
    /// </summary>
    [Fact]
    public void A_pipe_is_not_replaced_and_nothing_is_left_beside_it()
    {
        var pipe = Path.Combine(_root, "baseline.json");
        Assert.True(Run("mkfifo", pipe));
        File.CreateSymbolicLink(Path.Combine(_root, "link.json"), pipe);

        var error = Assert.Throws<IOException>(() => AtomicFile.Replace(pipe, "{}"u8.ToArray()));
        Assert.Throws<IOException>(() => AtomicFile.Replace(Path.Combine(_root, "link.json"), "{}"u8.ToArray()));

        Assert.Equal($"`{pipe}` is not a regular file (a device, a pipe or a socket); it was not replaced", error.Message);
        Assert.True(FileKind.IsSpecial(pipe));
        Assert.Equal(["baseline.json", "link.json"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The new file takes the old one's owner and group: as root (a container, sudo), a packager's file stays the
    /// packager's, as an editor saving in place keeps it. Not root, the process can give a file to no one else, and
    /// its files are its own already.
    /// </summary>
    [Fact]
    public void The_owner_and_group_of_the_file_are_kept()
    {
        var config = WriteConfig();
        var root = Environment.UserName == "root";
        if (root)
        {
            Assert.True(Run("chown", "1234:2345", config));
        }

        var before = FileStatus.Of(config)!;
        AtomicFile.Replace(config, "ngx_addon_name=new\n"u8.ToArray());

        Assert.Equal((before.User, before.Group), (FileStatus.Of(config)!.User, FileStatus.Of(config)!.Group));
        Assert.Equal(root ? (1234u, 2345u) : (before.User, before.Group), (before.User, before.Group));
        Assert.Equal("ngx_addon_name=new\n", File.ReadAllText(config));
    }

    /// <summary>
    /// A process stopped while it writes (SIGTERM: the CLI's handler calls RemoveUnfinished, and no finally runs after
    /// it) leaves the file whole and nothing beside it: the temporary file is removed, here from inside the write, and
    /// no write starts after it.
    /// </summary>
    [Fact]
    public void What_a_write_under_way_has_beside_the_file_is_removed_when_the_process_is_stopped()
    {
        var config = WriteConfig();
        var seen = new List<string>();
        var writer = new AtomicFileWriter(path => new StoppedWhileWriting(new FileStream(path, FileMode.CreateNew, FileAccess.Write), () =>
        {
            seen.AddRange(Directory.GetFileSystemEntries(_root).Select(Path.GetFileName)!);
            AtomicFile.RemoveUnfinished();
        }));

        try
        {
            Assert.ThrowsAny<IOException>(() => writer.Replace(config, "ngx_addon_name=new\n"u8.ToArray(), expected: Original));
            var after = Assert.ThrowsAny<IOException>(() => AtomicFile.Replace(config, "ngx_addon_name=after\n"u8.ToArray()));

            Assert.Contains(seen, name => name.StartsWith(".config.ngx-convert-", StringComparison.Ordinal));
            Assert.Equal("the run is being stopped", after.Message);
            Assert.Equal(Original, File.ReadAllBytes(config));
            Assert.Equal(["config"], Directory.GetFileSystemEntries(_root).Select(Path.GetFileName));
        }
        finally
        {
            UnfinishedFiles.Resume();
        }
    }

    [Fact]
    public void Devices_and_pipes_are_special_files_and_directories_are_not()
    {
        Assert.True(FileKind.IsSpecial("/dev/null"));
        Assert.False(FileKind.IsSpecial(WriteConfig()));
        Assert.False(FileKind.IsSpecial(_root));
        Assert.False(FileKind.IsSpecial(Path.Combine(_root, "missing")));
        File.CreateSymbolicLink(Path.Combine(_root, "null"), "/dev/null");
        Assert.True(FileKind.IsSpecial(Path.Combine(_root, "null")));
    }

    private string WriteConfig()
    {
        var config = Path.Combine(_root, "config");
        File.WriteAllBytes(config, Original);
        return config;
    }

    private static void FillUp(string path)
    {
        using var filler = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Full: what the test needs.
        }
    }

    private static bool TryMountTinyTmpfs(string directory) => Environment.UserName == "root" && Run("mount", "-t", "tmpfs", "-o", "size=32k", "tmpfs", directory);

    private static bool Run(string program, params string[] arguments)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>A stream that, once written to, runs what a signal's handler would, as the process is stopped.</summary>
    private sealed class StoppedWhileWriting(FileStream inner, Action stop) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            stop();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            inner.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>A file system with <paramref name="room"/> bytes left: writes that much, then fails as write(2) does with ENOSPC.</summary>
    private sealed class FullDiskStream(FileStream inner, int room) : Stream
    {
        private int _room = room;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            var fits = Math.Min(count, _room);
            inner.Write(buffer, offset, fits);
            inner.Flush();
            _room -= fits;
            if (fits < count)
            {
                throw new IOException("No space left on device");
            }
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
