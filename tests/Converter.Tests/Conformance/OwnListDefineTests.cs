using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.TestSupport;
using ConfigConvert.Verification.Nginx;

namespace ConfigConvert.Converter.Tests.Conformance;

/// <summary>
/// tests/fixtures/refused/census_own_list: an old-style config that, after registering, reads its own
/// <c>NGX_ADDON_SRCS</c> back and writes a <c>#define</c> when it finds its source there. In a dynamic build
/// auto/module keeps the module's sources in the shared object's variables, not in <c>NGX_ADDON_SRCS</c>, so
/// the define is lost: the converter refuses, at the line that writes it, and the real configure proves the
/// conversion it would otherwise have made builds the <c>.so</c> without it.
/// </summary>
public sealed class OwnListDefineTests
{
    private const string Define = "NGX_HTTP_CENSUS_EXTRA";

    /// <summary>
    /// What the converter wrote for the fixture, byte for byte, before its self-check compared the dynamic
    /// build's <c>#define</c>s: the registration moved into <c>ngx_module_*</c> and <c>. auto/module</c>, the
    /// rest unchanged.
    /// </summary>
    private const string NaiveConversion = """
        ngx_addon_name=ngx_http_census_module

        if test -n "$ngx_module_link"; then
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_census_module
            ngx_module_deps="$ngx_addon_dir/ngx_http_census.h"
            ngx_module_srcs="$ngx_addon_dir/ngx_http_census_module.c \
                             $ngx_addon_dir/ngx_http_census_extra.c"

            . auto/module
        else
            HTTP_MODULES="$HTTP_MODULES ngx_http_census_module"
            NGX_ADDON_SRCS="$NGX_ADDON_SRCS $ngx_addon_dir/ngx_http_census_module.c \
                        $ngx_addon_dir/ngx_http_census_extra.c"
            NGX_ADDON_DEPS="$NGX_ADDON_DEPS $ngx_addon_dir/ngx_http_census.h"
        fi

        # The extra counters are compiled in only when their source is in the build,
        # which the config learns from the list it has just appended to.
        case "$NGX_ADDON_SRCS" in
            *ngx_http_census_extra.c*)
                have=NGX_HTTP_CENSUS_EXTRA . auto/have
            ;;
        esac

        """;

    private static string Fixture => RepoPaths.Combine("tests", "fixtures", "refused", "census_own_list");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_conversion_is_refused_at_the_line_that_writes_the_define_and_nothing_is_written(bool compatibility)
    {
        using var copy = ModuleCopy.Of(Directory.GetFiles(Fixture).Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
        var before = File.ReadAllBytes(copy.ConfigPath);

        var result = ConfigConverter.Convert(ModuleDirectory.Load(copy.Path), new ConversionOptions(compatibility));

        Assert.Equal(ConversionStatus.Refused, result.Status);
        Assert.Null(result.ConvertedBytes);
        Assert.Equal(before, File.ReadAllBytes(copy.ConfigPath));
        var refusal = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("CC3006", refusal.Id);
        Assert.Equal((12, 9), (refusal.Location.Start.Line, refusal.Location.Start.Column));
        Assert.Equal(
            "the converted config would build a different nginx (dynamic): #defines: none instead of `NGX_HTTP_CENSUS_EXTRA=1`; convert this part by hand and prove the result with `ngx-convert verify`",
            refusal.Message);
    }

    [Fact]
    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    public async Task The_real_dynamic_build_of_the_naive_conversion_loses_the_define()
    {
        using var naive = ModuleCopy.Of(Directory.GetFiles(Fixture).Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
        File.WriteAllText(naive.ConfigPath, NaiveConversion);
        var output = Directory.CreateTempSubdirectory("cc-dynamic-").FullName;
        try
        {
            // Two configure runs in all, at once: the original's static one, and the naive conversion's dynamic one.
            var staticBuild = Task.Run(() => RealNginx.Static(Fixture, string.Empty));
            var dynamicBuild = Task.Run(() => RealNginx.DynamicBuild(naive.Path, string.Empty, output));
            var original = await staticBuild;
            var dynamic = await dynamicBuild;
            var dynamicDefines = StaticBuildFacts.Read(StaticBuildFiles.Read(Path.Combine(output, "src", "objs")), naive.Path).Defines;

            Assert.Contains(original.Defines, d => IsTheDefine(d));
            Assert.DoesNotContain(dynamicDefines, d => IsTheDefine(d));

            // The shared object builds all the same: nothing but the define tells the two builds apart.
            Assert.Equal(["ngx_http_census_module.so"], dynamic.SharedObjects.Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static bool IsTheDefine(string line)
        => line.Split(' ', StringSplitOptions.RemoveEmptyEntries) is ["#define", Define, ..];
}
