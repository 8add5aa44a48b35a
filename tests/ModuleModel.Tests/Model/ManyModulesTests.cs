using ConfigConvert.ModuleModel.Nginx;
using System.Text;

namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>
/// Configs that register thousands of modules: auto/module appends to configure's lists and looks up
/// each source among the earlier ones, and the description places each new word in its list. Each
/// was once a walk of the whole list per word; these are the results they must still give.
/// </summary>
public sealed class ManyModulesTests
{
    private const int Count = 3_000;

    // Each call's module shares common.c, which only the first call's module builds.
    private static readonly string ManyModules = "ngx_addon_name=ngx_http_many\nngx_module_type=HTTP\n"
        + "add_module() {\n    ngx_module_name=$1\n    ngx_module_srcs=\"$ngx_addon_dir/$1.c $ngx_addon_dir/common.c\"\n    . auto/module\n}\n"
        + string.Concat(Enumerable.Range(0, Count).Select(i => $"add_module ngx_http_m{i}_module\n"));

    private static IEnumerable<string> Names => Enumerable.Range(0, Count).Select(i => $"ngx_http_m{i}_module");

    [Fact]
    public void A_static_build_registers_every_module_in_order_and_a_shared_source_once()
    {
        using var temp = new TempModule(ManyModules);
        var outcome = Assert.Single(ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon).Outcomes);

        Assert.Equal(Names, outcome.Modules.Select(m => m.Name));
        Assert.All(outcome.Modules, m => Assert.Equal((ModuleType.Http, ModulePosition.Append), (m.Type, m.Position)));
        Assert.Equal(Count, outcome.AutoModuleCalls.Length);
        var sources = outcome.Sources.Select(s => Path.GetFileName(s.Value)).ToArray();
        Assert.Equal(Names.Take(1).Select(n => n + ".c").Append("common.c").Concat(Names.Skip(1).Select(n => n + ".c")), sources);
    }

    [Fact]
    public void A_dynamic_build_makes_one_shared_object_per_module_and_shares_the_common_source()
    {
        using var temp = new TempModule(ManyModules);
        var outcome = Assert.Single(ModuleDirectory.Load(temp.Path).Describe(LinkMode.Dynamic).Outcomes);

        Assert.Equal(Names, outcome.SharedObjects.Select(o => o.Name));
        Assert.All(outcome.SharedObjects, o => Assert.Equal(new[] { o.Name }, o.Modules.ToArray()));
        Assert.Equal(new[] { "common.c" }, outcome.SharedObjects[0].Sources.Skip(1).Select(Path.GetFileName).ToArray());
        Assert.Empty(outcome.SharedObjects[0].SharedSources);
        Assert.All(outcome.SharedObjects.Skip(1), o => Assert.Equal(new[] { "common.c" }, o.SharedSources.Select(Path.GetFileName).ToArray()));
    }

    [Fact]
    public void Thousands_of_words_put_between_old_ones_are_each_placed_by_their_neighbours()
    {
        // old0 n0 n1 ... old1 n... old2: new words before an old one go before it, except the one
        // right before it, which is placed before it; the others after the old word before them.
        var initial = ShellValue.Text("old0 old1 old2");
        var final = new StringBuilder("p0 p1 old0");
        for (var i = 0; i < Count; i++)
        {
            final.Append(" n").Append(i);
        }

        final.Append(" old1 old2 a0 a1");
        var added = ListChanges.Added(initial, ShellValue.Text(final.ToString()));

        Assert.Equal(Count + 4, added.Length);
        Assert.Equal(new[] { ModulePosition.Prepend, ModulePosition.Prepend }, added.Take(2).Select(a => a.Position).ToArray());
        Assert.All(added.Skip(2).Take(Count - 1), a => Assert.Equal(ModulePosition.After("old0"), a.Position));
        Assert.Equal(ModulePosition.Before("old1"), added[Count + 1].Position);
        Assert.Equal(new[] { ModulePosition.Append, ModulePosition.Append }, added.TakeLast(2).Select(a => a.Position).ToArray());
    }
}
