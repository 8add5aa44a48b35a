using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Model;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// The worlds of one evaluation share what they compute alike from equal values
/// (<see cref="ValueMemo"/>): each world must be what it is when it computes everything itself, down
/// to where each part of each value was written, and worlds that end with the same lists must hold
/// the same instances.
/// </summary>
public sealed class ValueMemoTests
{
    // Worlds that assign the same module variables after they part, then call auto/module twice.
    private static readonly string TwoAutoModuleCalls = Features(3) + """
    ngx_addon_name=ngx_x_module
    ngx_module_type=HTTP_FILTER
    ngx_module_name="ngx_x_module   ngx_x_filter_module"
    ngx_module_srcs="$ngx_addon_dir/x.c
                     $ngx_addon_dir/y.c"
    ngx_module_incs="$ngx_addon_dir/include"
    ngx_module_deps="$ngx_addon_dir/x.h"
    ngx_module_libs="-lm LIBXSLT $ngx_feature_libs"
    . auto/module
    ngx_module_type=CORE
    ngx_module_name=ngx_x_core_module
    ngx_module_srcs="$ngx_addon_dir/x.c $ngx_addon_dir/core.c"
    ngx_module_libs=
    . auto/module
    """;

    // Lists of 40 sources and headers, one line each: far more parts than a join is kept for.
    private static readonly string LongLists =
        "ngx_addon_name=ngx_x_module\nMY_SRCS=\"" + string.Concat(Enumerable.Range(0, 40).Select(i => $"$ngx_addon_dir/src/s{i}.c\n")) + "\"\n"
        + "MY_DEPS=\"" + string.Concat(Enumerable.Range(0, 40).Select(i => $"$ngx_addon_dir/src/s{i}.h\n")) + "\"\n";

    public static TheoryData<string> Configs =>
    [
        TwoAutoModuleCalls,

        // The same text written on different lines in different worlds: equal strings, not equal values.
        Features(1) + """
        ngx_module_type=HTTP
        ngx_module_name=ngx_y_module
        if [ $ngx_found = yes ]; then
            ngx_module_srcs="$ngx_addon_dir/y.c"
        else
            ngx_module_srcs="$ngx_addon_dir/y.c"
        fi
        . auto/module
        """,

        // Long lists joined after the worlds part: the same lists in most worlds, a longer one in some,
        // an unknown part in others, and short joins that are made again each time.
        LongLists + Features(3) + """
        if [ $ngx_found = yes ]; then MY_SRCS="$MY_SRCS $ngx_addon_dir/extra.c"; fi
        if [ -n "$MORE_SRCS" ]; then MY_SRCS="$MY_SRCS $MORE_SRCS"; fi
        NGX_ADDON_SRCS="$NGX_ADDON_SRCS $MY_SRCS"
        NGX_ADDON_DEPS="$NGX_ADDON_DEPS $MY_DEPS"
        HTTP_MODULES="$HTTP_MODULES ngx_x_module"
        short="$ngx_addon_name $ngx_found"
        """,

        // Worlds whose values differ by an unknown part, and a list appended to before and after they part.
        """
        NGX_ADDON_DEPS="$NGX_ADDON_DEPS $ngx_addon_dir/a.h"
        ngx_module_type=STREAM
        ngx_module_name=ngx_stream_z_module
        if [ -n "$Z_INC" ]; then ngx_module_incs="$Z_INC"; else ngx_module_incs=`z-config --incs`; fi
        ngx_module_srcs="$ngx_addon_dir/z.c"
        . auto/module
        """,
    ];

    [Theory]
    [MemberData(nameof(Configs))]
    public void Worlds_that_share_values_are_the_worlds_that_compute_their_own(string config)
    {
        using var module = new TempModule(config);
        foreach (var link in Enum.GetValues<LinkMode>())
        {
            AssertSameWorlds(module.Path, link, SyntaxTree.ParseText(config, Path.Combine(module.Path, "config")));
        }
    }

    [Fact]
    public void Every_fixture_module_gives_the_same_worlds()
    {
        foreach (var (directory, link, tree) in FixtureConfigs.InEveryLinkMode())
        {
            AssertSameWorlds(directory, link, tree);
        }
    }

    [Fact]
    public void Worlds_that_join_the_same_long_lists_hold_the_same_joined_list()
    {
        var config = LongLists + Features(3) + "NGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $MY_SRCS\"\n";
        using var module = new TempModule(config);
        var worlds = Evaluator.RunAllWorlds(Settings(module.Path, LinkMode.Legacy), SyntaxTree.ParseText(config, Path.Combine(module.Path, "config")));
        Assert.Equal(8, worlds.Length);
        var lists = worlds.Select(w => w.State.Variables[ConfigureLists.AddonSources]).ToArray();
        Assert.All(lists, l => Assert.Same(lists[0], l));
        Assert.Equal(40, lists[0].SplitWords().Length);
    }

    [Fact]
    public void Worlds_that_append_the_same_values_hold_the_same_lists()
    {
        var config = TwoAutoModuleCalls;
        using var module = new TempModule(config);
        foreach (var (link, list) in new[] { (LinkMode.Addon, ConfigureLists.AddonSources), (LinkMode.Dynamic, ConfigureLists.DynamicModulesSources) })
        {
            var worlds = Evaluator.RunAllWorlds(Settings(module.Path, link), SyntaxTree.ParseText(config, Path.Combine(module.Path, "config")));
            Assert.Equal(8, worlds.Length);
            var lists = worlds.Select(w => w.State.Variables[list]).ToArray();
            Assert.All(lists, l => Assert.Same(lists[0], l));
            Assert.Equal(["$ngx_addon_dir/x.c", "$ngx_addon_dir/y.c", "$ngx_addon_dir/core.c"], lists[0].SplitWords().Select(w => ModuleOutcome.DisplayPath(w.ToString(), module.Path)).TakeLast(3));
        }
    }

    private static void AssertSameWorlds(string directory, LinkMode link, SyntaxTree config)
    {
        var settings = Settings(directory, link);
        var own = Evaluator.RunAllWorlds(settings with { ShareValuesAcrossWorlds = false }, config);
        var shared = Evaluator.RunAllWorlds(settings, config);
        Assert.Equal(own.Select(WorldSnapshotTests.Render), shared.Select(WorldSnapshotTests.Render));
    }

    private static EvaluationSettings Settings(string directory, LinkMode link)
        => EvaluationSettings.Against(ReferenceBuild.Default, directory, link);

    private static string Features(int count) => FeatureTests.Config(count, withLibraries: true);
}
