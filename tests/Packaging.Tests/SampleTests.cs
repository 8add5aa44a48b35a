using ConfigConvert.TestSupport;

namespace ConfigConvert.Packaging.Tests;

/// <summary>samples/LibraryUsage, built with the tests, run as a user would run it.</summary>
[Trait("Requires", "dotnet")]
public sealed class SampleTests
{
    private const string Expected = """
        == describe (1 outcome(s))
        module ngx_http_hello_module (HTTP)
        source $ngx_addon_dir/src/ngx_http_hello_module.c
        source $ngx_addon_dir/src/ngx_http_hello_text.c
        == check (1 finding(s))
        Warning CC2201 line 10: the config registers `ngx_http_hello_module` by appending to HTTP_MODULES, so it cannot be built with --add-dynamic-module; `ngx-convert convert` rewrites it (the fix)
        == convert (Converted)
        -HTTP_MODULES="$HTTP_MODULES ngx_http_hello_module"
        -NGX_ADDON_SRCS="$NGX_ADDON_SRCS $HELLO_SRCS"
        -NGX_ADDON_DEPS="$NGX_ADDON_DEPS $ngx_addon_dir/src/ngx_http_hello_text.h"
        +if test -n "$ngx_module_link"; then
        +    ngx_module_type=HTTP
        +    ngx_module_name=ngx_http_hello_module
        +    ngx_module_deps="$ngx_addon_dir/src/ngx_http_hello_text.h"
        +    ngx_module_srcs="$HELLO_SRCS"
        +
        +    . auto/module
        +else
        +    HTTP_MODULES="$HTTP_MODULES ngx_http_hello_module"
        +    NGX_ADDON_SRCS="$NGX_ADDON_SRCS $HELLO_SRCS"
        +    NGX_ADDON_DEPS="$NGX_ADDON_DEPS $ngx_addon_dir/src/ngx_http_hello_text.h"
        +fi

        """;

    [Fact]
    public void The_sample_describes_checks_and_converts_the_hello_module()
    {
        var result = RunSample(RepoPaths.Combine("samples", "ngx_http_hello_module"));
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal(Expected, result.StandardOutput);
        Assert.Equal(string.Empty, result.StandardError);
    }

    [Fact]
    public void The_sample_reports_a_missing_module_and_exits_2()
    {
        var result = RunSample(Path.Combine(Path.GetTempPath(), "cc-no-such-module"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cc-no-such-module", result.StandardError);
        Assert.Equal(string.Empty, result.StandardOutput);
    }

    private static ExternalTool.Result RunSample(string module)
        => ExternalTool.Run("dotnet", [Path.Combine(AppContext.BaseDirectory, "LibraryUsage.dll"), module], RepoPaths.Root);
}
