using ConfigConvert.Analyzers.Driver;

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
