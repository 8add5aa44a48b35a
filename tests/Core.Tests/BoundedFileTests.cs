using ConfigConvert.IO;
using ConfigConvert.TestSupport;

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

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(300_001)]
    public void A_regular_file_is_read_byte_for_byte_at_sizes_around_the_chunk(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = Write("f.c", bytes);

        Assert.Equal(bytes, BoundedFile.ReadAllBytes(path));
        Assert.Equal(bytes, BoundedFile.ReadMeasuredFile(path, BoundedFile.SizeOf(path)));
    }

    [Fact]
    public void A_file_that_grew_after_it_was_measured_is_read_as_it_is_now()
    {
        var path = Write("grown.c", [1, 2, 3]);
        var size = BoundedFile.SizeOf(path);
        var grown = new byte[200_000];
        new Random(7).NextBytes(grown);
        File.WriteAllBytes(path, grown);

        Assert.Equal(grown, BoundedFile.ReadMeasuredFile(path, size));
        Assert.Null(BoundedFile.ReadMeasuredFile(path, size, limit: 100_000));
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
        Fifo.Create(fifo);
        var writer = Task.Run(() => File.WriteAllBytes(fifo, [7, 8, 9]));

        var read = BoundedFile.ReadAllBytes(fifo);

        await writer;
        Assert.Equal([7, 8, 9], read);
    }

    [Fact]
    public void A_found_file_is_read_whole_within_the_limit_and_refused_beyond_it()
    {
        var path = Write("config", [1, 2, 3]);
        Assert.Equal([1, 2, 3], BoundedFile.ReadFoundFile(path));
        Assert.Null(BoundedFile.ReadFoundFile(path, limit: 2));
        Assert.True(BoundedFile.HasSize(path));
    }

    [Fact]
    public void A_found_fifo_is_empty_and_never_opened()
    {
        // Opening it would wait for a writer that never comes: the test would hang, not fail.
        var fifo = Fifo.Create(Path.Combine(_root, "fifo"));
        Assert.False(BoundedFile.HasSize(fifo));
        Assert.Empty(BoundedFile.ReadFoundFile(fifo)!);
    }

    [Fact]
    public void A_found_link_to_a_device_is_empty()
    {
        var link = Path.Combine(_root, "config");
        File.CreateSymbolicLink(link, "/dev/zero");
        Assert.Empty(BoundedFile.ReadFoundFile(link)!);
    }

    [Fact]
    public void A_found_link_that_dangles_is_no_file()
    {
        var link = Path.Combine(_root, "config");
        File.CreateSymbolicLink(link, Path.Combine(_root, "nowhere"));
        Assert.Throws<FileNotFoundException>(() => BoundedFile.ReadFoundFile(link));
    }

    [Fact]
    public void A_measured_file_is_not_measured_again()
    {
        // The size given is believed: 0 means "not opened", whatever the file holds.
        var path = Write("config", [1, 2, 3]);
        Assert.Empty(BoundedFile.ReadMeasuredFile(path, size: 0)!);
        Assert.Equal([1, 2, 3], BoundedFile.ReadMeasuredFile(path, size: 3));
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
