using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Tests.Catalogue;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;

namespace ConfigConvert.Analyzers.Tests.CSources;

/// <summary>The C rules together: their fixes never overlap, and fixed code is not reported again.</summary>
public sealed class CSourceFixTests
{
    private static readonly ModuleAnalyzer[] CSourceRules = [.. AnalyzerRegistry.All.Where(a => a.SupportedDiagnostics[0].Category == RuleCategories.CSources)];

    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var analyzer in CSourceRules)
        {
            analyzer.Examples.ToList().ForEach(e => data.Add(analyzer.SupportedDiagnostics[0].Id, e.Name));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_fix_of_every_c_rule_applies_at_once_and_leaves_nothing_to_fix(string rule, string name)
    {
        var example = CSourceRules.Single(a => a.SupportedDiagnostics[0].Id == rule).Examples.Single(e => e.Name == name);
        using var module = ExampleModule.Write(example, rule);
        var driver = new AnalyzerDriver(CSourceRules);
        var first = driver.Analyze(module.Directory, NginxVersionRange.Dynamic);
        Assert.DoesNotContain(first, d => d.Descriptor == DriverDiagnostics.RuleFailed);

        // One Fix of every change throws if any two overlap.
        foreach (var file in first.SelectMany(d => d.Fixes).SelectMany(f => f.Changes).GroupBy(c => c.Path))
        {
            var all = new Fix("all", file);
            File.WriteAllText(file.Key, all.Apply(file.Key, File.ReadAllText(file.Key)));
        }

        var second = driver.Analyze(module.Directory, NginxVersionRange.Dynamic);
        Assert.Empty(second.Where(d => !d.Fixes.IsEmpty));
        Assert.Equal(first.Count(d => d.Fixes.IsEmpty && d.Id != "CC4004" && !d.Message.Contains("rewrites it", StringComparison.Ordinal) && !d.Message.Contains("replaces it", StringComparison.Ordinal)), second.Count(d => d.Id != "CC4004"));
    }

    [Fact]
    public void Uses_without_a_cycle_in_scope_are_reported_without_a_fix_and_say_why()
    {
        var found = Analyze("""
            ngx_int_t
            ngx_http_example_handler(ngx_http_request_t *r)
            {
                return ngx_modules[0] != NULL ? NGX_DECLINED : NGX_ERROR;
            }

            ngx_int_t
            ngx_http_example_both(ngx_cycle_t *old_cycle, ngx_cycle_t *new_cycle)
            {
                return ngx_modules[0] != NULL ? NGX_OK : NGX_ERROR;
            }

            #define EXAMPLE_FIRST_MODULE  ngx_modules[0]

            """);

        Assert.Collection(
            found,
            d => Assert.Equal("`ngx_modules` lists only the modules linked into nginx, not those loaded with load_module; use `cycle->modules` (no fix here: no `ngx_cycle_t *` or `ngx_conf_t *` is in scope)", d.Message),
            d => Assert.Equal("`ngx_modules` lists only the modules linked into nginx, not those loaded with load_module; use `cycle->modules` (no fix here: several cycles are in scope (`old_cycle`, `new_cycle`))", d.Message),
            d => Assert.Equal("`ngx_modules` lists only the modules linked into nginx, not those loaded with load_module; use `cycle->modules` (no fix here: it is in a macro; rewrite the macro so that its users pass the cycle)", d.Message));
        Assert.All(found, d => Assert.Empty(d.Fixes));
    }

    [Fact]
    public void A_local_cycle_wins_over_the_configuration_and_its_position_is_exact()
    {
        var found = Analyze("""
            char *
            ngx_http_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
            {
                ngx_cycle_t  *cycle = cf->cycle;

                return ngx_modules[0] ? NGX_CONF_OK : NGX_CONF_ERROR;
            }

            """);

        var diagnostic = Assert.Single(found);
        Assert.Equal(new ConfigConvert.Text.LinePosition(6, 12), diagnostic.Location.Start);
        Assert.Equal(new ConfigConvert.Text.LinePosition(6, 23), diagnostic.Location.End);
        Assert.Contains("use `cycle->modules`", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("    return cycle->modules[0] ? NGX_CONF_OK : NGX_CONF_ERROR;\n#else\n", Assert.Single(diagnostic.Fixes).Changes[0].NewText, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_files_get_crlf_preprocessor_lines()
    {
        var found = Analyze("ngx_int_t\r\nf(ngx_cycle_t *cycle)\r\n{\r\n    return ngx_modules[0] ? NGX_OK : NGX_ERROR;\r\n}\r\n");

        var change = Assert.Single(Assert.Single(found).Fixes).Changes[0];
        Assert.Equal("#if (nginx_version >= 1009011)\r\n    return cycle->modules[0] ? NGX_OK : NGX_ERROR;\r\n#else\r\n    return ngx_modules[0] ? NGX_OK : NGX_ERROR;\r\n#endif\r\n", change.NewText);
    }

    [Fact]
    public void In_a_file_of_many_functions_each_use_finds_the_cycle_of_its_own_function()
    {
        const int count = 3000;
        var functions = Enumerable.Range(0, count).Select(i => (i % 3) switch
        {
            0 => $"ngx_int_t\nf{i}(ngx_cycle_t *cycle{i})\n{{\n    return ngx_modules[{i}] ? NGX_OK : NGX_ERROR;\n}}\n\n",
            1 => $"ngx_int_t\nf{i}(ngx_event_t *ev)\n{{\n    ngx_cycle_t  *local{i} = ev->data;\n\n    return ngx_modules[{i}] ? NGX_OK : NGX_ERROR;\n}}\n\n",
            _ => $"ngx_int_t\nf{i}(void)\n{{\n    ngx_cycle_t  *global{i} = (ngx_cycle_t *) ngx_cycle;\n\n    return ngx_modules[{i}] ? NGX_OK : NGX_ERROR;\n}}\n\n",
        });

        var found = Analyze(string.Concat(functions));

        Assert.Equal(count, found.Count);
        for (var i = 0; i < count; i++)
        {
            var expected = (i % 3) switch { 0 => $"cycle{i}->modules[{i}]", 1 => $"local{i}->modules[{i}]", _ => null };
            var fix = found[i].Fixes.SingleOrDefault()?.Changes.Single().NewText;
            Assert.True(expected is null ? fix is null : fix!.Contains(expected, StringComparison.Ordinal), $"function f{i}: {fix}");
        }
    }

    [Fact]
    public void In_a_function_of_many_counting_loops_each_use_is_left_to_the_fix_of_its_own_loop()
    {
        const int count = 1500;
        const string loop = "    ngx_example_max_module = 0;\n    for (m = 0; ngx_modules[m]; m++) {\n        if (ngx_modules[m]->type != NGX_EXAMPLE_MODULE) {\n            continue;\n        }\n\n        ngx_modules[m]->ctx_index = ngx_example_max_module++;\n    }\n\n";
        const int header = 9;
        var source = "#define NGX_EXAMPLE_MODULE  0x4C504D58\n\nngx_uint_t  ngx_example_max_module;\n\nchar *\nngx_example_block(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)\n{\n    ngx_uint_t  m;\n\n"
            + string.Concat(Enumerable.Repeat(loop, count)) + "    return NGX_CONF_OK;\n}\n";
        using var module = ExampleModule.Write(RuleExample.CSource("test", source), "CC4002");
        var found = new AnalyzerDriver(CSourceRules).Analyze(module.Directory, NginxVersionRange.Dynamic);

        var loops = found.Where(d => d.Id == "CC4002").ToList();
        Assert.Equal(count, loops.Count);
        Assert.All(loops, d => Assert.Single(d.Fixes));
        var uses = found.Where(d => d.Id == "CC4001").ToList();
        Assert.Equal(3 * count, uses.Count);
        for (var i = 0; i < uses.Count; i++)
        {
            var loopLine = header + 1 + (i / 3 * 9) + 1;
            Assert.Contains($"the fix of the counting loop at line {loopLine} (CC4002) replaces it", uses[i].Message, StringComparison.Ordinal);
        }
    }

    private static List<Diagnostic> Analyze(string source)
    {
        using var module = ExampleModule.Write(RuleExample.CSource("test", source), "CC4001");
        return [.. new AnalyzerDriver([new ConfigConvert.Analyzers.Rules.CSources.GlobalModuleList()]).Analyze(module.Directory, NginxVersionRange.Dynamic).Where(d => d.Id == "CC4001")];
    }
}
