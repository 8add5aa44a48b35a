using System.Text;
using ConfigConvert.ModuleModel.Discovery;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.ModuleModel.Tests.Discovery;

/// <summary>The byte scan that spares the module search the parse of configs that source nothing from their own directory.</summary>
public sealed class AddonSourcingScanTests
{
    [Theory]
    [InlineData(". $ngx_addon_dir/filter/config\n")]
    [InlineData("ngx_addon_name=x\n. \"${ngx_addon_dir}/static/config\"\n")]
    [InlineData("source $ngx_addon_dir/part\n")]
    [InlineData("if true; then . $ngx_addon_dir/part; fi\n")]
    [InlineData("'.' \"$\"ngx_addon_dir/part\n")]
    [InlineData("\"\"source\t${ngx_addon_dir}/part\n")]
    [InlineData(". \\\n    $ngx_addon_dir/part\n")]
    [InlineData("sourc\\e $ngx_addon_dir/part\n")]
    [InlineData("FLAG=1 . $ngx_addon_dir/part\n")]
    public void Keeps_every_config_whose_parse_sources_a_part(string config)
    {
        Assert.NotEmpty(SourcedPaths(config));
        Assert.True(AddonSourcingScan.MaySource(Encoding.UTF8.GetBytes(config)));
    }

    [Theory]
    [InlineData("ngx_addon_name=x\nHTTP_MODULES=\"$HTTP_MODULES x\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/x.c\"\n")]
    [InlineData("ngx_module_srcs=\"$ngx_addon_dir/a.c \\\n    $ngx_addon_dir/b.c\"\nngx_module_incs=$ngx_addon_dir\n. auto/module\n")]
    [InlineData("CFLAGS=\"$CFLAGS -I$ngx_addon_dir/src\"\n")]
    [InlineData("cat $ngx_addon_dir/part\n")]
    [InlineData("# nothing here names the module's directory\n. auto/feature\n")]
    public void Rules_out_configs_that_source_nothing_of_their_own(string config)
    {
        Assert.Empty(SourcedPaths(config));
        Assert.False(AddonSourcingScan.MaySource(Encoding.UTF8.GetBytes(config)));
    }

    [Fact]
    public void Never_rules_out_a_config_whose_parse_sources_a_part()
    {
        // Every way of spelling the two words this test knows, each joined to the next by every separator: the scan
        // may keep what sources nothing, never drop what sources something.
        string[] commands = [".", "source", "'.'", "\".\"", "\\.", "sourc\\e", "sour\"ce\"", ".''", "x.", "cat", "A=1 .", "then .", "; ."];
        string[] separators = [" ", "\t", " \\\n", "\\\n ", "\\\n", "", "\\ ", "\r", " \r\n "];
        string[] paths = ["$ngx_addon_dir/p", "\"$ngx_addon_dir\"/p", "${ngx_addon_dir}/p", "\"${ngx_addon_dir}/p\"", "$\"ngx_addon_dir\"/p", "'$ngx_addon_dir/p'", "\\$ngx_addon_dir/p", "$ngx_addon_dirx/p", "x$ngx_addon_dir/p"];
        var (sourcing, ruledOut) = (0, 0);
        foreach (var config in from c in commands from s in separators from p in paths select $"if true; then {c}{s}{p}; fi\n")
        {
            var sources = SourcedPaths(config).Any();
            var kept = AddonSourcingScan.MaySource(Encoding.UTF8.GetBytes(config));
            Assert.True(kept || !sources, $"the scan rules out a config that sources a part: {config}");
            sourcing += sources ? 1 : 0;
            ruledOut += kept ? 0 : 1;
        }

        // Both kinds are among the configs, so the property says something.
        Assert.InRange(sourcing, 100, 1000);
        Assert.InRange(ruledOut, 100, 1000);
    }

    [Fact]
    public void Reads_text_that_is_not_utf8_as_its_ascii_bytes()
    {
        var latin1 = Encoding.Latin1.GetBytes("# caf\u00e9\n. $ngx_addon_dir/part\n");

        Assert.True(AddonSourcingScan.MaySource(latin1));
        Assert.False(AddonSourcingScan.MaySource(Encoding.Latin1.GetBytes("# caf\u00e9\nX=$ngx_addon_dir/part\n")));
    }

    private static IEnumerable<string> SourcedPaths(string config)
        => SourcedConfigs.AddonRelativePaths(SyntaxTree.ParseText(SourceText.From(Encoding.UTF8.GetBytes(config)), "config")).ToList();
}
