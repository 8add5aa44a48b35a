using ConfigConvert.ModuleModel;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Converter.Tests;

/// <summary>
/// Files of a module that have no size of their own (a FIFO): the converter reads them as empty without opening them,
/// as every file met inside a module is read (README, Limits), so a FIFO cannot block a conversion.
/// </summary>
public sealed class SpecialFileTests
{
    private const string Config = "ngx_addon_name=ngx_http_traced_module\nHTTP_MODULES=\"$HTTP_MODULES ngx_http_traced_module\"\nNGX_ADDON_SRCS=\"$NGX_ADDON_SRCS $ngx_addon_dir/traced.c\"\n";

    private const string Patch = "--- a/src/http/ngx_http_request.h\n+++ b/src/http/ngx_http_request.h\n@@ -1 +1 @@\n-a\n+b\n";

    [Fact]
    public async Task A_patch_that_is_a_fifo_is_an_empty_patch_not_a_diff_and_blocks()
    {
        using var copy = ModuleCopy.Of([("config", Config), ("traced.c", "int traced;\n")]);
        Fifo.Create(Path.Combine(copy.Path, "fix.patch"));

        var result = await Convert(copy);

        Assert.Equal(ConversionStatus.Refused, result.Status);
        var refusal = Assert.Single(result.Diagnostics, d => d.Id == "CC3002");
        Assert.Equal(Path.Combine(copy.Path, "fix.patch"), refusal.Location.Path);
        Assert.Contains("the module ships `fix.patch`, which is not a diff that can be read", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_readme_that_is_a_fifo_names_no_patch()
    {
        using var copy = ModuleCopy.Of([("config", Config), ("traced.c", "int traced;\n"), ("t/traced.patch", Patch)]);
        Fifo.Create(Path.Combine(copy.Path, "README"));

        var result = await Convert(copy);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        Assert.Equal("CC3015", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public async Task A_sourced_script_that_is_a_fifo_runs_nothing_and_the_config_is_converted()
    {
        using var copy = ModuleCopy.Of([("config", ". $ngx_addon_dir/helpers\n" + Config), ("traced.c", "int traced;\n")]);
        Fifo.Create(Path.Combine(copy.Path, "helpers"));

        var result = await Convert(copy);

        Assert.Equal(ConversionStatus.Converted, result.Status);
        Assert.Contains("ngx_module_name=ngx_http_traced_module", result.ConvertedText, StringComparison.Ordinal);
    }

    // A read that opened the FIFO would wait for a writer for ever: the test fails instead of hanging.
    private static Task<ConversionResult> Convert(ModuleCopy copy)
        => Task.Run(() => ConfigConverter.Convert(ModuleDirectory.Load(copy.Path))).WaitAsync(TimeSpan.FromSeconds(60));
}
