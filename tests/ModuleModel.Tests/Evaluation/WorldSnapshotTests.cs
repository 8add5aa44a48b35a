using System.Text;
using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Model;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// A world that starts where it parts from an earlier one (<see cref="WorldSnapshot"/>) must be the
/// world that running the config from the beginning gives: the same worlds in the same order, with
/// the same choices, facts, diagnostics, variables and end, the cap on worlds and the shared budget
/// of steps included.
/// </summary>
public sealed class WorldSnapshotTests
{
    public static TheoryData<string> Configs =>
    [
        // Feature tests at the top level, their results read by the next statement.
        Features(8) + "if [ $ngx_found = yes ]; then CORE_LIBS=\"$CORE_LIBS -lz\"; fi\n",

        // More undecidable conditions than the cap on worlds (64): which worlds run, and the diagnostic.
        Features(9),

        // Choices inside branches of ifs and { } groups, nested, and in their conditions.
        """
        if [ -n "$LUAJIT_INC" ]; then
            x=inc
            if [ -n "$LUAJIT_LIB" ]; then { y=lib; z=`some-tool --libs`; }; else y=none; fi
            if test -n "$z"; then w=1; elif [ -n "$UNKNOWN_TOO" ]; then w=2; else w=3; fi
        else
            { v=`pkg-config --cflags a`; if [ -n "$v" ]; then u=1; fi; }
        fi
        if [ -n "$MORE" ]; then t=1; fi
        ngx_addon_name=ngx_x_module
        HTTP_MODULES="$HTTP_MODULES ngx_x_module"
        NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/x_$x$y$w.c"
        """,

        // Choices in functions, loops, subshells, pipelines, case and background jobs.
        """
        f() { if [ -n "$1" ]; then echo "$1"; else echo none; fi; }
        for p in a b c; do if [ -n "`tool-$p`" ]; then found="$found $p"; fi; done
        r=`f "$SOMETHING"`
        ( if [ -n "$INNER" ]; then exit 1; fi ) && s=ok
        echo "$UNKNOWN" | grep -q yes && q=yes
        case "$MODE" in full) m=1 ;; *) m=2 ;; esac
        if [ -n "$BG" ]; then z=1; fi &
        USE_OPENSSL=YES
        """,

        // exit in a branch (a world ends there), and a return at the top level.
        """
        if [ -n "$A" ]; then echo a; exit 1; fi
        if [ -n "$B" ]; then
            if [ -n "$C" ]; then return; fi
            b=1
        fi
        c=1
        """,

        // A loop whose condition is unknown forks a world at every turn, until the budget of steps runs out.
        "i=0\nwhile [ -n \"$MORE\" ]; do i=$i$i; done\n",

        // The link mode read after choices: auto/module's branches.
        Features(3) + """
        ngx_module_type=HTTP
        ngx_module_name=ngx_x_module
        ngx_module_srcs="$ngx_addon_dir/x.c"
        if [ -n "$ngx_module_link" ]; then . auto/module; else HTTP_MODULES="$HTTP_MODULES ngx_x_module"; fi
        """,

        // Hundreds of statements where a world may start, each adding a function, a variable, an
        // environment read or a fact, after and between choices: a snapshot shares what the world changes later.
        Features(2) + string.Concat(Enumerable.Range(0, 300).Select(i => $"f{i}() {{ v{i}=`echo $1`; }}\nf{i} \"$E{i}\"\ncat <<EOF\n{i}\nEOF\nUSE_S{i % 7}=YES\n" + (i % 100 == 50 ? "if [ -n \"$C" + i + "\" ]; then pkg-config --libs p" + i + "; fi\n" : string.Empty))),
    ];

    [Theory]
    [MemberData(nameof(Configs))]
    public void Worlds_that_start_where_they_part_are_the_worlds_run_from_the_beginning(string config)
    {
        using var module = new TempModule(config);
        foreach (var link in Enum.GetValues<LinkMode>())
        {
            AssertSameWorlds(module.Path, link, SyntaxTree.ParseText(config, Path.Combine(module.Path, "config")), maxSteps: 200_000);
        }
    }

    [Fact]
    public void A_small_budget_of_steps_ends_the_same_worlds_at_the_same_place()
    {
        var config = Features(6) + "i=0\nwhile [ -n \"$MORE\" ]; do i=$i.; done\n";
        using var module = new TempModule(config);
        foreach (var maxSteps in new[] { 40, 90, 150, 400 })
        {
            AssertSameWorlds(module.Path, LinkMode.Addon, SyntaxTree.ParseText(config, Path.Combine(module.Path, "config")), maxSteps);
        }
    }

    [Fact]
    public void Every_fixture_module_gives_the_same_worlds()
    {
        foreach (var (directory, link, tree) in FixtureConfigs.InEveryLinkMode())
        {
            AssertSameWorlds(directory, link, tree, maxSteps: 200_000);
        }
    }

    private static string Features(int count) => FeatureTests.Config(count, withLibraries: true);

    private static void AssertSameWorlds(string directory, LinkMode link, SyntaxTree config, int maxSteps)
    {
        var settings = EvaluationSettings.Against(ReferenceBuild.Default, directory, link, maxSteps);
        var replayed = Evaluator.RunAllWorlds(settings with { StartWorldsWhereTheyPart = false }, config);
        var started = Evaluator.RunAllWorlds(settings, config);
        Assert.Equal(replayed.Select(Render), started.Select(Render));
    }

    /// <summary>Everything a world holds that a description or a check could read, as text.</summary>
    internal static string Render(WorldResult world)
    {
        var text = new StringBuilder();
        text.AppendLine($"exited {world.Exited} {world.ExitStatus} {world.ExitLocation}");
        text.AppendJoin('\n', world.Assumptions).AppendLine();
        var record = world.Record;
        text.AppendLine($"incomplete {record.Incomplete}");
        foreach (var facts in new IEnumerable<object>[] { record.AutoModuleCalls, record.Defines, record.Unknowns, record.Commands, record.Redirections, record.Diagnostics, record.RequiredModules, record.EnvironmentReads.Cast<object>(), record.UseSwitches.Cast<object>() })
        {
            text.AppendJoin('\n', facts).AppendLine();
        }

        AppendVariables(text, "before", world.Before);
        AppendVariables(text, "after", world.State.Variables);
        text.AppendJoin(' ', world.State.Functions.Keys.Order(StringComparer.Ordinal)).AppendLine();
        text.AppendJoin(' ', world.State.Positional).AppendLine($" status {world.State.LastStatus}");
        return text.ToString();
    }

    private static void AppendVariables(StringBuilder text, string label, IReadOnlyDictionary<string, ShellValue> variables)
    {
        foreach (var (name, value) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            text.Append(label).Append(' ').Append(name).Append('=').AppendJoin('|', value.Segments).AppendLine();
        }
    }
}
