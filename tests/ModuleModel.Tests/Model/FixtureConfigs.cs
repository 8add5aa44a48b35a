using ConfigConvert.ShellParser;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Model;

/// <summary>Every module config under tests/fixtures, for tests that must hold of all of them.</summary>
internal static class FixtureConfigs
{
    /// <summary>Each fixture config (in path order) in each link mode: its module directory, the mode, and its parsed tree.</summary>
    public static IEnumerable<(string Directory, LinkMode Link, SyntaxTree Config)> InEveryLinkMode()
    {
        var configs = Directory.GetFiles(RepoPaths.Combine("tests", "fixtures"), "config", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(configs);
        foreach (var path in configs)
        {
            var tree = SyntaxTree.ParseText(File.ReadAllText(path), path);
            foreach (var link in Enum.GetValues<LinkMode>())
            {
                yield return (Path.GetDirectoryName(path)!, link, tree);
            }
        }
    }
}
