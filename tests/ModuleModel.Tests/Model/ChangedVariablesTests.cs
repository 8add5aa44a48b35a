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

    [Fact]
    public void Asking_about_one_name_answers_as_the_whole_list_does()
    {
        var asked = 0;
        foreach (var (directory, link, _) in FixtureConfigs.InEveryLinkMode())
        {
            foreach (var outcome in ModuleDirectory.Load(directory).Describe(link).Outcomes)
            {
                var names = outcome.ChangedVariables.Keys.Concat(["ngx_addon_name", "ngx_module_link", "HTTP_MODULES", "CORE_LIBS", "NGX_ADDON_SRCS", "x_never_set"]);
                foreach (var name in names)
                {
                    Assert.True(outcome.ChangedVariables.ContainsKey(name) == outcome.ChangesVariable(name), $"{directory} ({link}): {name}");
                    asked++;
                }
            }
        }

        Assert.True(asked > 1000, $"only {asked} names asked");
    }

    [Fact]
    public void A_variable_set_to_the_text_it_had_is_not_changed_and_one_unset_is()
    {
        using var module = new TempModule("""
            ngx_addon_name=ngx_x_module
            USE_PCRE=YES
            unset NGX_ADDON_DEPS
            HTTP_MODULES="$HTTP_MODULES ngx_x_module"
            """);
        var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes);

        Assert.False(outcome.ChangesVariable("USE_PCRE"));
        Assert.True(outcome.ChangesVariable("NGX_ADDON_DEPS"));
        Assert.True(outcome.ChangesVariable("HTTP_MODULES"));
        Assert.False(outcome.ChangesVariable("x_never_set"));
    }
}
