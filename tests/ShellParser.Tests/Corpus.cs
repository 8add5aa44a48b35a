using ConfigConvert.TestSupport;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser.Tests;

/// <summary>The shell scripts under Corpus/: valid ones dash accepts, invalid ones it rejects, and bash-isms.</summary>
internal static class Corpus
{
    public static string Directory => RepoPaths.Combine("tests", "ShellParser.Tests", "Corpus");

    public static IEnumerable<string> Files(string folder)
        => System.IO.Directory.EnumerateFiles(Path.Combine(Directory, folder), "*.sh").Order(StringComparer.Ordinal);

    public static IEnumerable<string> AllFiles => Files("valid").Concat(Files("invalid")).Concat(Files("bashisms"));

    public static TheoryData<string> Names(string folder)
    {
        var data = new TheoryData<string>();
        foreach (var file in Files(folder))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static SourceText Read(string folder, string name) => SourceText.From(File.ReadAllBytes(Path.Combine(Directory, folder, name)));
}
