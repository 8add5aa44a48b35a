using ConfigConvert.TestSupport;

namespace ConfigConvert.CSources.Tests;

/// <summary>The index reads a directory's files as it reads the same bytes given to it.</summary>
public sealed class SourceFileSystemTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "cc-sourcefs-" + Guid.NewGuid().ToString("N"));

    public SourceFileSystemTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_index_of_a_directory_is_the_index_of_the_same_files_given_as_bytes()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Combine("tests", "fixtures"), "*", SearchOption.AllDirectories)
            .Where(f => SourceFileNames.IsIndexed(f))
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
