using ConfigConvert.Analyzers.Rules.CSources;
using ConfigConvert.Analyzers.Tests.Checking;

namespace ConfigConvert.Analyzers.Tests.Rules;

/// <summary>
/// The C rules pass over files whose text cannot hold what they look for; an identifier split by a
/// backslash-newline is not in the text as written, and must still be found.
/// </summary>
public sealed class SplitIdentifierTests
{
    private static readonly CheckOptions CRules = new() { Analyzers = [new GlobalModuleList(), new ModuleCountingLoop(), new ModuleListLength(), new UndeclaredModuleDependency()] };

    [Fact]
    public void The_global_module_list_split_across_lines_is_found()
    {
        var found = CheckWithSource("""
            static ngx_uint_t
            ngx_http_example_count(ngx_cycle_t *cycle)
            {
                ngx_uint_t  i, n = 0;

                for (i = 0; ngx_mod\
            ules[i]; i++) {
                    n++;
                }

                return n;
            }

            """);
        Assert.Equal([("CC4001", 15)], found);
    }

    [Fact]
    public void A_module_api_split_across_lines_is_found()
    {
        var found = CheckWithSource("""
            static ngx_int_t
            ngx_http_example_handler(ngx_http_request_t *r)
            {
                return nd\
            k_http_example_call(r);
            }

            """);
        Assert.Equal([("CC4004", 13)], found);
    }

    [Fact]
    public void A_file_without_the_names_has_no_findings()
    {
        Assert.Empty(CheckWithSource("""
            static ngx_int_t
            ngx_http_example_handler(ngx_http_request_t *r)
            {
                return NGX_DECLINED;
            }

            """));
    }

    /// <summary>The C findings (id and line) in a module whose source is the sample module definition followed by <paramref name="code"/>.</summary>
    private static List<(string Id, int Line)> CheckWithSource(string code)
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        tree.Write("m/ngx_http_example_module.c", Samples.Source + code);
        var report = ModuleChecker.Check([tree.PathOf("m")], CRules);
        return [.. report.Diagnostics.Where(d => d.Id.StartsWith("CC4", StringComparison.Ordinal)).Select(d => (d.Id, d.Location.Start.Line))];
    }
}
