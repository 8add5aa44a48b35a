namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>
/// What the model cannot follow about IFS and read-only variables is unknown, never a guess: fields split on an
/// IFS it does not know, nginx's scripts run with IFS changed, and what configure does after a config that leaves
/// IFS changed or makes one of configure's variables read-only.
/// </summary>
public sealed class ShellStateLeftTests
{
    private const string Registers = "HTTP_MODULES=\"$HTTP_MODULES ngx_http_s_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/s.c\"\n";

    public static TheoryData<string, string> NotFollowed => new()
    {
        { "fields split on an unknown IFS", "IFS=`uname`\nL=\"a b\"\nfor m in $L; do :; done\nIFS=' \t\n'\n" },
        { "auto/module run with IFS changed", "IFS=:\nngx_module_type=HTTP\nngx_module_name=ngx_http_t_module\nngx_module_srcs=$ngx_addon_dir/t.c\n. auto/module\nIFS=' \t\n'\n" },
        { "IFS left changed for configure", "IFS=:\n" },
        { "IFS left unknown for configure", "IFS=`uname`\n" },
        { "one of configure's variables made read-only", "readonly NGX_ADDON_SRCS\n" },
        { "an ngx_ variable made read-only", "readonly ngx_module_type=HTTP\n" },
    };

    [Theory]
    [MemberData(nameof(NotFollowed))]
    public void What_the_model_cannot_follow_is_unknown(string why, string config)
    {
        using var module = new TempModule("ngx_addon_name=s\n" + Registers + config);
        var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes);
        Assert.False(outcome.Complete, why);
        Assert.NotEmpty(outcome.Unknowns);
    }

    public static TheoryData<string, string> Followed => new()
    {
        { "IFS unknown, nothing split", "IFS=`uname`\nx=$HTTP_MODULES\nIFS=' \t\n'\n" },
        { "IFS unknown, \"$@\" split", "set -- a b\nIFS=`uname`\nfor m in \"$@\"; do :; done\nIFS=' \t\n'\n" },
        { "IFS restored", "IFS=:\nset -- a:b\nIFS=' \t\n'\n" },
        { "IFS unset: default splitting", "IFS=:\nunset IFS\n" },
        { "IFS local to a function", "f() { local IFS=:; set -- $1; }\nf a:b\n" },
        { "a variable of the config's made read-only", "readonly S_VERSION=1\n" },
    };

    [Theory]
    [MemberData(nameof(Followed))]
    public void What_the_model_follows_stays_known(string why, string config)
    {
        using var module = new TempModule("ngx_addon_name=s\n" + Registers + config);
        var outcome = Assert.Single(ModuleDirectory.Load(module.Path).Describe(LinkMode.Addon).Outcomes);
        Assert.True(outcome.Complete, why);
        Assert.DoesNotContain(outcome.Unknowns, u => u.Reason.Contains("IFS", StringComparison.Ordinal) || u.Reason.Contains("read-only", StringComparison.Ordinal));
    }
}
