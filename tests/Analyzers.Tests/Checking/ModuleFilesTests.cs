using ConfigConvert.Analyzers.Driver;
using ConfigConvert.CSources;

namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>The listing of a module's files that the rules read: all of them, or only those some rule wants by name.</summary>
public sealed class ModuleFilesTests
{
    [Fact]
    public void Lists_every_file_below_the_module_in_order_of_its_path()
    {
        using var tree = Module();

        var files = ModuleFiles.List(tree.PathOf("m"), []);

        Assert.Equal(["a.c", "config", "docs/readme.md", "sub/deep/b.patch", "t/x.t"], files.Select(f => f.RelativePath));
    }

    [Fact]
    public void Lists_only_the_files_wanted_by_name_and_still_walks_every_directory()
    {
        using var tree = Module();
        var asked = new List<string>();

        var files = ModuleFiles.List(tree.PathOf("m"), [], name =>
        {
            asked.Add(name);
            return name.EndsWith(".c", StringComparison.Ordinal) || name.EndsWith(".patch", StringComparison.Ordinal);
        });

        Assert.Equal(["a.c", "sub/deep/b.patch"], files.Select(f => f.RelativePath));
        Assert.Equal([3, 9], files.Select(f => f.Length));

        // Asked about files only, by name; a dangling link among them is left out whether wanted or not.
        Assert.Equal(["a.c", "b.patch", "config", "dangling.c", "readme.md", "x.t"], asked.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Reads_what_the_c_index_scanned_from_its_scan_and_the_rest_from_the_disk()
    {
        using var tree = Module();
        var index = CSourceIndex.Build(tree.PathOf("m"));

        // Changed on disk after the scan: the listing that reads the scan sees the module as the index saw it.
        tree.Write("m/late.c", "int late;\n");
        File.AppendAllText(tree.PathOf("m/a.c"), "y;\n");
        var scanned = ModuleFiles.List(tree.PathOf("m"), [], listings: index.Listings);
        var now = ModuleFiles.List(tree.PathOf("m"), []);

        Assert.Equal(["a.c", "config", "docs/readme.md", "sub/deep/b.patch", "t/x.t"], scanned.Select(f => f.RelativePath));
        Assert.Equal(3, scanned[0].Length);
        Assert.Equal(["a.c", "config", "docs/readme.md", "late.c", "sub/deep/b.patch", "t/x.t"], now.Select(f => f.RelativePath));
        Assert.Equal(6, now[0].Length);
    }

    [Fact]
    public void Lists_the_same_files_whether_from_the_scan_or_from_the_disk()
    {
        using var tree = Module();
        tree.Write("m/objs/built.c", "x;\n");
        tree.Write("m/.git/HEAD", "ref\n");
        Directory.CreateSymbolicLink(tree.PathOf("m/linked"), "sub");
        Directory.CreateSymbolicLink(tree.PathOf("m/sub/deep/up"), "../..");
        Directory.CreateSymbolicLink(tree.PathOf("m/out"), tree.Root);
        File.CreateSymbolicLink(tree.PathOf("m/loop.c"), "loop.c");
        var index = CSourceIndex.Build(tree.PathOf("m"));

        var scanned = ModuleFiles.List(tree.PathOf("m"), [], listings: index.Listings);
        var now = ModuleFiles.List(tree.PathOf("m"), []);

        Assert.Equal(now.Select(f => (f.RelativePath, f.Length)), scanned.Select(f => (f.RelativePath, f.Length)));

        // Which of `sub` and `linked` is entered is the order the directory lists them in; the files are the same.
        Assert.Equal(["a.c", "b.patch", "config", "readme.md", "x.t"], scanned.Select(f => Path.GetFileName(f.RelativePath)).Order(StringComparer.Ordinal));
    }

    private static TempTree Module()
    {
        var tree = new TempTree();
        tree.Write("m/config", "ngx_addon_name=m\n");
        tree.Write("m/a.c", "x;\n");
        tree.Write("m/docs/readme.md", "# m\n");
        tree.Write("m/sub/deep/b.patch", "--- a\n+b\n");
        tree.Write("m/t/x.t", "test\n");
        File.CreateSymbolicLink(tree.PathOf("m/dangling.c"), "nowhere.c");
        return tree;
    }
}
