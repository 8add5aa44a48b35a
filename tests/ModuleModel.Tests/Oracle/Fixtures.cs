using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>The fixture modules, with the captured configure globals each is evaluated against.</summary>
internal static class Fixtures
{
    public static string OracleDirectory => ModuleFixtures.OracleDirectory;

    public static IEnumerable<string> Names => ModuleFixtures.Names;

    public static string Setting(string fixture, string key, string fallback = "") => ModuleFixtures.Setting(fixture, key, fallback);

    public static string PathOf(string fixture) => ModuleFixtures.PathOf(fixture);

    public static ReferenceBuild Globals(string fixture)
    {
        var prefix = Setting(fixture, "globals", "initial-globals");
        return ReferenceBuild.FromShellAssignments(File.ReadAllText(Path.Combine(OracleDirectory, prefix + ".sh")));
    }
}

/// <summary>The library's pinned reference build is the capture the oracle uses for stream and mail.</summary>
public sealed class ReferenceBuildTests
{
    [Fact]
    public void The_embedded_reference_is_the_oracle_capture()
    {
        var capture = ReferenceBuild.FromShellAssignments(File.ReadAllText(Path.Combine(Fixtures.OracleDirectory, "initial-globals-stream-mail.sh")));
        Assert.Equal(capture.Globals.OrderBy(g => g.Key, StringComparer.Ordinal), ReferenceBuild.Default.Globals.OrderBy(g => g.Key, StringComparer.Ordinal));
        Assert.Contains("ngx_http_ssi_filter_module", ReferenceBuild.Default.Globals["HTTP_FILTER_MODULES"], StringComparison.Ordinal);
    }
}
