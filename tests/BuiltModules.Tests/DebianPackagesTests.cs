using System.Globalization;
using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>Debian's own module packages, read by inspect and cross-checked against readelf, nm and the real nginx.</summary>
public sealed partial class DebianPackagesTests
{
    private const string Modules = "/usr/lib/nginx/modules/";

    public static TheoryData<string, string> Packages => new()
    {
        { "ngx_stream_module.so", "libnginx-mod-stream" },
        { "ngx_mail_module.so", "libnginx-mod-mail" },
        { "ngx_stream_geoip_module.so", "libnginx-mod-stream-geoip" },
        { "ngx_http_geoip_module.so", "libnginx-mod-http-geoip" },
        { "ngx_http_echo_module.so", "libnginx-mod-http-echo" },
        { "ndk_http_module.so", "libnginx-mod-http-ndk" },
        { "ngx_http_set_misc_module.so", "libnginx-mod-http-set-misc" },
    };

    [Trait("Requires", "nginx")]
    [Theory]
    [MemberData(nameof(Packages))]
    public void A_Debian_module_is_read_as_readelf_and_nm_see_it(string file, string package)
    {
        var path = Require(file, package);
        var report = Assert.Single(BuiltModuleInspector.Inspect([path]).SharedObjects);
        Assert.Empty(report.Diagnostics);

        var symbols = DynamicSymbols(path);
        Assert.Equal(symbols.Single(s => s.Name == "ngx_modules").Size / 8 - 1, report.Modules.Length);
        Assert.All(report.Modules, m => Assert.Contains(symbols, s => s.Name == m.Name && s.Type == "OBJECT" && s.Size == 200 && s.Section != "UND"));

        var needed = ExternalTool.Run("readelf", ["-d", "-W", path]).StandardOutput;
        Assert.Equal(NeededLine().Matches(needed).Select(m => m.Groups[1].Value), report.NeededLibraries.Select(l => l.Name));

        var fromLibraries = report.NeededLibraries.Select(l => l.Path!).Append("/lib/x86_64-linux-gnu/libc.so.6")
            .SelectMany(l => ExternalTool.Run("nm", ["-D", "--defined-only", l]).StandardOutput.Split('\n'))
            .Select(l => l.Split(' ').Last().Split('@')[0]).ToHashSet();
        var expected = symbols.Where(s => s.Section == "UND" && s.Binding != "WEAK" && s.Name.Length > 0 && !fromLibraries.Contains(s.Name)).Select(s => s.Name).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, report.SymbolsFromNginx);

        var version = Regex.Match(ExternalTool.Run(RealNginx.Binary, ["-v"]).StandardError, @"nginx/(\d+\.\d+\.\d+)").Groups[1].Value;
        var signatures = ExternalTool.Run("strings", ["-a", path]).StandardOutput.Split('\n').Where(l => SignatureLine().IsMatch(l)).Distinct();
        Assert.All(report.Modules, m => Assert.Equal(version, m.Version.ToString()));
        Assert.Equal(Assert.Single(signatures), report.Modules.Select(m => m.Signature.Text).Distinct().Single());
        Assert.Equal($"nginx (>= {version}), nginx (<< {report.Packages!.Version.NextPatch})", report.Packages.Deb);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Debian_packages_depend_on_the_abi_inspect_names()
    {
        var path = Require("ngx_http_echo_module.so", "libnginx-mod-http-echo");
        var depends = ExternalTool.Run("dpkg-query", ["-W", "-f", "${Depends}", "libnginx-mod-http-echo"]).StandardOutput;
        var abi = Assert.Single(BuiltModuleInspector.Inspect([path]).SharedObjects).Packages!.DebianAbi;
        Assert.NotNull(abi);
        Assert.Contains(abi, depends.Split(", "));
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Debian_modules_in_the_wrong_order_fail_as_nginx_says()
    {
        var setMisc = Require("ngx_http_set_misc_module.so", "libnginx-mod-http-set-misc");
        var ndk = Require("ndk_http_module.so", "libnginx-mod-http-ndk");
        var streamGeoip = Require("ngx_stream_geoip_module.so", "libnginx-mod-stream-geoip");
        var stream = Require("ngx_stream_module.so", "libnginx-mod-stream");
        var root = Directory.CreateTempSubdirectory("cc-debian-").FullName;
        try
        {
            var configuration = Path.Combine(root, "nginx.conf");
            File.WriteAllText(configuration, $"pid {root}/nginx.pid;\nload_module {setMisc};\nload_module {ndk};\nload_module {setMisc};\nload_module {streamGeoip};\nload_module {stream};\nload_module {streamGeoip};\nevents {{ }}\n");
            var report = BuiltModuleInspector.Preflight(RealNginx.Binary, configuration, root);
            Assert.Equal([false, true, true, false, true, true], report.Outcomes.Select(o => o.Loads).ToArray());
            var predicted = report.Outcomes.Where(o => !o.Loads).Select(o => new RealNginx.Emergency(o.Failure!.Message, o.Directive!.Path, o.NginxLine));
            Assert.Equal(RealNginx.AllFailures(configuration, root + "/"), predicted);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Require(string file, string package)
    {
        RealNginx.Require();
        var path = Modules + file;
        Assert.True(File.Exists(path), $"{path} is required by this test and is not installed: apt-get install -y {package}");
        return path;
    }

    private static List<(string Name, long Size, string Type, string Binding, string Section)> DynamicSymbols(string path)
        => [.. ExternalTool.Run("readelf", ["--dyn-syms", "-W", path]).StandardOutput.Split('\n')
            .Select(l => SymbolLine().Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["name"].Value.Split('@')[0], long.Parse(m.Groups["size"].Value, CultureInfo.InvariantCulture), m.Groups["type"].Value, m.Groups["bind"].Value, m.Groups["ndx"].Value))];

    [GeneratedRegex(@"^\s*\d+:\s+[0-9a-f]+\s+(?<size>\d+)\s+(?<type>\w+)\s+(?<bind>\w+)\s+\w+\s+(?<ndx>\w+)\s+(?<name>\S+)")]
    private static partial Regex SymbolLine();

    [GeneratedRegex(@"\(NEEDED\)\s+Shared library: \[([^\]]+)\]")]
    private static partial Regex NeededLine();

    [GeneratedRegex(@"^\d+,\d+,\d+,[01]+$")]
    private static partial Regex SignatureLine();
}
