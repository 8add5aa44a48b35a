namespace ConfigConvert.Cli.Tests;

/// <summary><c>--reference</c>, <c>--nginx-src</c> and <c>--configure-arg</c> of describe and convert.</summary>
public sealed class ReferenceOptionTests
{
    private const string StickyHelper = """
        ngx_addon_name=ngx_http_sticky_helper_module
        HTTP_MODULES=`echo "$HTTP_MODULES" | sed -e "s/ngx_http_upstream_sticky_module/ngx_http_sticky_helper_module ngx_http_upstream_sticky_module/"`
        NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_sticky_helper_module.c"

        """;

    private const string VersionRead = """
        ngx_addon_name=ngx_http_ver_module
        nginx_version=`awk '/^#define nginx_version/ {print $3}' src/core/nginx.h`
        if [ "$nginx_version" -ge 1031000 ]; then
            HTTP_MODULES="$HTTP_MODULES ngx_http_ver_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_ver_new.c"
        else
            HTTP_MODULES="$HTTP_MODULES ngx_http_ver_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_ver_old.c"
        fi

        """;

    [Theory]
    [InlineData("1.22.1-debian", "$ngx_addon_dir/ngx_http_ver_old.c")]
    [InlineData("1.30.4-debian", "$ngx_addon_dir/ngx_http_ver_old.c")]
    [InlineData("1.31.4-debian", "$ngx_addon_dir/ngx_http_ver_new.c")]
    public void Describe_reads_the_version_of_the_chosen_build(string reference, string source)
    {
        using var module = new TempDirectory();
        module.Write("config", VersionRead);
        var result = CliRunner.Run("describe", module.Path, "--reference", reference);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"sources:\n  {source}\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_places_a_module_in_the_chosen_build()
    {
        using var module = new TempDirectory();
        module.Write("config", StickyHelper);
        var result = CliRunner.Run("describe", module.Path, "--reference", "1.31.4-debian");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  ngx_http_sticky_helper_module  HTTP  before ngx_http_upstream_sticky_module\n", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("ngx_http_sticky_helper_module  HTTP", CliRunner.Run("describe", module.Path).Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Convert_orders_the_module_before_the_anchor_of_the_chosen_build()
    {
        using var module = new TempDirectory();
        module.Write("config", StickyHelper);
        module.Write("ngx_http_sticky_helper_module.c", "int x;\n");
        var result = CliRunner.Run("convert", "--diff", "--reference", "1.30.4-debian", module.Path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+    ngx_module_order=\"ngx_http_sticky_helper_module ngx_http_upstream_sticky_module\"\n", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, CliRunner.Run("convert", "--diff", module.Path).ExitCode);
    }

    [Theory]
    [InlineData("describe")]
    [InlineData("convert")]
    public void Bad_choices_are_usage_errors(string verb)
    {
        using var module = new TempDirectory();
        module.Write("config", StickyHelper);
        var missing = Path.Combine(module.Path, "no-nginx");

        var unknown = CliRunner.Run(verb, module.Path, "--reference", "1.31.4");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("'1.31.4-debian'", unknown.Error, StringComparison.Ordinal);

        var noTree = CliRunner.Run(verb, module.Path, "--nginx-src", missing);
        Assert.Equal((2, $"ngx-convert: {missing}: no such directory (an nginx source tree: a release, a git checkout, or Debian's nginx-dev at /usr/share/nginx/src)\n"), (noTree.ExitCode, noTree.Error));

        var notNginx = CliRunner.Run(verb, module.Path, "--nginx-src", module.Path);
        Assert.Equal((2, $"ngx-convert: {module.Path}: not an nginx source tree (no src/core/nginx.h, no auto/modules, no configure)\n"), (notNginx.ExitCode, notNginx.Error));

        var flagsAlone = CliRunner.Run(verb, module.Path, "--configure-arg=--with-stream");
        Assert.Equal((2, "ngx-convert: --configure-arg needs --nginx-src\n"), (flagsAlone.ExitCode, flagsAlone.Error));

        var both = CliRunner.Run(verb, module.Path, "--reference", "1.30.4-debian", "--nginx-src", missing);
        Assert.Equal((2, "ngx-convert: --reference and --nginx-src choose the same thing: give one\n"), (both.ExitCode, both.Error));
    }
}
