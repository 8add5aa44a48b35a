using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Model;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// A file the config sources is parsed once for every world and link mode of a module directory
/// (<see cref="SourcedFiles"/>): the worlds must be those that parse it each for themselves, and a file that
/// changes between two evaluations must be read as it is now.
/// </summary>
public sealed class SourcedFilesTests
{
    // Functions and variables, a choice of its own, and a module registered through a function: what a helper
    // file sourced after the config's feature tests holds.
    private const string Library = """
        lib_register() {
            ngx_module_name=$1
            ngx_module_srcs="$ngx_addon_dir/$2"
        }

        LIB_SRCS="$ngx_addon_dir/lib.c"
        if [ "$ngx_found" = yes ]; then
            LIB_LIBS="-lfound"
        else
            LIB_LIBS=
        fi

        ngx_feature="lib feature"
        ngx_feature_name=
        ngx_feature_run=no
        ngx_feature_incs="#include <lib.h>"
        ngx_feature_path=
        ngx_feature_libs=-llib
        ngx_feature_test="lib();"
        . auto/feature

        """;

    private static readonly string Config = FeatureTests.Config(3, withLibraries: true) + """
        ngx_addon_name=ngx_http_lib_module
        . $ngx_addon_dir/lib.sh
        if test -n "$ngx_module_link"; then
            ngx_module_type=HTTP
            lib_register ngx_http_lib_module lib.c
            ngx_module_libs="$LIB_LIBS"
            . auto/module
        else
            HTTP_MODULES="$HTTP_MODULES ngx_http_lib_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $LIB_SRCS"
            CORE_LIBS="$CORE_LIBS $LIB_LIBS"
        fi

        """;

    [Fact]
    public void The_worlds_are_those_that_parse_the_file_each_for_themselves()
    {
        using var module = new TempModule(Config, ("lib.sh", Library));
        var config = SyntaxTree.ParseText(Config, Path.Combine(module.Path, "config"));
        var sourced = new SourcedFiles();
        var starts = new LinkNeutralStarts();
        foreach (var link in new[] { LinkMode.Addon, LinkMode.Dynamic, LinkMode.Legacy })
        {
            var alone = Evaluator.RunAllWorlds(Settings(module.Path, link), config);
            var shared = Evaluator.RunAllWorlds(Settings(module.Path, link) with { SourcedFiles = sourced, LinkNeutralStarts = starts }, config);
            Assert.Equal(16, alone.Length);
            Assert.Equal(alone.Select(WorldSnapshotTests.Render), shared.Select(WorldSnapshotTests.Render));
        }
    }

    [Fact]
    public void The_same_text_gives_the_tree_parsed_before()
    {
        var sourced = new SourcedFiles();
        var first = sourced.Parse(SourceText.From("x=1\n"), "/m/lib.sh");
        Assert.Same(first, sourced.Parse(SourceText.From("x=1\n"), "/m/lib.sh"));
        Assert.NotSame(first, sourced.Parse(SourceText.From("x=1\n"), "/m/other.sh"));
    }

    [Fact]
    public void Another_text_is_parsed_again_and_kept_instead()
    {
        var sourced = new SourcedFiles();
        var before = sourced.Parse(SourceText.From("x=1\n"), "/m/lib.sh");
        var after = sourced.Parse(SourceText.From("x=2\n"), "/m/lib.sh");
        Assert.NotSame(before, after);
        Assert.Equal("x=2\n", after.Text.Text);
        Assert.Same(after, sourced.Parse(SourceText.From("x=2\n"), "/m/lib.sh"));

        // The same characters read as Latin-1 are another file (its bytes differ): parsed again.
        var latin1 = SourceText.From([(byte)'x', (byte)'=', 0xE9, (byte)'\n']);
        Assert.Equal(SourceEncoding.Latin1, latin1.Encoding);
        var utf8 = SourceText.From(latin1.Text);
        Assert.NotSame(sourced.Parse(latin1, "/m/enc.sh"), sourced.Parse(utf8, "/m/enc.sh"));
    }

    [Fact]
    public void A_file_changed_between_two_link_modes_is_read_as_it_is_now()
    {
        // Sourced after the config reads `ngx_module_link`: each link mode runs it (an earlier one would run once, in
        // the part every link mode shares).
        using var module = new TempModule(
            """
            ngx_addon_name=x
            if test -n "$ngx_module_link"; then
                . $ngx_addon_dir/names.sh
                ngx_module_type=HTTP
                ngx_module_name=$name
                ngx_module_srcs="$ngx_addon_dir/x.c"
                . auto/module
            fi

            """,
            ("names.sh", "name=ngx_http_first_module\n"));
        var directory = ModuleDirectory.Load(module.Path);
        Assert.Equal("ngx_http_first_module", NameGivenToAutoModule(directory, LinkMode.Addon));

        File.WriteAllText(Path.Combine(module.Path, "names.sh"), "name=ngx_http_second_module\n");
        Assert.Equal("ngx_http_second_module", NameGivenToAutoModule(directory, LinkMode.Dynamic));
    }

    private static string NameGivenToAutoModule(ModuleDirectory directory, LinkMode link)
        => Assert.Single(Assert.Single(Assert.Single(directory.Describe(link).Outcomes).AutoModuleCalls).Names);

    private static EvaluationSettings Settings(string directory, LinkMode link)
        => EvaluationSettings.Against(ReferenceBuild.Default, directory, link);
}
