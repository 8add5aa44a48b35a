using System.Text;

namespace ConfigConvert.Fuzz;

/// <summary>Reads the repository's fixtures as seeds.</summary>
internal static class FixtureFiles
{
    /// <summary>Files under <paramref name="relativeDirectory"/> whose name matches, as seeds named by their relative path.</summary>
    public static IEnumerable<Seed> Files(string repository, string relativeDirectory, Func<string, bool> nameMatches)
    {
        var root = Path.Combine(repository, relativeDirectory);
        if (!Directory.Exists(root))
        {
            return [];
        }

        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => nameMatches(Path.GetFileName(f)) && !IsBuildOutput(Path.GetRelativePath(repository, f)))
            .Order(StringComparer.Ordinal)
            .Select(f => new Seed(Path.GetRelativePath(repository, f), File.ReadAllBytes(f)));
    }

    /// <summary>The <c>-- input --</c> sections of the golden files under <paramref name="relativeDirectory"/>, byte for byte.</summary>
    public static IEnumerable<Seed> GoldenInputs(string repository, string relativeDirectory)
        => Files(repository, relativeDirectory, name => name.EndsWith(".golden", StringComparison.Ordinal))
            .Select(s => InputSection(s.Content) is { } input ? new Seed(s.Origin + ".input", input) : null)
            .OfType<Seed>();

    /// <summary>Each module directory below <paramref name="relativeDirectory"/> (a folder holding <c>config</c>), as a <see cref="ModuleInput"/>.</summary>
    public static IEnumerable<Seed> Modules(string repository, string relativeDirectory)
        => Files(repository, relativeDirectory, name => name == "config")
            .Select(config => Path.GetDirectoryName(Path.Combine(repository, config.Origin))!)
            .Select(directory => new Seed(Path.GetRelativePath(repository, directory), ModuleInput.Join(ModuleFiles(directory))));

    private static IEnumerable<(string Name, byte[] Content)> ModuleFiles(string directory)
        => Directory.EnumerateFiles(directory)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name == "config" || ModuleInput.IsSourceName(name))
            .OrderBy(name => name == "config" ? 0 : 1).ThenBy(name => name, StringComparer.Ordinal)
            .Select(name => (name, File.ReadAllBytes(Path.Combine(directory, name))));

    private static byte[]? InputSection(byte[] golden)
    {
        var marker = "-- input --\n"u8.ToArray();
        var start = golden.AsSpan().IndexOf(marker);
        if (start < 0)
        {
            return null;
        }

        var body = golden.AsSpan(start + marker.Length);
        var end = body.IndexOf("\n-- "u8);
        return (end < 0 ? body : body[..(end + 1)]).ToArray();
    }

    private static bool IsBuildOutput(string relativePath)
        => relativePath.Replace('\\', '/').Split('/').Any(segment => segment is "bin" or "obj");

    /// <summary>A seed written here, for a target whose inputs the fixtures do not hold.</summary>
    public static Seed Text(string origin, string text) => new(origin, Encoding.UTF8.GetBytes(text));
}
