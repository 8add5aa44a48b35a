namespace ConfigConvert.Converter.Tests.Conformance;

/// <summary>tests/fixtures/modules/fixtures.ini: how to build and load each fixture.</summary>
internal static class Fixtures
{
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Ini = new(() =>
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var raw in File.ReadAllLines(Path.Combine(ModuleCopy.FixturesDirectory, "fixtures.ini")))
        {
            var line = raw.Trim();
            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections[line[1..^1]] = current;
            }
            else if (current is not null && !line.StartsWith('#') && line.IndexOf('=') is > 0 and var equals)
            {
                current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return sections;
    });

    public static IEnumerable<string> Names => Ini.Value.Keys.Order(StringComparer.Ordinal);

    public static string Setting(string fixture, string key) => Ini.Value[fixture].GetValueOrDefault(key, string.Empty);

    public static IReadOnlyDictionary<string, string> Directives(string fixture)
        => new[] { "main", "http", "stream", "mail" }.ToDictionary(k => k, k => Setting(fixture, k));
}
