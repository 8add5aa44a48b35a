using System.Runtime.Versioning;

namespace ConfigConvert.Verification.Tests;

// verify runs where nginx builds: Unix file modes are part of what a copy must keep.
[UnsupportedOSPlatform("windows")]
public sealed class FileSystemTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-verify-fs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_copy_keeps_permissions_and_symbolic_links_and_leaves_out_excluded_top_level_entries()
    {
        var from = Path.Combine(_root, "from");
        Directory.CreateDirectory(Path.Combine(from, "src", "objs"));
        Directory.CreateDirectory(Path.Combine(from, "objs"));
        File.WriteAllText(Path.Combine(from, "build.sh"), "#!/bin/sh\n");
        File.SetUnixFileMode(Path.Combine(from, "build.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(from, "src", "objs", "kept.c"), "int x;\n");
        File.CreateSymbolicLink(Path.Combine(from, "link.c"), "src/objs/kept.c");

        var to = Path.Combine(_root, "to");
        DirectoryCopy.Copy(from, to, new HashSet<string> { "objs" });

        Assert.False(Directory.Exists(Path.Combine(to, "objs")));
        Assert.Equal("int x;\n", File.ReadAllText(Path.Combine(to, "src", "objs", "kept.c")));
        Assert.True(File.GetUnixFileMode(Path.Combine(to, "build.sh")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal("src/objs/kept.c", new FileInfo(Path.Combine(to, "link.c")).LinkTarget);
    }

    [Fact]
    public void A_kept_directory_must_be_absent_or_empty()
    {
        var used = Path.Combine(_root, "used");
        Directory.CreateDirectory(used);
        File.WriteAllText(Path.Combine(used, "precious"), "mine");

        Assert.Null(WorkArea.Create(used, out var problem));
        Assert.Equal($"{used}: the directory to keep must be absent or empty", problem);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(used, "precious")));

        using var fresh = WorkArea.Create(Path.Combine(_root, "fresh"), out problem);
        Assert.NotNull(fresh);
        Assert.Null(problem);
        Assert.True(fresh.Keep);
        Assert.Equal(Path.Combine(_root, "fresh", "logs"), fresh.LogDirectory);
    }

    [Fact]
    public void A_temporary_work_area_is_removed_and_a_kept_one_is_not()
    {
        string temporary;
        using (var work = WorkArea.Create(null, out _)!)
        {
            temporary = work.Root;
            File.WriteAllText(Path.Combine(work.Directory("module"), "config"), "x");
            Assert.Null(work.LogDirectory);
        }

        Assert.False(Directory.Exists(temporary));
        var kept = Path.Combine(_root, "kept");
        using (var work = WorkArea.Create(kept, out _)!)
        {
            work.Directory("load");
        }

        Assert.True(Directory.Exists(Path.Combine(kept, "load")));
    }
}
