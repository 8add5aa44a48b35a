namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>
/// <see cref="ModuleOutcome.ChangedVariables"/>: every variable the config created or changed, with its
/// new value, and every one it unset, configure's own globals among them, whether or not it set them
/// again afterwards.
/// </summary>
public sealed class ChangedVariablesTests
{
    [Fact]
    public void Globals_the_config_unsets_are_listed_as_unset_and_ones_it_sets_again_with_their_value()
    {
        using var module = new TempModule("""
            ngx_addon_name=ngx_x_module
            unset NGX_ADDON_DEPS
            unset HTTP_MODULES
            HTTP_MODULES="$HTTP_MODULES ngx_x_module"
            unset x_never_set
            x_local=1
            unset x_local
            CORE_INCS="$CORE_INCS"
            """);
        var changed = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes).ChangedVariables;

        Assert.True(changed.ContainsKey("NGX_ADDON_DEPS"));
        Assert.Null(changed["NGX_ADDON_DEPS"]);
        Assert.Equal(" ngx_x_module", changed["HTTP_MODULES"]?.KnownText);
        Assert.Equal("ngx_x_module", changed["ngx_addon_name"]?.KnownText);
        Assert.Equal(["HTTP_MODULES", "NGX_ADDON_DEPS", "ngx_addon_name"], changed.Keys);
    }

    [Fact]
    public void A_config_that_unsets_nothing_lists_no_variable_as_unset()
    {
        using var module = new TempModule("""
            ngx_addon_name=ngx_x_module
            HTTP_MODULES="$HTTP_MODULES ngx_x_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/x.c"
            """);
        var changed = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes).ChangedVariables;

        Assert.Equal(["HTTP_MODULES", "NGX_ADDON_SRCS", "ngx_addon_name"], changed.Keys);
        Assert.All(changed.Values, Assert.NotNull);
    }
}
