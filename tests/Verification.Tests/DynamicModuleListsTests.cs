using ConfigConvert.Verification.Nginx;

namespace ConfigConvert.Verification.Tests;

/// <summary>
/// Where a dynamic build puts modules, read from files shaped as nginx 1.22.1's configure writes them
/// (<c>objs/ngx_modules.c</c>, <c>objs/NAME_modules.c</c>), and compared with the original static build and
/// with nginx configured alone.
/// </summary>
public sealed class DynamicModuleListsTests : IDisposable
{
    private static readonly string[] NginxAlone = ["ngx_core_module", "ngx_events_module", "ngx_http_module", "ngx_http_write_filter_module"];

    private readonly string _objs = Directory.CreateTempSubdirectory("cc-objs-").FullName;

    public void Dispose() => Directory.Delete(_objs, recursive: true);

    [Fact]
    public void The_lists_are_nginx_s_modules_file_and_one_file_per_shared_object_in_load_order()
    {
        Write("ngx_modules.c", NginxAlone);
        Write("ngx_http_knot_module_modules.c", ["ngx_http_knot_module"]);
        Write("ngx_http_knotted_module_modules.c", ["ngx_http_knotted_module", "ngx_http_knotted_filter_module"]);

        var lists = DynamicModuleLists.Read(_objs, ["ngx_http_knot_module.so", "ngx_http_knotted_module.so"]);

        Assert.Equal(NginxAlone, lists.Nginx.ToArray());
        Assert.Equal(["ngx_http_knot_module.so", "ngx_http_knotted_module.so"], lists.SharedObjects.Select(s => s.SharedObject));
        Assert.Equal(["ngx_http_knotted_module", "ngx_http_knotted_filter_module"], lists.SharedObjects[1].Modules.ToArray());
    }

    [Fact]
    public void Every_module_the_original_adds_in_a_shared_object_and_nginx_alone_s_list_is_no_difference()
    {
        var lists = Lists(NginxAlone, ["ngx_http_tally_module", "ngx_tally_event_module"]);
        Assert.Empty(lists.Compare(Original("ngx_tally_event_module", "ngx_http_tally_module"), NginxAlone));
    }

    [Fact]
    public void A_module_the_dynamic_build_links_into_nginx_is_left_in_nginx()
    {
        var lists = Lists([.. NginxAlone, "ngx_tally_event_module"], ["ngx_http_tally_module"]);
        var difference = Assert.Single(lists.Compare(Original("ngx_tally_event_module", "ngx_http_tally_module"), NginxAlone));
        Assert.Equal(new PlacementDifference(PlacementProblem.LeftInNginx, "ngx_tally_event_module"), difference);
    }

    [Fact]
    public void A_module_of_the_original_that_is_nowhere_in_the_dynamic_build_is_not_built()
    {
        var lists = Lists(NginxAlone, ["ngx_http_tally_module"]);
        var difference = Assert.Single(lists.Compare(Original("ngx_tally_event_module", "ngx_http_tally_module"), NginxAlone));
        Assert.Equal(new PlacementDifference(PlacementProblem.NotBuilt, "ngx_tally_event_module"), difference);
    }

    [Fact]
    public void A_shared_object_module_the_original_does_not_add_and_an_nginx_module_taken_out_are_differences()
    {
        var lists = Lists(NginxAlone.Where(m => m != "ngx_http_write_filter_module"), ["ngx_http_tally_module", "ngx_http_extra_module"]);
        Assert.Equal(
            [new PlacementDifference(PlacementProblem.NotInOriginal, "ngx_http_extra_module"), new PlacementDifference(PlacementProblem.RemovedFromNginx, "ngx_http_write_filter_module")],
            lists.Compare(Original("ngx_http_tally_module"), NginxAlone).ToArray());
    }

    // The original static build: nginx's modules with the module's after ngx_http_module, as configure places HTTP modules.
    private static string[] Original(params string[] added) => [.. NginxAlone.Take(3), .. added, NginxAlone[3]];

    private static DynamicModuleLists Lists(IEnumerable<string> nginx, string[] sharedObject)
        => new([.. nginx], [new SharedObjectModules("ngx_http_tally_module.so", [.. sharedObject])]);

    private void Write(string name, IEnumerable<string> modules)
    {
        var text = "#include <ngx_config.h>\n#include <ngx_core.h>\n\n"
            + string.Concat(modules.Select(m => $"extern ngx_module_t  {m};\n"))
            + "\nngx_module_t *ngx_modules[] = {\n" + string.Concat(modules.Select(m => $"    &{m},\n")) + "    NULL\n};\n\n"
            + "char *ngx_module_names[] = {\n" + string.Concat(modules.Select(m => $"    \"{m}\",\n")) + "    NULL\n};\n";
        File.WriteAllText(Path.Combine(_objs, name), text);
    }
}
