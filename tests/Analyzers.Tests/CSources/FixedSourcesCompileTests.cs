using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Tests.Catalogue;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.CSources;

/// <summary>
/// Every C file that a C rule's fix produces (the <c>Fixed</c> files of the examples, which the catalogue
/// test proves the fixes give) compiles with nginx's real headers, both as the installed nginx and as
/// nginx 1.8.0, where the new API is poisoned: the <c>#else</c> branch must not use what 1.9.11 brought.
/// The examples before the fix compile too, so the fix is the only difference.
/// </summary>
[Trait("Requires", "nginx")]
public sealed class FixedSourcesCompileTests(ConfiguredNginxHeaders headers) : IClassFixture<ConfiguredNginxHeaders>
{
    public static TheoryData<string, string> FixedExamples()
    {
        var data = new TheoryData<string, string>();
        foreach (var analyzer in AnalyzerRegistry.All.Where(a => a.SupportedDiagnostics[0].Category == RuleCategories.CSources))
        {
            foreach (var example in analyzer.Examples.Where(e => e.Fixed.Any(f => f.Path.EndsWith(".c", StringComparison.Ordinal))))
            {
                data.Add(analyzer.SupportedDiagnostics[0].Id, example.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Every_c_rule_with_a_fix_has_an_example_of_it()
    {
        var rules = FixedExamples().Select(row => (string)row[0]).Distinct().Order();

        Assert.Equal(["CC4001", "CC4002", "CC4003"], rules);
    }

    [Theory]
    [MemberData(nameof(FixedExamples))]
    public void The_fixed_source_compiles_for_new_and_old_nginx(string rule, string name)
    {
        var example = AnalyzerRegistry.All.Single(a => a.SupportedDiagnostics[0].Id == rule).Examples.Single(e => e.Name == name);
        var directory = Directory.CreateTempSubdirectory("cc-compile-").FullName;
        try
        {
            foreach (var file in example.Fixed.Where(f => f.Path.EndsWith(".c", StringComparison.Ordinal)))
            {
                var original = ExampleMarkup.Parse(file.Path, example.Files.Single(f => f.Path == file.Path).Text, rule).Text;
                AssertCompiles(directory, "original.c", original, asOldNginx: false);
                AssertCompiles(directory, "fixed.c", file.Text, asOldNginx: false);
                AssertCompiles(directory, "fixed-old.c", file.Text, asOldNginx: true);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void The_old_nginx_really_rejects_the_new_api()
    {
        var directory = Directory.CreateTempSubdirectory("cc-compile-").FullName;
        try
        {
            var source = "#include <ngx_config.h>\n#include <ngx_core.h>\nngx_uint_t f(ngx_cycle_t *cycle) { return ngx_count_modules(cycle, NGX_CORE_MODULE); }\n";
            var result = Compile(directory, "new-api.c", source, asOldNginx: true);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("poisoned", result.StandardError, StringComparison.Ordinal);
            Assert.Equal(0, Compile(directory, "new-api-new.c", source, asOldNginx: false).ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private void AssertCompiles(string directory, string name, string source, bool asOldNginx)
    {
        var result = Compile(directory, name, source, asOldNginx);
        Assert.True(result.ExitCode == 0, $"{name} ({(asOldNginx ? "nginx_version " + ConfiguredNginxHeaders.OldVersion : "installed nginx")}) does not compile:\n{result.StandardError}\n--- source ---\n{source}");
    }

    /// <summary>
    /// Compiles <paramref name="source"/> through a wrapper that includes nginx's headers first and, as old
    /// nginx, poisons <c>ngx_count_modules</c> and <c>modules_n</c>, which nginx before 1.9.11 does not have.
    /// The warnings are nginx's own (<c>-W -Wall -Wpointer-arith -Wno-unused-parameter -Werror</c>): a local
    /// that a fix leaves unused, or set but not used, fails here as it fails nginx's build. Only unused
    /// functions are let pass, since an example is a fragment of a module.
    /// </summary>
    private ExternalTool.Result Compile(string directory, string name, string source, bool asOldNginx)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, source);
        var wrapper = Path.Combine(directory, "wrap-" + name);
        var poison = asOldNginx ? "#pragma GCC poison ngx_count_modules modules_n\n" : string.Empty;
        File.WriteAllText(wrapper, $"#include <ngx_config.h>\n#include <ngx_core.h>\n#include <ngx_http.h>\n{poison}#include \"{name}\"\n");
        string[] flags = ["-fsyntax-only", "-W", "-Wall", "-Wpointer-arith", "-Wno-unused-parameter", "-Werror", "-Wno-unused-function", .. headers.IncludeFlags(asOldNginx), wrapper];
        return ExternalTool.Run(headers.Compiler, flags, directory, timeout: TimeSpan.FromMinutes(2));
    }
}
