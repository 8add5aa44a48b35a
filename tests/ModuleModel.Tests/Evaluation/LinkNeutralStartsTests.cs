using System.Text;
using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Model;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// A world that starts where another link mode's world with the same choices left off
/// (<see cref="LinkNeutralStarts"/>) must be the world its own link mode gives when run alone: the
/// same worlds in the same order, with the same choices, facts, variables and end, whichever link
/// mode is evaluated first.
/// </summary>
public sealed class LinkNeutralStartsTests
{
    public static TheoryData<string> Configs
    {
        get
        {
            var configs = new TheoryData<string>();
            foreach (var config in WorldSnapshotTests.Configs)
            {
                configs.Add(config);
            }

            // Every way a config meets what configure sets per link mode, after choices and before more of them.
            foreach (var touch in Touches)
            {
                configs.Add(Features(3) + touch + "\n" + Features(2) + NewStyleEnd);
            }

            // Writes to those variables before the choices, and the same in a subshell, whose change is lost.
            configs.Add("ngx_module_type=HTTP\nngx_module_name=ngx_x_module\n" + Features(4) + NewStyleEnd);
            configs.Add("( ngx_module_name=lost )\n" + Features(4) + "echo \"[$ngx_module_name]\"\n" + NewStyleEnd);

            // A variable the config empties, then appends to between choices (the assigned value is
            // every link mode's), then unsets or exports.
            configs.Add("ngx_module_libs=\n" + Features(2) + "ngx_module_libs=\"$ngx_module_libs -lx\"\n" + Features(2) + "x=$ngx_module_libs\n" + NewStyleEnd);
            configs.Add("export ngx_module_incs=/opt/x\n" + Features(2) + "x=$ngx_module_incs\nunset ngx_module_incs\n" + Features(2) + "y=${ngx_module_incs-unset}\n" + NewStyleEnd);
            configs.Add("ngx_module_order=x\n" + Features(2) + "unset ngx_module_order\n" + Features(2) + NewStyleEnd);

            // Worlds that never touch the link: the later link modes start at the last statement that might have.
            configs.Add(Features(4) + "x=1\ny=$x\nHTTP_MODULES=\"$HTTP_MODULES ngx_x_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/x.c\"\n");
            return configs;
        }
    }

    /// <summary>Statements that read or write a link-dependent variable, or ask whether auto/module exists.</summary>
    private static readonly string[] Touches =
    [
        "x=$ngx_module_link",
        "x=${ngx_module_type}",
        "x=\"in $ngx_module_srcs quotes\"",
        "x=1 y=${#ngx_module_name} z=2",
        "x=${ngx_module_link+set}",
        "x=${ngx_module_srcs:-none}",
        "x=`echo \"$ngx_module_libs\"`",
        "x=$((ngx_module_order + 1))",
        "eval 'x=$ngx_module_type'",
        "f() { local ngx_module_name; ngx_module_name=inner; }; f",
        "export ngx_module_incs",
        "readonly ngx_module_deps",
        "unset ngx_module_libs",
        "ngx_module_type=HTTP true",
        "for ngx_module_name in a b; do :; done",
        "if test -f auto/module; then x=new; else x=old; fi",
        "[ -e ./auto/module ] && x=new",
        "case \"$ngx_module_link\" in DYNAMIC) x=d ;; ADDON) x=a ;; *) x=none ;; esac",
    ];

    private const string NewStyleEnd = """
        ngx_addon_name=ngx_x_module
        if test -n "$ngx_module_link"; then
            ngx_module_type=HTTP
            ngx_module_name=ngx_x_module
            ngx_module_srcs="$ngx_addon_dir/x.c"
            . auto/module
        else
            HTTP_MODULES="$HTTP_MODULES ngx_x_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/x.c"
        fi
        """;

    private static readonly LinkMode[][] Orders =
    [
        [LinkMode.Addon, LinkMode.Dynamic, LinkMode.Legacy],
        [LinkMode.Addon, LinkMode.Legacy, LinkMode.Dynamic],
        [LinkMode.Dynamic, LinkMode.Addon, LinkMode.Legacy],
        [LinkMode.Dynamic, LinkMode.Legacy, LinkMode.Addon],
        [LinkMode.Legacy, LinkMode.Addon, LinkMode.Dynamic],
        [LinkMode.Legacy, LinkMode.Dynamic, LinkMode.Addon],
    ];

