using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>
/// The fixture modules of tests/fixtures/built, built once per test run with the real configure and
/// <c>make modules</c> (tests/oracle/build-dynamic.sh), three ways at once: as Debian's nginx was
/// built (its conf_flags, --with-compat); from a copy of the nginx sources whose
/// <c>nginx_version</c> is one patch level higher; and without --with-compat and --with-threads.
/// </summary>
public sealed partial class BuiltFixtures : IDisposable
{
    public BuiltFixtures()
    {
        RealNginx.Require();
        Root = Directory.CreateTempSubdirectory("cc-built-").FullName;
        var nextSource = CopySource("src-next", dir => EditFile(Path.Combine(dir, "src", "core", "nginx.h"), NginxVersionLine(), m => $"{m.Groups[1].Value}{long.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) + 1}"));
        var plainSource = CopySource("src-plain", dir => EditFile(Path.Combine(dir, "conf_flags"), CompatAndThreads(), _ => string.Empty));
        var builds = new[]
        {
            Task.Run(() => Build(RealNginx.Source, "debian", "provider", "consumer", "pair", "many")),
            Task.Run(() => Build(nextSource, "next", "provider")),
            Task.Run(() => Build(plainSource, "plain", "provider")),
        };
        Task.WaitAll(builds);
    }

    /// <summary>Where everything is built; removed at the end.</summary>
    public string Root { get; }

    public string Provider => Built("debian", "ngx_http_built_provider_module.so");

    public string Consumer => Built("debian", "ngx_http_built_consumer_module.so");

    public string Pair => Built("debian", "ngx_http_built_pair_filter_module.so");

    public string Many => Built("debian", "ngx_built_many_000_module.so");

    public string ProviderNextVersion => Built("next", "ngx_http_built_provider_module.so");

    public string ProviderWithoutCompat => Built("plain", "ngx_http_built_provider_module.so");

    public static string Fixture(string name) => RepoPaths.Combine("tests", "fixtures", "built", name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private string Built(string build, string file)
    {
        var path = Path.Combine(Root, build, file);
        Assert.True(File.Exists(path), $"{path} was not built");
        return path;
    }

    private void Build(string source, string name, string first, params string[] more)
    {
        var arguments = new List<string> { RealNginx.Oracle("build-dynamic.sh"), "-s", source, Fixture(first), Path.Combine(Root, name) };
        arguments.AddRange(more.Select(m => "--add-dynamic-module=" + Fixture(m)));
        var result = ExternalTool.Run("bash", arguments, timeout: TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"build {name} failed: {result.StandardError}");
    }

    private string CopySource(string name, Action<string> edit)
    {
        var target = Path.Combine(Root, name);
        var copy = ExternalTool.Run("cp", ["-R", RealNginx.Source, target]);
        Assert.True(copy.ExitCode == 0, copy.StandardError);
        edit(target);
        return target;
    }

    private static void EditFile(string path, Regex pattern, MatchEvaluator replace)
    {
        var text = File.ReadAllText(path);
        var edited = pattern.Replace(text, replace);
        Assert.NotEqual(text, edited);
        File.WriteAllText(path, edited);
    }

    [GeneratedRegex(@"^(#define nginx_version\s+)(\d+)$", RegexOptions.Multiline)]
    private static partial Regex NginxVersionLine();

    [GeneratedRegex(@" --with-(compat|threads)(?= |\))")]
    private static partial Regex CompatAndThreads();
}

[CollectionDefinition(Name)]
public sealed class BuiltCollection : ICollectionFixture<BuiltFixtures>
{
    public const string Name = "modules built with the real nginx";
}
