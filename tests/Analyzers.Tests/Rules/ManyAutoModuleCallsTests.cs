using System.Text;
using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Tests.Checking;

namespace ConfigConvert.Analyzers.Tests.Rules;

/// <summary>
/// CC2204 and CC2207 over a config of thousands of <c>. auto/module</c> calls: both once compared
/// every assignment with every call, which took minutes at this size. These are the findings they
/// must still give.
/// </summary>
public sealed class ManyAutoModuleCallsTests
{
    private const int Count = 2_000;
    private const int FirstLeak = 501;
    private const int SecondLeak = 1_501;

    /// <summary>
    /// Four lines per module after two of header: even modules link -lm, odd ones reset it, but two
    /// odd ones forget (CC2207 at their call); then both branches of an if set variables no call reads
    /// (CC2204 once per branch).
    /// </summary>
    private static string Config()
    {
        var config = new StringBuilder("ngx_addon_name=ngx_http_many\nngx_module_type=HTTP\n");
        for (var i = 0; i < Count; i++)
        {
            config.Append("ngx_module_name=ngx_http_m").Append(i).Append("_module\n");
            config.Append("ngx_module_srcs=\"$ngx_addon_dir/m").Append(i).Append(".c\"\n");
            config.Append(i % 2 == 0 ? "ngx_module_libs=-lm\n" : i is FirstLeak or SecondLeak ? ": forgot\n" : "ngx_module_libs=\n");
            config.Append(". auto/module\n");
        }

        return config.Append("if [ \"$NGX_HTTP_MANY_SSL\" = yes ]; then\n    ngx_module_libs=-lssl\nelse\n    ngx_module_incs=/usr/include/many\nfi\n").ToString();
    }

    private static int CallLine(int module) => 2 + (4 * module) + 4;

    [Fact]
    public void Every_leak_and_every_unread_description_is_found_among_thousands_of_calls()
    {
        using var tree = new TempTree();
        tree.Write("many/config", Config());
        string[] ids = ["CC2204", "CC2207"];
        var analyzers = AnalyzerRegistry.All.Where(a => a.SupportedDiagnostics.Any(d => ids.Contains(d.Id))).ToList();

        var reported = new AnalyzerDriver(analyzers).Analyze(tree.PathOf("many"), NginxVersionRange.Dynamic)
            .Where(d => ids.Contains(d.Id) || d.Descriptor == DriverDiagnostics.RuleFailed)
            .Select(d => $"{d.Id} ({d.Location.Start.Line},{d.Location.Start.Column})")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToArray();

        var tail = 2 + (4 * Count) + 1;
        string[] expected =
        [
            $"CC2204 ({tail + 1},5)",
            $"CC2204 ({tail + 3},5)",
            $"CC2207 ({CallLine(FirstLeak)},1)",
            $"CC2207 ({CallLine(SecondLeak)},1)",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), reported);
    }
}
