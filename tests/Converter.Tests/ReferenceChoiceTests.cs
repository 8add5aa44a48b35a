using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Converter.Tests;

/// <summary>The converter places modules and checks itself against the nginx build it is given.</summary>
public sealed class ReferenceChoiceTests : IDisposable
{
    // Puts the module before a balancer that nginx 1.30 has and 1.22.1 does not.
    private const string StickyHelper = """
        ngx_addon_name=ngx_http_sticky_helper_module
        HTTP_MODULES=`echo "$HTTP_MODULES" | sed -e "s/ngx_http_upstream_sticky_module/ngx_http_sticky_helper_module ngx_http_upstream_sticky_module/"`
        NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_sticky_helper_module.c"

        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("cc-reference-").FullName;

    public ReferenceChoiceTests()
    {
        File.WriteAllText(Path.Combine(_directory, "config"), StickyHelper);
        File.WriteAllText(Path.Combine(_directory, "ngx_http_sticky_helper_module.c"), "int x;\n");
    }

    [Theory]
    [InlineData("1.30.4-debian")]
    [InlineData("1.31.4-debian")]
    public void A_build_with_the_anchor_gets_the_order_before_it(string reference)
    {
        var result = ConfigConverter.Convert(ModuleDirectory.Load(_directory), new ConversionOptions { Reference = ReferenceBuild.Named(reference)! });
        Assert.Equal(ConversionStatus.Converted, result.Status);
        Assert.Contains("ngx_module_order=\"ngx_http_sticky_helper_module ngx_http_upstream_sticky_module\"", result.ConvertedText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_build_without_it_sees_a_config_that_registers_nothing()
    {
        var result = ConfigConverter.Convert(ModuleDirectory.Load(_directory));
        Assert.Equal(ConversionStatus.Refused, result.Status);
        Assert.Equal("CC3012", Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error).Descriptor.Id);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
