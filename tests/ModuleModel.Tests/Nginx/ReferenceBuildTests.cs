using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Model;

namespace ConfigConvert.ModuleModel.Tests.Nginx;

/// <summary>
/// The embedded reference builds: each loads, is the nginx its name says, and differs from the others
/// where those nginx versions differ. (1.22.1 is also compared with a fresh capture of nginx-dev's
/// tree in the Verification tests; the newer trees are not on the machine, so their files are checked
/// by what they must contain.)
/// </summary>
public sealed class ReferenceBuildTests
{
    private const string StickyHelper = """
        ngx_addon_name=ngx_http_sticky_helper_module
        HTTP_MODULES=`echo "$HTTP_MODULES" | sed -e "s/ngx_http_upstream_sticky_module/ngx_http_sticky_helper_module ngx_http_upstream_sticky_module/"`
        NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_sticky_helper_module.c"

        """;

    public static TheoryData<string> Names => [.. ReferenceBuild.Embedded.Select(b => b.Name)];

    [Fact]
    public void Embeds_1_22_1_and_the_stable_and_mainline_captured_with_Debian_flags()
    {
        Assert.Equal(["1.22.1-debian", "1.30.4-debian", "1.31.4-debian"], ReferenceBuild.Embedded.Select(b => b.Name));
        Assert.Same(ReferenceBuild.Named("1.22.1-debian"), ReferenceBuild.Default);
        Assert.Same(ReferenceBuild.Named("1.31.4-debian"), ReferenceBuild.Named("nginx-1.31.4-debian"));
        Assert.Null(ReferenceBuild.Named("1.31.4"));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_build_is_the_nginx_its_name_says(string name)
    {
        var build = ReferenceBuild.Named(name)!;
        var version = name.Split('-')[0];
        Assert.Equal(version, build.Version);
        Assert.Contains($"#define NGINX_VERSION      \"{version}\"", build.ReadFile("src/core/nginx.h"), StringComparison.Ordinal);
        Assert.Equal(build.ReadFile("src/core/nginx.h"), build.ReadFile("./src/core/nginx.h"));
        Assert.Null(build.ReadFile("src/core/ngx_module.h"));

        // Debian's flags plus stream and mail: every list the model reads is there.
        Assert.Equal(["ngx_core_module", "ngx_errlog_module", "ngx_conf_module"], build.Modules(ModuleType.Core).ToArray());
        Assert.Contains("ngx_http_ssi_filter_module", build.Modules(ModuleType.HttpFilter));
        Assert.Contains("ngx_http_v2_module", build.Modules(ModuleType.Http));
        Assert.Contains("ngx_http_ssl_module", build.Modules(ModuleType.Http));
        Assert.Contains("ngx_stream_core_module", build.Modules(ModuleType.Stream));
        Assert.Contains("ngx_mail_core_module", build.Modules(ModuleType.Mail));
        Assert.Equal("YES", build.Globals["NGX_COMPAT"]);
    }

    [Fact]
    public void The_builds_differ_where_the_versions_do()
    {
        var old = ReferenceBuild.Named("1.22.1-debian")!;
        var stable = ReferenceBuild.Named("1.30.4-debian")!;
        var mainline = ReferenceBuild.Named("1.31.4-debian")!;

        // Module lists as the captures recorded them: a balancer 1.22.1 lacks, a module only the mainline has.
        Assert.DoesNotContain("ngx_http_upstream_sticky_module", old.Modules(ModuleType.Http));
        Assert.Contains("ngx_http_upstream_sticky_module", stable.Modules(ModuleType.Http));
        Assert.DoesNotContain("ngx_http_tunnel_module", stable.Modules(ModuleType.Http));
        Assert.Contains("ngx_http_tunnel_module", mainline.Modules(ModuleType.Http));
        Assert.Contains("ngx_stream_upstream_least_time_module", mainline.Modules(ModuleType.Stream));
        Assert.DoesNotContain("ngx_stream_upstream_least_time_module", old.Modules(ModuleType.Stream));
    }

    [Fact]
    public void A_position_is_found_in_the_chosen_build()
    {
        using var module = new TempModule(StickyHelper, ("ngx_http_sticky_helper_module.c", "int x;\n"));
        var directory = ModuleDirectory.Load(module.Path);

        var mainline = Assert.Single(directory.Describe(LinkMode.Addon, ReferenceBuild.Named("1.31.4-debian")).Outcomes);
        var placed = Assert.Single(mainline.Modules);
        Assert.Equal(ModulePositionKind.Before, placed.Position.Kind);
        Assert.Equal("ngx_http_upstream_sticky_module", placed.Position.Anchor);

        // 1.22.1 has no sticky module: the sed finds nothing to put the module before.
        Assert.Empty(Assert.Single(directory.Describe(LinkMode.Addon).Outcomes).Modules);
    }
}
