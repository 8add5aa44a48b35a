using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers.Tests.Catalogue;

/// <summary>An example written out to a temporary module directory, with the findings its markers expect.</summary>
internal sealed class ExampleModule : IDisposable
{
    private ExampleModule(string directory, List<ExpectedFinding> expected)
    {
        Directory = directory;
        Expected = expected;
    }

    public string Directory { get; }

    public List<ExpectedFinding> Expected { get; }

    public static ExampleModule Write(RuleExample example, string defaultId)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cc-example-" + Guid.NewGuid().ToString("N"));
        var expected = new List<ExpectedFinding>();
        foreach (var file in example.Files)
        {
            var (text, findings) = ExampleMarkup.Parse(file.Path, file.Text, defaultId);
            var path = Path.Combine(directory, file.Path);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            expected.AddRange(findings);
        }

        return new ExampleModule(directory, expected);
    }

    public string Relative(string? path) => path is null ? "(none)" : Path.GetRelativePath(Directory, path).Replace('\\', '/');

    /// <summary>Applies every fix of <paramref name="reported"/> to the files and compares them with <paramref name="expected"/>.</summary>
    public void AssertFixesGive(IEnumerable<Diagnostic> reported, ImmutableArray<ExampleFile> expected)
    {
        var changes = reported.SelectMany(d => d.Fixes).SelectMany(f => f.Changes).GroupBy(c => c.Path);
        var fixedTexts = changes.ToDictionary(g => Relative(g.Key), g => new ConfigConvert.Fixes.Fix("all", g).Apply(g.Key, File.ReadAllText(g.Key)));
        foreach (var file in expected)
        {
            Assert.True(fixedTexts.TryGetValue(file.Path, out var text), $"{file.Path}: no fix changed it");
            Assert.Equal(file.Text, text);
        }

        Assert.Empty(fixedTexts.Keys.Except(expected.Select(f => f.Path)));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is not worth failing a test over.
        }
    }
}
