using ConfigConvert.IO;

namespace ConfigConvert.Core.Tests;

/// <summary>
/// Files read into an arena: the bytes are the file's, a release makes the next files reuse the memory, what was read
/// before a release cannot be read after it, and what does not fit in a block (or is over the limit) is read as it
/// would be without an arena.
/// </summary>
public sealed class FileArenaTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-arena-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(FileArena.ChunkBytes)]
    [InlineData(FileArena.ChunkBytes + 1)]
    public void A_file_reads_as_System_IO_reads_it(int size)
    {
        var path = WriteRandom("f.c", size);

        var content = new FileArena().Read(path, size);

        Assert.NotNull(content);
        Assert.Equal(File.ReadAllBytes(path), content.Value.Span.ToArray());
    }

    [Fact]
    public void Files_read_together_are_each_their_own_across_blocks()
    {
        var arena = new FileArena();
        var sizes = new[] { 700_000, 500_000, 300_000, 1, 1_000_000, 48_000 };
        var paths = sizes.Select((size, i) => WriteRandom($"f{i}.c", size)).ToArray();

        var contents = paths.Select((path, i) => arena.Read(path, sizes[i])!.Value).ToArray();

        for (var i = 0; i < paths.Length; i++)
        {
            Assert.Equal(File.ReadAllBytes(paths[i]), contents[i].Span.ToArray());
        }
    }

    [Fact]
    public void What_was_read_before_a_release_cannot_be_read_after_it()
    {
        var arena = new FileArena();
        var first = arena.Read(WriteRandom("a.c", 100), 100)!.Value;
        var large = arena.Read(WriteRandom("large.c", FileArena.ChunkBytes + 1), FileArena.ChunkBytes + 1)!.Value;

        arena.Release();
        var second = arena.Read(WriteRandom("b.c", 100), 100)!.Value;

        Assert.Throws<ObjectDisposedException>(() => first.Span.Length);
        Assert.Equal(FileArena.ChunkBytes + 1, large.Span.Length);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "b.c")), second.Span.ToArray());
    }

    [Fact]
    public void A_release_lets_the_next_files_reuse_the_memory()
    {
        var arena = new FileArena();
        var path = WriteRandom("a.c", 4096);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            _ = arena.Read(path, 4096);
            arena.Release();
        }

        // A thousand files of 4 KiB in arrays of their own would take 4 MiB; in the arena, one block of 1 MiB.
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, FileArena.ChunkBytes + (512 * 1024));
    }

    [Fact]
    public void A_file_over_the_limit_is_not_read()
    {
        var path = WriteRandom("big.c", 11);

        Assert.Null(new FileArena().Read(path, 11, limit: 10));
    }

    [Fact]
    public void A_missing_file_fails_as_System_IO_fails()
    {
        Assert.Throws<FileNotFoundException>(() => new FileArena().Read(Path.Combine(_root, "missing.c"), 10));
    }

    [Fact]
    public void Bytes_of_their_own_stay_readable()
    {
        var content = new FileContent([1, 2, 3]);

        Assert.Equal([1, 2, 3], content.Span.ToArray());
        Assert.Equal(0, default(FileContent).Span.Length);
    }

    private string WriteRandom(string name, int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
