using System.Text;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Benchmarks;

/// <summary>
/// The inputs the benchmarks run on, built at run time from the repository's own fixtures and, where
/// installed, nginx's own scripts (nothing third-party is kept in the repository). The same inputs
/// are built in the host process, where the columns need their sizes, and in each benchmark process.
/// </summary>
internal static class Inputs
{
    /// <summary>About 9.9 MB, as in <c>benchmarks/compare.sh</c>.</summary>
    public const int LargeConfigBytes = 99 * 1024 * 1024 / 10;

    /// <summary>How much C text the generated tree holds when <c>CC_BENCH_C_TREE</c> names none.</summary>
    public const long GeneratedCTreeBytes = 16L * 1024 * 1024;

    private static readonly Lazy<string> Large = new(BuildLargeConfig);
    private static readonly Lazy<string> CTree = new(FindOrBuildCTree);

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

    /// <summary>A typical old-style config: three HTTP modules with shared deps (tests/fixtures/modules/http_multi).</summary>
    public static string TypicalConfig => File.ReadAllText(Path.Combine(Root, "tests", "fixtures", "modules", "http_multi", "config"));

    /// <summary>A large multi-type module: core and HTTP modules of a package with its own C sources.</summary>
    public static string MultiTypeModule => Path.Combine(Root, "tests", "fixtures", "checks", "beacon_multitype");

    /// <summary>
    /// About 9.9 MB of real config scripts: nginx's auto/ scripts (<c>NGINX_AUTO</c>, by default
    /// <c>/usr/share/nginx/src/auto</c>, from nginx-dev) when installed, else the parser tests' valid
    /// corpus; each script whole and on its own lines, repeated until the size is reached.
    /// </summary>
    public static string LargeConfig => Large.Value;

    /// <summary>
    /// A directory of C sources: <c>CC_BENCH_C_TREE</c> when set, else a tree generated once under the
    /// temporary directory by copying the fixtures' <c>.c</c> and <c>.h</c> files until it holds about 16 MB.
    /// </summary>
    public static string CSourceTree => CTree.Value;

    /// <summary>Bytes of <c>.c</c> and <c>.h</c> files under <paramref name="directory"/>.</summary>
    public static long CBytes(string directory)
        => Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);

    private static string BuildLargeConfig()
    {
        var auto = Environment.GetEnvironmentVariable("NGINX_AUTO") ?? "/usr/share/nginx/src/auto";
        var sources = Directory.Exists(auto)
            ? Directory.GetFiles(auto, "*", SearchOption.AllDirectories)
            : Directory.GetFiles(Path.Combine(Root, "tests", "ShellParser.Tests", "Corpus", "valid"), "*.sh");
        var scripts = sources.Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .Where(text => !text.Contains('\0') && !SyntaxTree.ParseText(text).HasErrors)
            .ToArray();
        var builder = new StringBuilder(LargeConfigBytes + 100_000);
        while (Encoding.UTF8.GetByteCount(builder.ToString()) < LargeConfigBytes)
        {
            foreach (var script in scripts)
            {
                // Each script on its own lines, so an unfinished here-document cannot swallow the next.
                builder.Append(script).Append("\n:\n");
            }
        }

        return builder.ToString();
    }

    private static string FindOrBuildCTree()
    {
        if (Environment.GetEnvironmentVariable("CC_BENCH_C_TREE") is { Length: > 0 } given)
        {
            return Path.GetFullPath(given);
        }

        var tree = Path.Combine(Path.GetTempPath(), "configconvert-bench-c-tree");
        if (Directory.Exists(tree) && CBytes(tree) >= GeneratedCTreeBytes)
        {
            return tree;
        }

        var fixtures = Path.Combine(Root, "tests", "fixtures");
        var files = Directory.GetFiles(fixtures, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        long written = 0;
        for (var copy = 0; written < GeneratedCTreeBytes; copy++)
        {
            foreach (var file in files)
            {
                var target = Path.Combine(tree, $"copy{copy:D4}", Path.GetRelativePath(fixtures, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
                written += new FileInfo(file).Length;
            }
        }

        return tree;
    }
}
