using System.Text.Json;
using ConfigConvert.TestSupport;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary><c>ngx-convert inspect</c> and <c>preflight</c> run as a user runs them: output, JSON shape and exit codes.</summary>
[Collection(BuiltCollection.Name)]
public sealed class CommandLineTests(BuiltFixtures built) : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-cli-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Trait("Requires", "nginx")]
    [Fact]
    public void Inspect_prints_modules_signature_order_symbols_and_package_dependencies()
    {
        var result = Run("inspect", built.Pair);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  module ngx_http_built_pair_filter_module\n    type:      HTTP (NGX_HTTP_MODULE)\n    version:   1.22.1 (1022001)\n    signature: 8,4,8,", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("      compat:  built with --with-compat\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("  order: ngx_http_built_pair_filter_module ngx_http_built_pair_module ngx_http_copy_filter_module\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("ngx_http_top_header_filter", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    deb (nginx.org, pkg-oss): Depends: nginx (>= 1.22.1), nginx (<< 1.22.2)\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("    rpm (nginx.org, pkg-oss): Requires: nginx-r1.22.1\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Inspect_against_nginx_prints_what_nginx_says_and_exits_1()
    {
        var result = Run("inspect", built.ProviderNextVersion, built.Provider, "--against", RealNginx.Binary);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"    nginx: [emerg] module \"{built.ProviderNextVersion}\" version 1022002 instead of 1022001\n", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"  load_module {built.Provider}: loads (ngx_http_built_provider_module)\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Inspect_json_has_the_documented_shape()
    {
        var result = Run("inspect", built.ProviderWithoutCompat, "--against", RealNginx.Binary, "--format", "json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.StandardOutput);
        var file = json.RootElement.GetProperty("files")[0];
        var module = file.GetProperty("modules")[0];
        Assert.Equal("ngx_http_built_provider_module", module.GetProperty("name").GetString());
        Assert.Equal("HTTP", module.GetProperty("type").GetString());
        Assert.Equal(1022001, module.GetProperty("versionNumber").GetInt64());
        Assert.False(module.GetProperty("signature").GetProperty("withCompat").GetBoolean());
        Assert.Equal(34, module.GetProperty("signature").GetProperty("features").GetArrayLength());
        foreach (var field in new[] { "order", "neededLibraries", "symbolsFromNginx", "diagnostics" })
        {
            Assert.Equal(JsonValueKind.Array, file.GetProperty(field).ValueKind);
        }

        Assert.Equal("nginx-r1.22.1", file.GetProperty("packages").GetProperty("rpm").GetString()![10..]);
        var outcome = json.RootElement.GetProperty("against").GetProperty("outcomes")[0];
        Assert.False(outcome.GetProperty("loads").GetBoolean());
        var failure = outcome.GetProperty("failure");
        Assert.Equal("CC6204", failure.GetProperty("id").GetString());
        Assert.Equal("notBinaryCompatible", failure.GetProperty("kind").GetString());
        Assert.Equal(4, failure.GetProperty("differences").GetArrayLength());
        Assert.Equal("1.22.1", json.RootElement.GetProperty("against").GetProperty("nginx").GetProperty("version").GetString());
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Inspect_of_a_missing_file_exits_2_and_still_reads_the_others()
    {
        var result = Run("inspect", Path.Combine(_root, "missing.so"), built.Provider);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{_root}/missing.so(1,1): error CC6001: cannot read `{_root}/missing.so`: no such file", result.StandardError, StringComparison.Ordinal);
        Assert.Contains("  module ngx_http_built_provider_module\n", result.StandardOutput, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Inspect_of_a_file_that_is_no_module_exits_1()
    {
        var text = Path.Combine(_root, "text.so");
        File.WriteAllText(text, "not an ELF file at all\n");
        var result = Run("inspect", text);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error CC6002:", result.StandardError, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Preflight_exit_codes_say_whether_the_upgrade_would_fail()
    {
        Write("modules.conf", $"load_module {built.Provider};\n");
        var good = Write("good.conf", "include modules.conf;\nevents { }\n");
        var bad = Write("bad.conf", $"include modules.conf;\nload_module {built.ProviderNextVersion};\nevents {{ }}\n");
        var ok = Run("preflight", "--conf", good, "--nginx", RealNginx.Binary);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("nginx -t would load all 1 load_module lines\n", ok.StandardOutput, StringComparison.Ordinal);

        var failing = Run("preflight", "--conf", bad, "--nginx", RealNginx.Binary, "--prefix", _root);
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains($"{bad}(2,1): error CC6203: module \"{built.ProviderNextVersion}\" version 1022002 instead of 1022001\n", failing.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"    nginx: [emerg] module \"{built.ProviderNextVersion}\" version 1022002 instead of 1022001 in {bad}:2\n", failing.StandardOutput, StringComparison.Ordinal);

        var json = Run("preflight", "--conf", bad, "--nginx", RealNginx.Binary, "--format", "json");
        using var document = JsonDocument.Parse(json.StandardOutput);
        Assert.True(document.RootElement.GetProperty("wouldFail").GetBoolean());
        Assert.Equal(2, document.RootElement.GetProperty("outcomes").GetArrayLength());
        Assert.Equal(2, document.RootElement.GetProperty("files").GetArrayLength());
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Preflight_with_an_include_loop_or_an_unreadable_binary_is_reported()
    {
        var loop = Write("loop.conf", "include loop.conf;\n");
        var looped = Run("preflight", "--conf", loop, "--nginx", RealNginx.Binary);
        Assert.Equal(1, looped.ExitCode);
        Assert.Contains("error CC6102:", looped.StandardError, StringComparison.Ordinal);

        var noBinary = Run("preflight", "--conf", loop, "--nginx", Path.Combine(_root, "no-nginx"));
        Assert.Equal(2, noBinary.ExitCode);
        Assert.Contains("error CC6001:", noBinary.StandardError, StringComparison.Ordinal);

        var noConfiguration = Run("preflight", "--conf", Path.Combine(_root, "none.conf"), "--nginx", RealNginx.Binary);
        Assert.Equal(2, noConfiguration.ExitCode);
        Assert.Contains($"error CC6103: open() \"{_root}/none.conf\" failed (2: No such file or directory)", noConfiguration.StandardError, StringComparison.Ordinal);

        var usage = Run("preflight", "--conf", loop);
        Assert.Equal(2, usage.ExitCode);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void Preflight_of_a_chain_of_files_each_included_twice_lists_each_file_once()
    {
        // c0.conf ... c29.conf each include the next twice: nginx reads c30.conf 2^30 times.
        for (var i = 0; i < 30; i++)
        {
            Write($"c{i}.conf", $"include c{i + 1}.conf;\ninclude c{i + 1}.conf;\n");
        }

        Write("c30.conf", "# the end\n");
        var configuration = Write("nginx.conf", "include c0.conf;\nevents { }\n");
        var plain = Run("preflight", "--conf", configuration, "--nginx", RealNginx.Binary, "--format", "json");
        Assert.Equal(0, plain.ExitCode);
        using (var json = JsonDocument.Parse(plain.StandardOutput))
        {
            Assert.Equal(32, json.RootElement.GetProperty("files").GetArrayLength());
            Assert.Equal(0, json.RootElement.GetProperty("outcomes").GetArrayLength());
        }

        Write("c30.conf", $"load_module {built.Provider};\n");
        var loads = Run("preflight", "--conf", configuration, "--nginx", RealNginx.Binary);
        Assert.Equal(1, loads.ExitCode);
        Assert.StartsWith($"configuration {configuration} (32 files), ", loads.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("nginx -t would fail: 1023 of 1024 load_module lines refused, and the configuration has errors\n", loads.StandardOutput, StringComparison.Ordinal);
        Assert.Contains($"{_root}/c30.conf(1,1): error CC6105: more than 1024 load_module directives", loads.StandardError, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static ExternalTool.Result Run(params string[] arguments)
    {
        var tool = Path.Combine(AppContext.BaseDirectory, "ngx-convert.dll");
        return ExternalTool.Run("dotnet", [tool, .. arguments], timeout: TimeSpan.FromMinutes(2));
    }
}
