using ConfigConvert.TestSupport;

namespace ConfigConvert.Converter.Tests;

/// <summary>A copy of a fixture module (or a module made of given files) in a temporary directory.</summary>
internal sealed class ModuleCopy : IDisposable
{
    private ModuleCopy(string path) => Path = path;

    public string Path { get; }

    public string ConfigPath => System.IO.Path.Combine(Path, "config");

    public static string FixturesDirectory => ModuleFixtures.Directory;

    public static ModuleCopy OfFixture(string fixture)
    {
        var copy = Create();
        CopyDirectory(System.IO.Path.Combine(FixturesDirectory, fixture), copy.Path);
        return copy;
    }

    public static ModuleCopy Of(IEnumerable<(string Path, string Content)> files)
    {
        var copy = Create();
        foreach (var (relative, content) in files)
        {
            var full = System.IO.Path.Combine(copy.Path, relative);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return copy;
    }

    private static ModuleCopy Create()
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-convert-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return new ModuleCopy(path);
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, System.IO.Path.Combine(to, System.IO.Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, System.IO.Path.Combine(to, System.IO.Path.GetFileName(directory)));
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
