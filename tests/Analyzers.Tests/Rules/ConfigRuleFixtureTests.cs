using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Rules;

/// <summary>
/// The config rules CC2203-CC2210 over every fixture module of <c>tests/fixtures/modules</c>, which
/// are real, building modules: each reports exactly what is listed here (by id, line and column), and
/// the comment beside each entry says why that finding is right.
/// </summary>
public sealed class ConfigRuleFixtureTests
{
    private static readonly string[] RuleIds = ["CC2203", "CC2204", "CC2205", "CC2206", "CC2208", "CC2209", "CC2210"];

    /// <summary>What the rules report on each fixture; a fixture not listed must get nothing.</summary>
    private static readonly Dictionary<string, string[]> Expected = new(StringComparer.Ordinal)
    {
        // New style only, by design: `. auto/module` fails on nginx before 1.9.11 (the fixture's
        // README: status 2 under LEGACY), which is what the note says.
        ["new_style"] = ["CC2208 config(10,1)"],
    };

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.GetDirectories(RepoPaths.Combine("tests", "fixtures", "modules")).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(directory));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Config_rules_report_only_what_is_right_on_the_fixture(string fixture)
    {
        var analyzers = AnalyzerRegistry.All.Where(a => a.SupportedDiagnostics.Any(d => RuleIds.Contains(d.Id))).ToList();
        Assert.Equal(RuleIds.Length, analyzers.Count);
        var reported = new AnalyzerDriver(analyzers).Analyze(RepoPaths.Combine("tests", "fixtures", "modules", fixture), NginxVersionRange.Dynamic)
            .Where(d => RuleIds.Contains(d.Id) || d.Descriptor == DriverDiagnostics.RuleFailed)
            .Select(d => $"{d.Id} {Path.GetFileName(d.Location.Path)}({d.Location.Start.Line},{d.Location.Start.Column})")
            .ToList();
        Assert.Equal(Expected.GetValueOrDefault(fixture, []), reported);
    }
}
