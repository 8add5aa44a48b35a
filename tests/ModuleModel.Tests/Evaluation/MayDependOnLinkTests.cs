using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// A world marks no point where other link modes may start before a statement said not to depend on the link mode
/// (<see cref="SyntaxMemo.MayDependOnLink"/>): every statement that can make a world differ per link mode must be said
/// to. <see cref="LinkNeutralStartsTests"/> holds the worlds to it; this holds the statements.
/// </summary>
public sealed class MayDependOnLinkTests
{
    [Theory]
    [InlineData("x=1")]
    [InlineData("x=$y")]
    [InlineData("x=\"$HTTP_MODULES ngx_x_module\" y=${z}")]
    [InlineData("ngx_module_srcs=\"$ngx_addon_dir/x.c\"")]
    [InlineData("ngx_feature_libs=\"-lm ${ngx_feature_path}\"")]
    public void Assignments_that_read_nothing_set_per_link_mode_do_not(string statement)
        => Assert.False(MayDependOnLink(statement));

    [Theory]
    [InlineData("x=$ngx_module_link")]
    [InlineData("x=${ngx_module_type}")]
    [InlineData("x=${#ngx_module_name}")]
    [InlineData("x=\"in $ngx_module_srcs quotes\"")]
    [InlineData("x=1 y=$ngx_module_libs")]
    [InlineData("x=${ngx_module_link:-none}")]
    [InlineData("x=$(echo $ngx_module_incs)")]
    [InlineData("x=$((ngx_module_order + 1))")]
    [InlineData("x=1 &")]
    [InlineData(". auto/module")]
    [InlineData("unset ngx_module_deps")]
    [InlineData("ngx_module_type=HTTP true")]
    [InlineData("echo hello")]
    [InlineData("if true; then x=1; fi")]
    public void Anything_else_may(string statement)
        => Assert.True(MayDependOnLink(statement));

    private static bool MayDependOnLink(string statement)
    {
        var tree = SyntaxTree.ParseText(statement, "config");
        Assert.Empty(tree.GetDiagnostics());
        return new SyntaxMemo().MayDependOnLink(Assert.Single(tree.GetRoot().Statements));
    }
}
