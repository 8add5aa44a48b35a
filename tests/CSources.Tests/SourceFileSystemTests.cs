using ConfigConvert.TestSupport;

namespace ConfigConvert.CSources.Tests;

/// <summary>The pooled read of the index gives the bytes the plain read gives, at every size around its buffer's edges.</summary>
public sealed class SourceFileSystemTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-sourcefs-" + Guid.NewGuid().ToString("N"));

    public SourceFileSystemTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(4097)]
    [InlineData(65535)]
    [InlineData(65536)]
    [InlineData(300_001)]
    public void The_pooled_read_gives_the_same_bytes_as_the_plain_one(int size)
    {
        var path = Path.Combine(_root, "f.c");
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        var fileSystem = SourceFileSystem.Physical;
        var length = fileSystem.GetFileLength(path);

        using var pooled = fileSystem.ReadFile(path, length);

        Assert.Equal(fileSystem.ReadAllBytes(path, length), pooled.Span.ToArray());
        Assert.Equal(bytes, pooled.Span.ToArray());
    }

    [Fact]
    public void A_file_that_grew_after_it_was_measured_is_read_whole()
    {
        var path = Path.Combine(_root, "grown.c");
        File.WriteAllText(path, "int a;\n");
        var fileSystem = SourceFileSystem.Physical;
        var length = fileSystem.GetFileLength(path);
        var grown = string.Concat(Enumerable.Repeat("int grown_variable_name;\n", 1000));
        File.WriteAllText(path, grown);

        using var pooled = fileSystem.ReadFile(path, length);

        Assert.Equal(grown, System.Text.Encoding.ASCII.GetString(pooled.Span));
    }

    [Fact]
    public void The_index_of_a_directory_is_the_index_of_the_same_files_given_as_bytes()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Combine("tests", "fixtures"), "*", SearchOption.AllDirectories)
            .Where(f => SourceDirectoryScanner.IsSourceFileName(f))
            .Take(40)
            .ToList();
        for (var i = 0; i < files.Count; i++)
        {
            File.Copy(files[i], Path.Combine(_root, $"f{i:D2}" + Path.GetExtension(files[i])));
        }

        var fromDisk = CSourceIndex.Build(_root);
        var fromBytes = CSourceIndex.Build(Directory.EnumerateFiles(_root).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f))));

        Assert.NotEmpty(fromDisk.Files);
        Assert.Equal(string.Join(" ", fromBytes.Files), string.Join(" ", fromDisk.Files));
        Assert.Equal(fromBytes.Modules.ToArray(), fromDisk.Modules.ToArray());
        Assert.Equal(fromBytes.SourceFiles.Select(f => f.Text.Text), fromDisk.SourceFiles.Select(f => f.Text.Text));
        Assert.Equal(fromBytes.SourceFiles.Select(f => f.Tokens.ToArray()), fromDisk.SourceFiles.Select(f => f.Tokens.ToArray()));
    }
}
