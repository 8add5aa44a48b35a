using ConfigConvert.IO;

namespace ConfigConvert.Core.Tests;

/// <summary>
/// <see cref="SymbolicLink.TargetOf"/> says what <see cref="FileSystemInfo.LinkTarget"/> says, for every kind of entry a
/// module directory holds, whether the entry came from a listing (its attributes already read) or was made from a path.
/// </summary>
public sealed class SymbolicLinkTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-links-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_kind_of_entry_gives_what_its_link_target_gives()
    {
        File.WriteAllText(Path.Combine(_root, "file.c"), "int x;\n");
        Directory.CreateDirectory(Path.Combine(_root, "dir"));
        File.CreateSymbolicLink(Path.Combine(_root, "to-file"), "file.c");
        File.CreateSymbolicLink(Path.Combine(_root, "to-dir"), "dir");
        File.CreateSymbolicLink(Path.Combine(_root, "dangling"), "nowhere");
        File.CreateSymbolicLink(Path.Combine(_root, "loop-a"), "loop-b");
        File.CreateSymbolicLink(Path.Combine(_root, "loop-b"), "loop-a");
        File.CreateSymbolicLink(Path.Combine(_root, "to-zero"), "/dev/zero");

        var listed = new DirectoryInfo(_root).EnumerateFileSystemInfos().ToList();
        Assert.Equal(8, listed.Count);
        foreach (var info in listed)
        {
            Assert.Equal(info.LinkTarget, SymbolicLink.TargetOf(info));
            var fresh = info is DirectoryInfo ? (FileSystemInfo)new DirectoryInfo(info.FullName) : new FileInfo(info.FullName);
            Assert.Equal(new FileInfo(info.FullName).LinkTarget, SymbolicLink.TargetOf(fresh));
        }

        Assert.Equal("file.c", SymbolicLink.TargetOf(new FileInfo(Path.Combine(_root, "to-file"))));
        Assert.Null(SymbolicLink.TargetOf(new FileInfo(Path.Combine(_root, "file.c"))));
        Assert.Null(SymbolicLink.TargetOf(new FileInfo(Path.Combine(_root, "missing"))));
    }

    [Fact]
    public void A_path_that_cannot_be_looked_up_gives_no_link_and_stays_a_missing_file()
    {
        File.CreateSymbolicLink(Path.Combine(_root, "loop-a"), "loop-b");
        File.CreateSymbolicLink(Path.Combine(_root, "loop-b"), "loop-a");
        string[] paths = [Path.Combine(_root, "loop-a", "x"), Path.Combine(_root, new string('n', 300)), Path.Combine(_root, "missing", "x")];
        foreach (var path in paths)
        {
            var info = new FileInfo(path);
            Assert.Null(info.LinkTarget);
            Assert.Null(SymbolicLink.TargetOf(info));
            Assert.False(info.Exists);
            Assert.Throws<FileNotFoundException>(() => BoundedFile.SizeOf(path));
        }
    }
}
