namespace ConfigConvert.TestSupport;

/// <summary>
/// The fixture modules under tests/fixtures/modules and what tests/fixtures/modules/fixtures.ini says
/// of each: style, configure flags, captured globals, whether it builds static and dynamic, and the
/// directives that prove it loaded.
/// </summary>
public static class ModuleFixtures
{
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
            }
            else if (current is not null && line.IndexOf('=') is > 0 and var equals)
            {
                current[line[..equals].Trim()] = line[(equals + 1)..].Trim();
            }
        }

        return sections;
    });

    /// <summary>tests/fixtures/modules.</summary>
    public static string Directory => RepoPaths.Combine("tests", "fixtures", "modules");

    /// <summary>tests/oracle.</summary>
    public static string OracleDirectory => RepoPaths.Combine("tests", "oracle");

    /// <summary>Every fixture, in order.</summary>
    public static IEnumerable<string> Names => Ini.Value.Keys.Order(StringComparer.Ordinal);

    /// <summary>A setting of a fixture, or <paramref name="fallback"/>.</summary>
    public static string Setting(string fixture, string key, string fallback = "")
        => Ini.Value.TryGetValue(fixture, out var section) && section.TryGetValue(key, out var value) ? value : fallback;

    /// <summary>The fixture's directory.</summary>
    public static string PathOf(string fixture) => Path.Combine(Directory, fixture);

    /// <summary>
    /// The fixtures configure must see first (<c>with = a b</c>: modules this one needs, each given with
    /// an earlier <c>--add-module</c>), as directories, in order.
    /// </summary>
    public static IReadOnlyList<string> ConfiguredFirst(string fixture)
        => [.. Setting(fixture, "with").Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(PathOf)];

    /// <summary>
    /// The environment configure runs in for the fixture (<c>environment = NAME=VALUE ...</c>; a relative
    /// VALUE is a path under the fixture's directory).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment(string fixture)
        => Setting(fixture, "environment").Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => Path.IsPathRooted(pair[1]) ? pair[1] : Path.Combine(PathOf(fixture), pair[1]), StringComparer.Ordinal);

    /// <summary>configure's flags for the fixture: its own, then an <c>--add-module</c> (or <c>--add-dynamic-module</c>) for each module it needs first.</summary>
    public static string ConfigureFlags(string fixture, bool dynamic)
        => string.Join(' ', ConfiguredFirst(fixture).Select(d => (dynamic ? "--add-dynamic-module=" : "--add-module=") + d).Prepend(Setting(fixture, "configure")).Where(f => f.Length > 0));

    /// <summary>The directives for load-module.sh, by context (main, http, stream, mail).</summary>
    public static IReadOnlyDictionary<string, string> Directives(string fixture)
        => new[] { "main", "http", "stream", "mail" }.ToDictionary(k => k, k => Setting(fixture, k));
}
