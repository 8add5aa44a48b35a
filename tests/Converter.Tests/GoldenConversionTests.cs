using ConfigConvert.ModuleModel;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Converter.Tests;

/// <summary>
/// Conversions pinned in golden files. Golden/fixtures/NAME.golden holds what converting fixture NAME
/// gives; Golden/cases/*.golden hold small modules (an <c>input</c> section is the config, <c>file:PATH</c>
/// sections other files). An <c>output</c> section is the converted config; a missing one means the
/// config is left unchanged. A <c>diagnostics</c> section lists what the converter said, paths
/// relative to the module. UPDATE_GOLDEN=1 rewrites them.
/// </summary>
public sealed class GoldenConversionTests
{
    private static string GoldenDirectory => RepoPaths.Combine("tests", "Converter.Tests", "Golden");

    public static TheoryData<string> FixtureNames => [.. Directory.GetDirectories(ModuleCopy.FixturesDirectory).Select(d => Path.GetFileName(d)).Order(StringComparer.Ordinal)];

    public static TheoryData<string> CaseNames => [.. Directory.GetFiles(Path.Combine(GoldenDirectory, "cases"), "*.golden").Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Fixture(string fixture)
    {
        // A fixture that needs other modules is converted as `convert --with` converts it, after them.
        var first = ModuleFixtures.ConfiguredFirst(fixture);
        var after = first.Count == 0 ? string.Empty : " with " + string.Join(" ", first.Select(d => "--with " + Path.GetFileName(d)));
        var golden = Golden.LoadOrStart(Path.Combine(GoldenDirectory, "fixtures", fixture + ".golden"), $"Converting tests/fixtures/modules/{fixture}{after}.\n");
        using var copy = ModuleCopy.OfFixture(fixture);
        Check(golden, copy, new ConversionOptions(), first);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case(string name)
    {
        var golden = Golden.Load(Path.Combine(GoldenDirectory, "cases", name + ".golden"));
        var files = golden.SectionNames.Where(s => s.StartsWith("file:", StringComparison.Ordinal)).Select(s => (s[5..], golden.Section(s)!)).Append(("config", golden.Section("input")!));
        using var copy = ModuleCopy.Of(files);
        Check(golden, copy, new ConversionOptions(Compatibility: !golden.Header.Contains("--no-compat", StringComparison.Ordinal)));
    }

    private static void Check(Golden golden, ModuleCopy copy, ConversionOptions options, IReadOnlyList<string>? configuredFirst = null)
    {
        var input = File.ReadAllText(copy.ConfigPath);
        var module = ModuleDirectory.Load(copy.Path).WithConfiguredFirst((configuredFirst ?? []).Select(ModuleDirectory.Load));
        var result = ConfigConverter.Convert(module, options);
        var diagnostics = string.Concat(result.Diagnostics.Select(d => d.ToString().Replace(copy.Path + "/", string.Empty, StringComparison.Ordinal) + "\n"));
        golden.AssertSection("diagnostics", diagnostics, whenMissing: string.Empty);
        golden.AssertSection("output", result.ConvertedText ?? input, whenMissing: input);
        Assert.Equal(result.Status == ConversionStatus.Converted, result.ConvertedText is not null);
        if (result.Status != ConversionStatus.Converted)
        {
            Assert.NotEmpty(result.Diagnostics);
        }

        if (result.ConvertedText is { } converted)
        {
            // Converting the result again changes nothing.
            File.WriteAllText(copy.ConfigPath, converted);
            var again = ConfigConverter.Convert(ModuleDirectory.Load(copy.Path), options);
            Assert.Equal(ConversionStatus.Unchanged, again.Status);
        }
    }
}
