using ConfigConvert.ShellParser;

namespace ConfigConvert.Benchmarks;

/// <summary>The inputs benchmarks run on, found from the repository root.</summary>
internal static class Inputs
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ConfigConvert.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("run the benchmarks from inside the repository");
        }
    }

    /// <summary>A typical old-style config: the sample module's.</summary>
    public static string TypicalConfig => File.ReadAllText(Path.Combine(Root, "samples", "ngx_http_hello_module", "config"));

    /// <summary>About a megabyte of real-shaped config text: every valid corpus script, repeated.</summary>
    public static string LargeConfig
    {
        get
        {
            var corpus = Path.Combine(Root, "tests", "ShellParser.Tests", "Corpus", "valid");
            var scripts = Directory.GetFiles(corpus, "*.sh").Order(StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .Where(text => !text.Contains('\0') && !SyntaxTree.ParseText(text).HasErrors)
                .ToArray();
            var builder = new System.Text.StringBuilder();
            while (builder.Length < 1_000_000)
            {
                foreach (var script in scripts)
                {
                    // Each script on its own lines, so an unfinished here-document cannot swallow the next.
                    builder.Append(script).Append("\n:\n");
                }
            }

            return builder.ToString();
        }
    }
}
