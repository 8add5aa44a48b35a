using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Verification.Tests;

/// <summary>
/// The directory verify copies for a module (<see cref="ModuleFootprint"/>): the module's own, or the nearest one above
/// it that holds every file its config names beside it.
/// </summary>
public sealed class ModuleFootprintTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-footprint-").FullName;
    private readonly string _work = Directory.CreateTempSubdirectory("cc-footprint-work-").FullName;

    public void Dispose()
    {
        Directory.Delete(_root, recursive: true);
        Directory.Delete(_work, recursive: true);
    }

    [Fact]
    public void A_module_that_names_only_its_own_files_is_copied_alone()
    {
        var module = Module("project/nginx", "NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/a.c\"\nCORE_INCS=\"$CORE_INCS $ngx_addon_dir/include /usr/include/chime\"\nCORE_LIBS=\"$CORE_LIBS -lchime\"\n");
        Assert.Equal(module, CopyRoot(module, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/a.c $ngx_addon_dir/../src/engine.c\"\n")]
    [InlineData("CORE_INCS=\"$CORE_INCS $ngx_addon_dir/../src\"\n")]
    [InlineData("NGX_ADDON_DEPS=\"$NGX_ADDON_DEPS $ngx_addon_dir/../src/engine.h\"\n")]
    [InlineData("CORE_LIBS=\"$CORE_LIBS $ngx_addon_dir/../build/libengine.a\"\n")]
    [InlineData("CORE_LIBS=\"$CORE_LIBS -L$ngx_addon_dir/../build -lengine\"\n")]
    [InlineData(". $ngx_addon_dir/../shared/config\n")]
    public void A_module_that_names_files_beside_it_is_copied_with_the_directory_that_holds_them(string lines)
    {
        Directory.CreateDirectory(Path.Combine(_root, "project", "shared"));
        File.WriteAllText(Path.Combine(_root, "project", "shared", "config"), "CHIME_SHARED=yes\n");
        var module = Module("project/nginx", lines);
        Assert.Equal(Path.Combine(_root, "project"), CopyRoot(module, out var problem));
        Assert.Null(problem);
    }

    /// <summary>
    /// A module reached through a link has the files its config names beside the link's target, as the shell finds
    /// `$ngx_addon_dir/..`: the copy takes the target's parent, never the link's (whose copy would hold the link).
    /// </summary>
    [Fact]
    public void A_module_reached_through_a_link_is_copied_from_where_it_lies()
    {
        var module = Module("project/nginx", "CORE_INCS=\"$CORE_INCS $ngx_addon_dir/../src\"\n");
        Directory.CreateDirectory(Path.Combine(_root, "mods"));
        var link = Path.Combine(_root, "mods", "njs");
        File.CreateSymbolicLink(link, module);

        Assert.Equal(Path.Combine(_root, "project"), CopyRoot(link, out var problem));
        Assert.Null(problem);
    }

    [Fact]
    public void A_path_that_climbs_to_the_root_of_the_file_system_is_left_out()
    {
        var climb = string.Concat(Enumerable.Repeat("../", 40));
        var module = Module("project/nginx", $"CORE_INCS=\"$CORE_INCS $ngx_addon_dir/{climb}usr/include/chime $ngx_addon_dir/../src\"\n");
        Assert.Equal(Path.Combine(_root, "project"), CopyRoot(module, out _));
    }

    [Fact]
    public void A_directory_that_holds_the_work_directory_is_a_problem()
    {
        var module = Module("project/nginx", "CORE_INCS=\"$CORE_INCS $ngx_addon_dir/../src\"\n");
        var work = Directory.CreateDirectory(Path.Combine(_root, "project", "work")).FullName;
        Assert.Null(ModuleFootprint.CopyRoot(ModuleDirectory.Load(module), ReferenceBuild.Default, work, out var problem));
        Assert.Equal($"{module}: its config names {_root}/project/src, outside the module, so the copy must hold {_root}/project, which holds the work directory {work} (give --keep a directory outside it)", problem);
    }

    [Fact]
    public void A_directory_too_large_to_copy_is_a_problem()
    {
        var module = Module("project/nginx", "CORE_INCS=\"$CORE_INCS $ngx_addon_dir/../src\"\n");
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllText(Path.Combine(_root, "project", $"file{i}.txt"), "x");
        }

        Assert.Null(ModuleFootprint.CopyRoot(ModuleDirectory.Load(module), ReferenceBuild.Default, _work, maxFiles: 3, out var problem));
        Assert.EndsWith($"so the copy must hold {_root}/project, which has more than 3 files or 1024 MiB", problem, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_root, "project"), ModuleFootprint.CopyRoot(ModuleDirectory.Load(module), ReferenceBuild.Default, _work, maxFiles: 10, out _));
    }

    private string? CopyRoot(string module, out string? problem)
        => ModuleFootprint.CopyRoot(ModuleDirectory.Load(module), ReferenceBuild.Default, _work, out problem);

    private string Module(string relative, string lines)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_root, relative)).FullName;
        File.WriteAllText(Path.Combine(directory, "config"), "ngx_addon_name=ngx_http_chime_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_chime_module\"\n" + lines);
        return directory;
    }
}
