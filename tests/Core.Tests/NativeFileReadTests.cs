using ConfigConvert.IO;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Core.Tests;

/// <summary>
/// The five-call read of a regular file: it gives what <see cref="System.IO"/> gives, and declines everything else
/// (a directory, a device, a FIFO, a missing file, a path System.IO refuses) without waiting, so that the caller goes
/// the way it went before.
/// </summary>
public sealed class NativeFileReadTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-native-read-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(300_001)]
    public void A_regular_file_is_measured_and_read_as_System_IO_reads_it(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = Write("f.c", bytes);

        Assert.True(NativeFileRead.TrySizeOf(path, out var measured));
        Assert.Equal(new FileInfo(path).Length, measured);
        Assert.True(NativeFileRead.TryRead(path, limit: size, arena: null, out var content));
        Assert.Equal(File.ReadAllBytes(path), content!.Value.Span.ToArray());
    }

    [Fact]
    public void A_file_over_the_limit_is_measured_but_not_read()
    {
        var path = Write("big.c", new byte[11]);

        Assert.True(NativeFileRead.TryRead(path, limit: 10, arena: null, out var content));
        Assert.Null(content);
    }

    [Fact]
    public void A_symbolic_link_is_measured_and_read_as_its_target()
    {
        var target = Write("target.c", [1, 2, 3, 4]);
        var link = Path.Combine(_root, "link.c");
        File.CreateSymbolicLink(link, target);

        Assert.True(NativeFileRead.TrySizeOf(link, out var size));
        Assert.Equal(4, size);
        Assert.True(NativeFileRead.TryRead(link, limit: 100, arena: null, out var content));
        Assert.Equal([1, 2, 3, 4], content!.Value.Span.ToArray());
    }

    [Theory]
    [InlineData("/dev/null")]
    [InlineData("/dev/zero")]
    public void A_device_is_left_to_System_IO(string device)
    {
        Assert.False(NativeFileRead.TrySizeOf(device, out _));
        Assert.False(NativeFileRead.TryRead(device, limit: 100, arena: null, out _));
    }

    [Fact]
    public void A_directory_a_missing_file_and_a_path_with_a_NUL_are_left_to_System_IO()
    {
        var file = Write("file.c", [1]);
        foreach (var path in new[] { _root, Path.Combine(_root, "missing.c"), file + "\0.c", "" })
        {
            Assert.False(NativeFileRead.TrySizeOf(path, out _));
            Assert.False(NativeFileRead.TryRead(path, limit: 100, arena: null, out _));
        }
    }

    [Fact]
    public async Task A_FIFO_is_declined_without_waiting_for_a_writer()
    {
        var fifo = Fifo.Create(Path.Combine(_root, "fifo"));

        Assert.False(NativeFileRead.TrySizeOf(fifo, out _));
        var read = Task.Run(() => NativeFileRead.TryRead(fifo, limit: 100, arena: null, out _));
        Assert.Same(read, await Task.WhenAny(read, Task.Delay(TimeSpan.FromSeconds(10))));
        Assert.False(await read);
    }

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
