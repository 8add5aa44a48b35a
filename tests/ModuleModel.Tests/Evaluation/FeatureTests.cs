using System.Globalization;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// Configs that meet undecidable conditions: nginx's feature tests, whose compile the model cannot run,
/// so each forks the worlds in two.
/// </summary>
internal static class FeatureTests
{
    private const string Template = """
        ngx_feature="feature {0}"
        ngx_feature_name=NGX_HAVE_F{0}
        ngx_feature_run=no
        ngx_feature_incs="#include <f{0}.h>"
        ngx_feature_path=
        ngx_feature_libs={1}
        ngx_feature_test="f{0}();"
        . auto/feature

        """;

    /// <summary>
    /// <paramref name="count"/> feature tests, each defining <c>NGX_HAVE_Fn</c> when found, and with
    /// <paramref name="withLibraries"/> also linking <c>-lfn</c>.
    /// </summary>
    public static string Config(int count, bool withLibraries)
        => string.Concat(Enumerable.Range(1, count).Select(i => string.Format(CultureInfo.InvariantCulture, Template, i, withLibraries ? $"-lf{i}" : string.Empty)));
}
