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
    private static readonly Lazy<string> ManyConditions = new(BuildManyConditionsModule);

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
    /// A module (generated once under the temporary directory) whose config runs 12 feature tests,
    /// each one's result read by the statement after it, and registers its module with
    /// <c>auto/module</c>: 4096 combinations, more than the 64 worlds the model runs.
    /// </summary>
    public static string ManyConditionsModule => ManyConditions.Value;

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

    private static string BuildManyConditionsModule()
    {
        var module = Path.Combine(Path.GetTempPath(), "configconvert-bench-many-conditions");
        Directory.CreateDirectory(module);
        var config = new StringBuilder("ngx_addon_name=ngx_http_many_module\nLIBS=\n");
        for (var i = 1; i <= 12; i++)
        {
            config.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                ngx_feature="feature {i}"
                ngx_feature_name=NGX_HAVE_F{i}
                ngx_feature_run=no
                ngx_feature_incs="#include <f{i}.h>"
                ngx_feature_path=
                ngx_feature_libs=-lf{i}
                ngx_feature_test="f{i}();"
                . auto/feature
                if [ $ngx_found = yes ]; then
                    LIBS="$LIBS -lf{i}"
                fi

                """);
        }

        config.Append("""
            ngx_module_type=HTTP
            ngx_module_name=ngx_http_many_module
            ngx_module_srcs="$ngx_addon_dir/many.c"
            ngx_module_libs="$LIBS"
            . auto/module

            """);
        File.WriteAllText(Path.Combine(module, "config"), config.ToString());
        File.WriteAllText(Path.Combine(module, "many.c"), "ngx_module_t ngx_http_many_module;\n");
        return module;
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
