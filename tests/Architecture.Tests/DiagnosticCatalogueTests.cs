using System.Reflection;
using System.Text.RegularExpressions;
using ConfigConvert.Analyzers;
using ConfigConvert.BuiltModules;
using ConfigConvert.Converter;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Architecture.Tests;

/// <summary>
/// Every catalogue of diagnostics together: ids unique across all of them and in the range of their
/// library (as the README gives them), and each id explained in <c>docs/diagnostics.md</c>, the page
/// the descriptors' help links point at.
/// </summary>
public sealed partial class DiagnosticCatalogueTests
{
    /// <summary>Each catalogue with the ids it owns: CC1xxx parser, CC20xx model, CC21xx C index, CC30xx converter, CC59xx the check's driver, CC60xx-CC62xx built modules.</summary>
    private static readonly (Type Catalogue, IReadOnlyList<DiagnosticDescriptor> All, int First, int Last)[] Catalogues =
    [
        (typeof(SyntaxDiagnostics), SyntaxDiagnostics.All, 1000, 1999),
        (typeof(ModelDiagnostics), ModelDiagnostics.All, 2000, 2099),
        (typeof(SourceDiagnostics), SourceDiagnostics.All, 2100, 2199),
        (typeof(ConversionDiagnostics), ConversionDiagnostics.All, 3000, 3099),
        (typeof(BuiltModuleDiagnostics), BuiltModuleDiagnostics.All, 6000, 6299),
        (typeof(DriverDiagnostics), DriverDiagnostics.All, 5900, 5999),
    ];

    /// <summary>
    /// The ranges of the rules of <c>check</c>, by category. Each rule declares its descriptor in its own
    /// file and is documented in <c>docs/rules/</c> (checked by the analyzers' tests), not in diagnostics.md.
    /// </summary>
    private static readonly Dictionary<string, (int First, int Last)> RuleRanges = new(StringComparer.Ordinal)
    {
        ["Config"] = (2200, 2999),
        ["CSources"] = (4000, 4999),
        ["Repository"] = (5000, 5899),
    };

    private static IEnumerable<DiagnosticDescriptor> AllDescriptors => Catalogues.SelectMany(c => c.All);

    private static IEnumerable<DiagnosticDescriptor> EveryId => AllDescriptors.Concat(RuleCatalog.Rules);

    [Fact]
    public void Rule_ids_are_in_the_range_of_their_category()
    {
        var misplaced = RuleCatalog.Rules
            .Where(r => !RuleRanges.TryGetValue(r.Category, out var range) || !InRange(r.Id, range.First, range.Last))
            .Select(r => $"{r.Id} ({r.Category}): not in the range of its category")
            .ToList();
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void Ids_are_unique_across_every_catalogue()
    {
        var duplicates = EveryId.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "ids used twice: " + string.Join(", ", duplicates));
    }

    [Fact]
    public void Ids_are_in_the_range_of_their_library()
    {
        var misplaced = Catalogues
            .SelectMany(c => c.All.Where(d => !InRange(d.Id, c.First, c.Last)).Select(d => $"{c.Catalogue.Name}.{d.Title}: {d.Id} is not in CC{c.First}-CC{c.Last}"))
            .ToList();
        Assert.True(misplaced.Count == 0, string.Join("\n", misplaced));
    }

    [Fact]
    public void Every_descriptor_of_a_catalogue_is_in_its_All_list()
    {
        foreach (var (catalogue, all, _, _) in Catalogues)
        {
            var declared = catalogue.GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
                .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
            Assert.Equal(declared.Select(d => d.Id).Order(StringComparer.Ordinal), all.Select(d => d.Id).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void No_descriptor_lives_outside_the_catalogues()
    {
        // A new catalogue (or a descriptor declared elsewhere) must join the list above, so that its ids
        // are checked and documented with the others.
        // Rules declare their descriptors in their own files, and are known through the rule catalogue.
        var known = Catalogues.Select(c => c.Catalogue).ToHashSet();
        var rules = RuleCatalog.Rules.ToHashSet();
        var elsewhere = SourceProject.Products
            .Select(p => Assembly.Load(p.AssemblyName))
            .SelectMany(a => a.GetTypes())
            .Where(t => !known.Contains(t))
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(f => f.FieldType == typeof(DiagnosticDescriptor) && !f.Name.Contains('<') && !rules.Contains((DiagnosticDescriptor)f.GetValue(null)!))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();
        Assert.True(elsewhere.Count == 0, "descriptors outside the catalogues: " + string.Join(", ", elsewhere));
    }

    [Fact]
    public void Help_links_point_at_the_section_of_the_id()
    {
        Assert.EndsWith("/docs/diagnostics.md", DiagnosticDescriptor.HelpBase, StringComparison.Ordinal);
        Assert.All(AllDescriptors, d => Assert.Equal(DiagnosticDescriptor.HelpBase + "#" + d.Id.ToLowerInvariant(), d.HelpLink));
    }

    [Fact]
    public void Every_descriptor_has_its_section_in_docs_and_every_section_a_descriptor()
    {
        var sections = DocumentedSections();
        var ids = AllDescriptors.Select(d => d.Id).ToHashSet();
        var undocumented = ids.Where(id => !sections.ContainsKey(id)).Order(StringComparer.Ordinal).ToList();
        var orphans = sections.Keys.Where(id => !ids.Contains(id)).Order(StringComparer.Ordinal).ToList();
        Assert.True(undocumented.Count == 0 && orphans.Count == 0, $"docs/diagnostics.md: no section for {string.Join(", ", undocumented)}; sections without a descriptor: {string.Join(", ", orphans)}");
    }

    [Fact]
    public void Each_section_gives_the_title_the_severity_an_example_and_what_to_do()
    {
        var sections = DocumentedSections();
        var problems = new List<string>();
        foreach (var descriptor in AllDescriptors.Where(d => sections.ContainsKey(d.Id)))
        {
            var text = sections[descriptor.Id];
            var header = $"**{descriptor.Title}**: {SeverityNames.Name(descriptor.DefaultSeverity)} by default.";
            if (!text.Contains(header, StringComparison.Ordinal))
            {
                problems.Add($"{descriptor.Id}: no line `{header}`");
            }

            if (!text.Contains($" {descriptor.Id}: ", StringComparison.Ordinal) || !text.Contains("```", StringComparison.Ordinal))
            {
                problems.Add($"{descriptor.Id}: no example of the diagnostic as printed");
            }

            if (!text.Contains("What to do:", StringComparison.Ordinal))
            {
                problems.Add($"{descriptor.Id}: no `What to do:`");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // `## CC1001` headings, whose GitHub anchors are the lower-cased ids, with the text up to the next heading.
    private static Dictionary<string, string> DocumentedSections()
    {
        var text = File.ReadAllText(RepoPaths.Combine("docs", "diagnostics.md"));
        var headings = SectionHeading().Matches(text);
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < headings.Count; i++)
        {
            var start = headings[i].Index + headings[i].Length;
            var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Length;
            Assert.True(sections.TryAdd(headings[i].Groups[1].Value, text[start..end]), $"docs/diagnostics.md: two sections for {headings[i].Groups[1].Value}");
        }

        return sections;
    }

    private static bool InRange(string id, int first, int last)
        => id.Length == 6 && id.StartsWith("CC", StringComparison.Ordinal) && int.TryParse(id[2..], out var number) && number >= first && number <= last;

    [GeneratedRegex(@"^## (CC\d{4})[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex SectionHeading();
}
