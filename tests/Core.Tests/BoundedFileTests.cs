using System.Diagnostics;
using ConfigConvert.IO;

namespace ConfigConvert.Core.Tests;

/// <summary>
/// Whole-file reads that cannot exhaust memory or never end: a regular file is measured before it is read, a
/// device or a pipe (no size of its own) is read only up to the limit, and a symbolic link counts as its target.
/// </summary>
public sealed class BoundedFileTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-bounded-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_regular_file_within_the_limit_is_read_whole()
    {
        var path = Write("config", [1, 2, 3]);
        Assert.Equal([1, 2, 3], BoundedFile.ReadAllBytes(path));
        Assert.Equal(3, BoundedFile.SizeOf(path));
    }

    [Fact]
    public void A_regular_file_over_the_limit_is_not_read()
        => Assert.Null(BoundedFile.ReadAllBytes(Write("big", new byte[11]), limit: 10));

    [Fact]
    public void A_device_that_never_ends_is_read_only_up_to_the_limit()
        => Assert.Null(BoundedFile.ReadAllBytes("/dev/zero", limit: 1 << 20));

    [Fact]
    public void A_symbolic_link_to_a_device_is_the_device_not_the_link()
    {
        var link = Path.Combine(_root, "config");
        File.CreateSymbolicLink(link, "/dev/zero");
        Assert.True(new FileInfo(link).Length > 0, "FileInfo.Length of a link is the link's own size");
        Assert.Equal(0, BoundedFile.SizeOf(link));
        Assert.Null(BoundedFile.ReadAllBytes(link, limit: 1 << 20));
    }

    [Fact]
    public void A_dangling_link_has_no_size_it_is_no_file()
    {
        var link = Path.Combine(_root, "gone.c");
        File.CreateSymbolicLink(link, Path.Combine(_root, "nowhere.c"));
        Assert.Throws<FileNotFoundException>(() => BoundedFile.SizeOf(link));
    }

    [Fact]
    public void An_empty_device_is_read_as_empty()
        => Assert.Empty(BoundedFile.ReadAllBytes("/dev/null")!);

    [Fact]
    public async Task A_pipe_is_read_to_its_end_when_it_ends_within_the_limit()
    {
        var fifo = Path.Combine(_root, "fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        var writer = Task.Run(() => File.WriteAllBytes(fifo, [7, 8, 9]));

        var read = BoundedFile.ReadAllBytes(fifo);

        await writer;
        Assert.Equal([7, 8, 9], read);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
