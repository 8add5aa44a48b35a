using System.Text.RegularExpressions;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.Documentation;

/// <summary>
/// Every rule is documented in <c>docs/rules/ID.md</c> (a title line and the sections What, Why, How to
/// fix and Example), links to that page, and ships it for <c>ngx-convert explain</c>; no page exists
/// without its rule.
/// </summary>
public sealed partial class RuleDocumentationTests
{
    private static readonly string[] Sections = ["## What", "## Why", "## How to fix", "## Example"];

    private static string RulesDirectory => RepoPaths.Combine("docs", "rules");

    public static TheoryData<string> RuleIds() => [.. RuleCatalog.Rules.Select(r => r.Id)];

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_has_its_page_with_title_and_sections(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        var path = Path.Combine(RulesDirectory, id + ".md");
        Assert.True(File.Exists(path), $"{id}: no docs/rules/{id}.md");
        var lines = File.ReadAllLines(path);
        Assert.Equal($"# {id}: {rule.Title}", lines[0]);
        var missing = Sections.Where(s => !lines.Contains(s, StringComparer.Ordinal)).ToList();
        Assert.True(missing.Count == 0, $"{id}: docs/rules/{id}.md has no {string.Join(", ", missing)}");
        var order = Sections.Select(s => Array.IndexOf(lines, s)).ToList();
        Assert.True(order.SequenceEqual(order.Order()), $"{id}: the sections are not in the order What, Why, How to fix, Example");
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Each_rule_links_to_its_page_and_explain_prints_it(string id)
    {
        var rule = RuleCatalog.Find(id)!;
        Assert.Equal(RuleDocumentation.HelpLink(id), rule.HelpLink);
        Assert.EndsWith($"/docs/rules/{id}.md", rule.HelpLink, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(RulesDirectory, id + ".md")), RuleCatalog.Explain(id));
        Assert.Equal(RuleCatalog.Explain(id), RuleCatalog.Explain(id.ToLowerInvariant()));
    }

    [Fact]
    public void No_page_without_a_rule()
    {
        var ids = RuleCatalog.Rules.Select(r => r.Id).ToHashSet();
        var orphans = Directory.EnumerateFiles(RulesDirectory)
            .Select(Path.GetFileName)
            .Where(name => !PageName().IsMatch(name!) || !ids.Contains(Path.GetFileNameWithoutExtension(name)!))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(orphans.Count == 0, "docs/rules files without a rule: " + string.Join(", ", orphans));
    }

    [Fact]
    public void Explain_of_an_unknown_id_is_null()
    {
        Assert.Null(RuleCatalog.Explain("CC0000"));
        Assert.Null(RuleCatalog.Explain("CC5901"));
    }

    [GeneratedRegex(@"^CC\d{4}\.md$")]
    private static partial Regex PageName();
}
