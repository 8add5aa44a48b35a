namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>
/// Configs that need another module configured first, and configs that read the environment: the
/// model explores what it cannot know (configure's lists are the reference build's plus unknown other
/// addons; a variable configure does not set is unknown), and <see cref="ModuleDirectory.WithConfiguredFirst"/>
/// decides the first as configure does with an earlier <c>--add-module</c>.
/// </summary>
public sealed class DependencyTests
{
    private const string Registers = "HTTP_MODULES=\"$HTTP_MODULES ngx_http_d_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/d.c\"\n";

    private const string Helper = "ngx_addon_name=ndk\nHTTP_MODULES=\"$HTTP_MODULES ndk_http_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/ndk.c\"\n";

    public static TheoryData<string> Guards =>
    [
        "if echo $HTTP_MODULES | grep \" ndk_http_module\" >/dev/null; then :; else echo needs ndk; exit 1; fi\n",
        "echo \"$HTTP_MODULES $DYNAMIC_MODULES\" | grep -q ndk_http_module || exit 1\n",
        "if ! echo \"$HTTP_MODULES\" | grep -q ndk_http_module; then exit 1; fi\n",
        "case \"$HTTP_MODULES\" in *ndk_http_module*) ;; *) exit 1 ;; esac\n",
    ];

    /// <summary>Pipelines on a module list that do not select the lines naming the module (review: `grep -v` was read as `grep`).</summary>
    public static TheoryData<string> NotGuards =>
    [
        "HTTP_MODULES=`echo \"$HTTP_MODULES\" | tr ' ' '\\n' | grep -v ndk_http_module | tr '\\n' ' '`\n",
        "if echo $HTTP_MODULES | grep -v ndk_http_module >/dev/null; then :; else exit 1; fi\n",
        "n=`echo $HTTP_MODULES | grep -c ndk_http_module`\n",
    ];

    [Theory]
    [MemberData(nameof(NotGuards))]
    public void A_pipeline_that_is_not_a_check_runs_as_written(string pipeline)
    {
        using var module = new TempModule("ngx_addon_name=d\n" + pipeline + Registers);
        var description = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon);

        var outcome = Assert.Single(description.Outcomes);
        Assert.False(outcome.Exited);
        Assert.Empty(outcome.RequiredModules);
        Assert.Equal("ngx_http_d_module", Assert.Single(outcome.Modules).Name);
        Assert.DoesNotContain(description.Diagnostics, d => d.Descriptor == ModelDiagnostics.RequiresModule);
    }

    [Theory]
    [MemberData(nameof(Guards))]
    public void A_module_nginx_does_not_have_may_have_been_configured_by_another_addon(string guard)
    {
        using var module = new TempModule("ngx_addon_name=d\n" + guard + Registers);
        var description = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon);

        Assert.Equal(2, description.Outcomes.Length);
        var configured = Assert.Single(description.Outcomes, o => !o.Exited);
        Assert.Equal("`ndk_http_module` is configured before this module", Assert.Single(configured.Assumptions).Condition);
        Assert.Equal("ngx_http_d_module", Assert.Single(configured.Modules).Name);
        Assert.Equal(1, Assert.Single(description.Outcomes, o => o.Exited).ExitStatus);
        var note = Assert.Single(description.Diagnostics, d => d.Descriptor == ModelDiagnostics.RequiresModule);
        Assert.Contains("`ndk_http_module`", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Guards))]
    public void Configured_first_the_dependency_decides_the_guard(string guard)
    {
        using var helper = new TempModule(Helper);
        using var module = new TempModule("ngx_addon_name=d\n" + guard + Registers);
        var description = ModuleDirectory.Load(module.Path).WithConfiguredFirst([ModuleDirectory.Load(helper.Path)]).Describe(LinkMode.Addon);

        var outcome = Assert.Single(description.Outcomes);
        Assert.Empty(outcome.Assumptions);
        Assert.Equal("ngx_http_d_module", Assert.Single(outcome.Modules).Name);

        // The helper's own registrations are not this module's.
        Assert.Equal(["$ngx_addon_dir/d.c"], outcome.Sources.Select(s => s.Value));
        Assert.Contains(description.Diagnostics, d => d.Descriptor == ModelDiagnostics.RequiresModule);
    }

    [Fact]
    public void A_check_for_one_of_nginx_s_own_modules_is_decided_by_the_reference_build()
    {
        using var module = new TempModule("ngx_addon_name=d\necho $HTTP_FILTER_MODULES | grep ngx_http_ssi_filter_module >/dev/null || exit 1\n" + Registers);
        var description = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon);

        Assert.Empty(Assert.Single(description.Outcomes).Assumptions);
        Assert.DoesNotContain(description.Diagnostics, d => d.Descriptor == ModelDiagnostics.RequiresModule);
    }

    [Fact]
    public void A_dependency_that_is_missing_is_an_io_error_of_the_module()
    {
        using var module = new TempModule("ngx_addon_name=d\n" + Registers);
        var loaded = ModuleDirectory.Load(module.Path).WithConfiguredFirst([ModuleDirectory.Load(Path.Combine(module.Path, "nowhere"))]);

        Assert.True(loaded.HasIoError);
        Assert.Empty(loaded.Describe(LinkMode.Addon).Outcomes);
    }

    [Fact]
    public void A_variable_from_the_environment_is_explored_both_ways()
    {
        using var module = new TempModule("ngx_addon_name=d\nif [ -z \"$LIBD_INC\" ]; then exit 1; fi\nCORE_INCS=\"$CORE_INCS $LIBD_INC\"\n" + Registers);
        var outcomes = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes;

        Assert.Equal(2, outcomes.Length);
        Assert.True(Assert.Single(outcomes, o => o.Exited).Modules.IsEmpty);
        var through = Assert.Single(outcomes, o => !o.Exited);
        Assert.Equal("ngx_http_d_module", Assert.Single(through.Modules).Name);
        var include = Assert.Single(through.Incs).Word!;
        Assert.Equal("LIBD_INC", Assert.Single(include.Unknowns).EnvironmentVariable);
    }

    [Theory]
    [InlineData("PWD")]
    [InlineData("HOME")]
    public void Variables_the_shell_or_the_user_sets_are_unknown_not_unset(string name)
    {
        using var module = new TempModule($"ngx_addon_name=d\nif test -n \"${name}\"; then\n" + Registers + "fi\n");
        var outcomes = ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes;

        Assert.Equal(2, outcomes.Length);
        Assert.Contains(outcomes, o => o.Modules.Length == 1);
    }

    [Fact]
    public void A_variable_configure_sets_in_other_builds_is_unset_in_this_one()
    {
        // HTTP_AUX_FILTER_MODULES is configure's, and 1.22.1 leaves it unset: nothing to explore.
        using var module = new TempModule("ngx_addon_name=d\nif [ -z \"$HTTP_AUX_FILTER_MODULES\" ]; then\n" + Registers + "fi\n");
        var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes);
        Assert.Single(outcome.Modules);
    }
}
