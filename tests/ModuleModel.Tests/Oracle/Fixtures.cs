using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>The fixture modules under tests/fixtures/modules and what fixtures.ini says of each.</summary>
internal static class Fixtures
{
    public static string Directory => RepoPaths.Combine("tests", "fixtures", "modules");

    public static string OracleDirectory => RepoPaths.Combine("tests", "oracle");

    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Ini = new(() =>
    {
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        Dictionary<string, string>? current = null;
        foreach (var raw in File.ReadAllLines(Path.Combine(Directory, "fixtures.ini")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                sections[line[1..^1]] = current;
                continue;
            }

            var equals = line.IndexOf('=');
            if (current is not null && equals > 0)
            {
                current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return sections;
    });

    public static IEnumerable<string> Names => Ini.Value.Keys.Order(StringComparer.Ordinal);

    public static string Setting(string fixture, string key, string fallback = "")
        => Ini.Value.TryGetValue(fixture, out var section) && section.TryGetValue(key, out var value) ? value : fallback;

    public static string PathOf(string fixture) => System.IO.Path.Combine(Directory, fixture);

    public static ReferenceBuild Globals(string fixture)
    {
        var prefix = Setting(fixture, "globals", "initial-globals");
        return ReferenceBuild.FromShellAssignments(prefix, File.ReadAllText(System.IO.Path.Combine(OracleDirectory, prefix + ".sh")));
    }
}
