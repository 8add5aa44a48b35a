using System.Text;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Evaluation;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>
/// The outcomes of a description share one <see cref="ListChangeMemo"/>: each must be what it is when
/// built alone, and worlds that end with the same lists must share the work.
/// </summary>
public sealed class ListChangeMemoTests
{
    // Worlds that differ in #defines alone, then in a library and a source too.
    private static readonly string DefinesOnly = Features(3) + """
        ngx_addon_name=ngx_x_module
        ngx_module_type=HTTP
        ngx_module_name="ngx_x_module ngx_x_filter_module"
        ngx_module_srcs="$ngx_addon_dir/x.c $ngx_addon_dir/y.c"
        ngx_module_incs="$ngx_addon_dir/include"
        ngx_module_libs=-lm
        if [ -n "$ngx_module_link" ]; then . auto/module; else HTTP_MODULES="$HTTP_MODULES ngx_x_module"; NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/x.c"; fi
        if [ $ngx_found = yes ]; then CORE_LIBS="$CORE_LIBS -lf"; NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/f.c"; fi
        HTTP_MODULES=`echo $HTTP_MODULES | sed 's/ngx_http_static_module//'`
        """;

    [Fact]
    public void Every_fixture_module_gives_the_outcomes_each_world_gives_alone()
    {
        foreach (var (directory, link, tree) in FixtureConfigs.InEveryLinkMode())
        {
            AssertSameOutcomes(directory, link, tree);
        }
    }

    [Fact]
    public void Worlds_that_differ_in_defines_alone_share_their_lists()
    {
        using var module = new TempModule(DefinesOnly);
        foreach (var link in Enum.GetValues<LinkMode>())
        {
            var tree = SyntaxTree.ParseText(DefinesOnly, Path.Combine(module.Path, "config"));
            AssertSameOutcomes(module.Path, link, tree);

            var outcomes = Outcomes(module.Path, link, tree, shared: true);
            Assert.Equal(8, outcomes.Length);

            // Worlds that end with the same sources hold the very same words: computed once.
            var groups = outcomes.Where(o => !o.Sources.IsEmpty).GroupBy(o => o.Sources.Length).ToArray();
            Assert.NotEmpty(groups);
            Assert.All(groups, group => Assert.All(group, o => Assert.Same(group.First().Sources[0].Word, o.Sources[0].Word)));
            Assert.All(groups, group => Assert.True(group.Count() > 1));
            Assert.All(outcomes, o => Assert.Contains(o.RemovedModules, r => r.Name == "ngx_http_static_module"));
        }
    }

    [Fact]
    public void Values_equal_part_by_part_are_equal_where_each_part_was_written_included()
    {
        var comparer = ShellValue.SegmentComparer;
        var first = ShellValue.Concat([ShellValue.Text("a b", Line(1)), ShellValue.Text(" c", Line(2))]);
        var same = ShellValue.Concat([ShellValue.Text("a b", Line(1)), ShellValue.Text(" c", Line(2))]);
        var elsewhere = ShellValue.Concat([ShellValue.Text("a b", Line(1)), ShellValue.Text(" c", Line(3))]);
        var unknown = ShellValue.Concat([ShellValue.Text("a b", Line(1)), ShellValue.Of(new UnknownValue("c", Line(2)))]);
        Assert.True(comparer.Equals(first, same));
        Assert.Equal(comparer.GetHashCode(first), comparer.GetHashCode(same));
        Assert.True(first.ContentEquals(elsewhere));
        Assert.False(comparer.Equals(first, elsewhere));
        Assert.False(comparer.Equals(first, unknown));
        Assert.True(comparer.Equals(ShellValue.Text(string.Empty), ShellValue.Concat([])));

        var memo = new ListChangeMemo();
        Assert.Same(first, memo.Shared(first));
        Assert.Same(first, memo.Shared(same));
        Assert.Same(elsewhere, memo.Shared(elsewhere));
    }

    private static void AssertSameOutcomes(string directory, LinkMode link, SyntaxTree config)
        => Assert.Equal(Outcomes(directory, link, config, shared: false).Select(Render), Outcomes(directory, link, config, shared: true).Select(Render));

    private static ModuleOutcome[] Outcomes(string directory, LinkMode link, SyntaxTree config, bool shared)
    {
        var settings = EvaluationSettings.Against(ReferenceBuild.Default, directory, link);
        var memo = new ListChangeMemo();
        return [.. Evaluator.RunAllWorlds(settings, config).Select(w => new ModuleOutcome(directory, w, shared ? memo : new ListChangeMemo()))];
    }

    /// <summary>Everything an outcome holds, words part by part with where each part was written.</summary>
    private static string Render(ModuleOutcome outcome)
    {
        var text = new StringBuilder();
        text.AppendLine($"exited {outcome.Exited} {outcome.ExitStatus} {outcome.ExitLocation} complete {outcome.Complete}");
        foreach (var facts in new IEnumerable<object>[] { outcome.Assumptions, outcome.Modules, outcome.RemovedModules, outcome.Use, outcome.AutoModuleCalls, outcome.Defines, outcome.Commands, outcome.Redirections, outcome.Unknowns, outcome.RequiredModules })
        {
            text.AppendJoin('\n', facts).AppendLine();
        }

        foreach (var shared in outcome.SharedObjects)
        {
            text.AppendLine($"{shared.Name}: {string.Join(' ', shared.Modules)} | {string.Join(' ', shared.Sources)} | {string.Join(' ', shared.SharedSources)} | {string.Join(' ', shared.Libs)} | {string.Join(' ', shared.Order)}");
        }

        foreach (var fact in outcome.Sources.Concat(outcome.Deps).Concat(outcome.Incs).Concat(outcome.Libs))
        {
            text.Append(fact).Append(' ').AppendJoin('|', fact.Word?.Segments ?? []).AppendLine();
        }

        foreach (var (name, value) in outcome.ChangedVariables)
        {
            text.Append(name).Append('=').AppendJoin('|', value?.Segments ?? []).AppendLine(value is null ? " (unset)" : string.Empty);
        }

        return text.ToString();
    }

    private static string Features(int count) => FeatureTests.Config(count, withLibraries: false);

    private static Location Line(int line) => new("config", default, new LinePosition(line, 1), new LinePosition(line, 1));
}
