using ConfigConvert.IO;

namespace ConfigConvert.Cli.Tests;

public sealed class AtomicFileTests
{
    [Fact]
    public void Replaces_contents_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", "old\n");
        AtomicFile.Replace(path, "new\n"u8.ToArray());
        Assert.Equal("new\n", File.ReadAllText(path));
        Assert.Equal(["config"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_failed_replacement_keeps_the_original_and_cleans_up()
    {
        using var dir = new TempDirectory();
        var target = Path.Combine(dir.Path, "config");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "inside"), "kept");

        // Renaming a file over a directory fails: the directory and what it holds must survive.
        Assert.ThrowsAny<IOException>(() => AtomicFile.Replace(target, "new\n"u8.ToArray()));
        Assert.Equal("kept", File.ReadAllText(Path.Combine(target, "inside")));
        Assert.Equal(["config"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void A_file_its_owner_may_not_write_is_left_alone_even_for_root()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("config", "old\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        Assert.Throws<UnauthorizedAccessException>(() => AtomicFile.Replace(path, "new\n"u8.ToArray()));
        Assert.Equal("old\n", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }
}
