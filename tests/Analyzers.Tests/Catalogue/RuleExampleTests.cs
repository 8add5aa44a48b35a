using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;

namespace ConfigConvert.Analyzers.Tests.Catalogue;

/// <summary>
/// Runs every example of every rule: each rule alone over its example module must report exactly the
/// marked spans of its own descriptors, and where the example gives the fixed files, its fixes must
/// produce them.
/// </summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string, string> Examples()
    {
        var data = new TheoryData<string, string>();
        foreach (var analyzer in AnalyzerRegistry.All)
        {
            analyzer.Examples.ToList().ForEach(e => data.Add(Id(analyzer), e.Name));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Rule_reports_exactly_what_its_example_marks(string rule, string example)
    {
        var analyzer = AnalyzerRegistry.All.Single(a => Id(a) == rule);
        var sample = analyzer.Examples.Single(e => e.Name == example);
        using var module = ExampleModule.Write(sample, Id(analyzer));
        var reported = new AnalyzerDriver([analyzer]).Analyze(module.Directory, sample.Target ?? NginxVersionRange.Dynamic)
            .Where(d => analyzer.SupportedDiagnostics.Contains(d.Descriptor) || d.Descriptor == DriverDiagnostics.RuleFailed)
            .ToList();

        // Compared as text: a record is not comparable, and an example may mark several findings.
        var actual = reported.Select(d => new ExpectedFinding(d.Id, module.Relative(d.Location.Path), d.Location.Span.Start, d.Location.Span.End).ToString()).Order(StringComparer.Ordinal);
        Assert.Equal(module.Expected.Select(f => f.ToString()).Order(StringComparer.Ordinal), actual);
        if (!sample.Fixed.IsEmpty)
        {
            module.AssertFixesGive(reported, sample.Fixed);
        }
    }

    [Fact]
    public void Every_rule_has_examples_that_report_and_examples_that_do_not()
    {
        foreach (var analyzer in AnalyzerRegistry.All)
        {
            var marked = analyzer.Examples.SelectMany(e => e.Files.Select(f => ExampleMarkup.Parse(f.Path, f.Text, Id(analyzer)).Findings)).ToList();
            Assert.True(analyzer.Examples.Any(e => e.Files.All(f => ExampleMarkup.Parse(f.Path, f.Text, Id(analyzer)).Findings.Count == 0)), $"{Id(analyzer)}: no example where it stays silent");
            foreach (var descriptor in analyzer.SupportedDiagnostics)
            {
                Assert.True(marked.Any(findings => findings.Any(f => f.Id == descriptor.Id)), $"{descriptor.Id}: no example where it is reported");
            }
        }
    }

    [Fact]
    public void Example_names_are_unique_per_rule()
    {
        Assert.All(AnalyzerRegistry.All, a => Assert.Equal(a.Examples.Length, a.Examples.Select(e => e.Name).Distinct().Count()));
    }

    private static string Id(ModuleAnalyzer analyzer) => analyzer.SupportedDiagnostics[0].Id;
}