    [Theory]
    [MemberData(nameof(Configs))]
    public void Worlds_that_start_where_another_link_mode_left_off_are_the_worlds_of_their_own_link_mode(string config)
    {
        using var module = new TempModule(config);
        var tree = SyntaxTree.ParseText(config, Path.Combine(module.Path, "config"));
        foreach (var order in Orders)
        {
            AssertSameWorlds(module.Path, tree, order, maxSteps: 200_000);
        }
    }

    [Fact]
    public void A_small_budget_of_steps_ends_the_same_worlds_at_the_same_place()
    {
        var config = Features(6) + "i=0\nwhile [ -n \"$MORE\" ]; do i=$i.; done\n" + NewStyleEnd;
        using var module = new TempModule(config);
        var tree = SyntaxTree.ParseText(config, Path.Combine(module.Path, "config"));
        foreach (var maxSteps in new[] { 40, 90, 150, 400, 2_000 })
        {
            foreach (var order in Orders)
            {
                AssertSameWorlds(module.Path, tree, order, maxSteps);
            }
        }
    }

    [Fact]
    public void Every_fixture_module_gives_the_same_worlds()
    {
        foreach (var (directory, link, tree) in FixtureConfigs.InEveryLinkMode().Where(c => c.Link == LinkMode.Addon))
        {
            AssertSameWorlds(directory, tree, Orders[0], maxSteps: 200_000);
            AssertSameWorlds(directory, tree, Orders[^1], maxSteps: 200_000);
        }
    }

    [Fact]
    public void The_later_link_modes_start_their_worlds_where_the_first_left_off()
        // 32 worlds per link mode; the second and third link modes start every one of them at the `if` on the link.
        => Assert.Equal(64, StartsGiven(Features(5) + NewStyleEnd));

    [Fact]
    public void A_world_that_touches_the_link_first_leaves_no_start()
        => Assert.Equal(0, StartsGiven("x=$ngx_module_link\n" + Features(3) + NewStyleEnd));

    /// <summary>How many worlds of the later link modes started where a world of an earlier one left off.</summary>
    private static int StartsGiven(string config)
    {
        using var module = new TempModule(config);
        var tree = SyntaxTree.ParseText(config, Path.Combine(module.Path, "config"));
        var starts = new LinkNeutralStarts();
        foreach (var link in Orders[0])
        {
            _ = Evaluator.RunAllWorlds(Settings(module.Path, link, 200_000) with { LinkNeutralStarts = starts }, tree);
        }

        return starts.StartsGiven;
    }

    private static string Features(int count) => FeatureTests.Config(count, withLibraries: true);

    private static EvaluationSettings Settings(string directory, LinkMode link, int maxSteps)
        => EvaluationSettings.Against(ReferenceBuild.Default, directory, link, maxSteps);

    private static void AssertSameWorlds(string directory, SyntaxTree config, LinkMode[] order, int maxSteps)
    {
        var starts = new LinkNeutralStarts();
        foreach (var link in order)
        {
            var alone = Evaluator.RunAllWorlds(Settings(directory, link, maxSteps), config);
            var shared = Evaluator.RunAllWorlds(Settings(directory, link, maxSteps) with { LinkNeutralStarts = starts }, config);
            Assert.Equal(alone.Select(Render), shared.Select(Render));
        }
    }

    /// <summary>What <see cref="WorldSnapshotTests.Render"/> shows, with the variables' attributes and the files written.</summary>
    private static string Render(WorldResult world)
    {
        var text = new StringBuilder(WorldSnapshotTests.Render(world));
        text.Append("unset ").AppendJoin(' ', world.State.UnsetByScript.Order(StringComparer.Ordinal)).AppendLine();
        text.Append("readonly ").AppendJoin(' ', world.State.ReadOnly.Order(StringComparer.Ordinal)).AppendLine();
        text.Append("written ").AppendJoin(' ', world.Record.Redirections.Select(r => r.Path)).AppendLine();
        return text.ToString();
    }
}
