using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Documentation;

/// <summary>
/// Release tracking as Roslyn analyzers do it: every rule is listed in exactly one of
/// <c>AnalyzerReleases.Shipped.md</c> and <c>AnalyzerReleases.Unshipped.md</c>, with its category and
/// default severity, and no row names a rule that does not exist.
/// </summary>
public sealed class ReleaseTrackingTests
{
    [Fact]
    public void Every_rule_is_in_exactly_one_release_file_with_its_category_and_severity()
    {
        var rows = Rows("AnalyzerReleases.Shipped.md").Concat(Rows("AnalyzerReleases.Unshipped.md")).ToList();
        var problems = new List<string>();
        foreach (var rule in RuleCatalog.Rules)
        {
            var listed = rows.Where(r => r.Id == rule.Id).ToList();
            if (listed.Count != 1)
            {
                problems.Add($"{rule.Id}: listed {listed.Count} times");
                continue;
            }

            var expected = (rule.Category, rule.IsEnabledByDefault ? Name(rule.DefaultSeverity) : "Disabled");
            if ((listed[0].Category, listed[0].Severity) != expected)
            {
                problems.Add($"{rule.Id}: listed as {listed[0].Category} | {listed[0].Severity}, the rule is {expected.Category} | {expected.Item2} ({listed[0].File})");
            }
        }

        problems.AddRange(rows.Where(r => RuleCatalog.Find(r.Id) is null).Select(r => $"{r.Id}: listed in {r.File}, but there is no such rule"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_release_files_are_read()
    {
        // The table format is what the test above relies on: a file it cannot read would pass vacuously.
        Assert.Equal(RuleCatalog.Rules.Count, Rows("AnalyzerReleases.Shipped.md").Concat(Rows("AnalyzerReleases.Unshipped.md")).Count());
    }

    /// <summary>The rows of the tables (<c>CC2201 | Config | Warning | Notes</c>) of a release file; a removed rule's table is not a rule's listing.</summary>
    private static IEnumerable<(string Id, string Category, string Severity, string File)> Rows(string file)
    {
        var removed = false;
        foreach (var line in File.ReadAllLines(RepoPaths.Combine("src", "Analyzers", file)))
        {
            if (line.StartsWith("###", StringComparison.Ordinal))
            {
                removed = line.Contains("Removed", StringComparison.OrdinalIgnoreCase);
            }

            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            if (!removed && cells.Length >= 3 && cells[0].StartsWith("CC", StringComparison.Ordinal) && cells[0].Length == 6)
            {
                yield return (cells[0], cells[1], cells[2], file);
            }
        }
    }

    private static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "Error",
        DiagnosticSeverity.Warning => "Warning",
        _ => "Info",
    };
}
