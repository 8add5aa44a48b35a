using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Rules;

/// <summary>
/// The config rules CC2203-CC2210 are documented where their help links point (<c>docs/rules/ID.md</c>,
/// embedded for <c>ngx-convert explain</c>) with the title, the default severity and the four sections,
/// and listed in the unshipped release file with their category and severity.
/// </summary>
public sealed class ConfigRuleDocumentationTests
{
    public static TheoryData<string> Ids => ["CC2203", "CC2204", "CC2205", "CC2206", "CC2208", "CC2209", "CC2210"];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Rule_has_its_page_and_its_release_row(string id)
    {
        var rule = RuleCatalog.Find(id);
        Assert.NotNull(rule);
        var page = RuleCatalog.Explain(id);
        Assert.NotNull(page);
        Assert.StartsWith($"# {id}: {rule.Title}\n", page, StringComparison.Ordinal);
        Assert.Contains($"**Default severity:** {SeverityNames.Name(rule.DefaultSeverity)}", page, StringComparison.Ordinal);
        Assert.All(["## What", "## Why", "## How to fix", "## Example"], section => Assert.Contains("\n" + section + "\n", page, StringComparison.Ordinal));
        Assert.EndsWith($"docs/rules/{id}.md", rule.HelpLink, StringComparison.Ordinal);

        var releases = File.ReadAllLines(RepoPaths.Combine("src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        Assert.Single(releases, line => line.StartsWith($"{id} | {rule.Category} | {rule.DefaultSeverity} | ", StringComparison.Ordinal));
    }
}
