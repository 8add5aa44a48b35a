using System.Text.Json;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Cli.Tests;

/// <summary>Snapshots of a directory tree: every entry's path, and each file's bytes, permissions and modification time.</summary>
internal static class TreeSnapshot
{
    public static SortedDictionary<string, string> Take(string root)
    {
        var entries = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in new DirectoryInfo(root).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            var key = Path.GetRelativePath(root, entry.FullName);
            entries[key] = entry is FileInfo file
                ? $"{Convert.ToHexString(File.ReadAllBytes(file.FullName))} {file.UnixFileMode} {file.LastWriteTimeUtc.Ticks}"
                : "directory";
        }

        return entries;
    }
}

/// <summary>
/// <c>ngx-convert verify</c> of an old-style fixture, run once with the real configure, make and nginx:
/// every step passes, the JSON report carries every run and its log, and the directory given is left
/// byte for byte as it was.
/// </summary>
public sealed class VerifyConvertedModuleTests : IClassFixture<VerifyConvertedModuleTests.Run>
{
    private readonly Run _run;

    public VerifyConvertedModuleTests(Run run) => _run = run;

    /// <summary>The verification, on a copy of the http_single fixture, with its directives from a file and the work directory kept.</summary>
    public sealed class Run : IDisposable
    {
        public Run()
        {
            RealTools.Require();
            var module = Path.Combine(Root, "user", "http_single");
            CopyDirectory(ModuleFixtures.PathOf("http_single"), module);
            var snippet = Path.Combine(Root, "http.conf");
            File.WriteAllText(snippet, ModuleFixtures.Setting("http_single", "http") + "\n");
            Before = TreeSnapshot.Take(Path.Combine(Root, "user"));
            Result = CliRunner.Run("verify", module, "--format", "json", "--keep", Kept, "--directives", snippet);
            After = TreeSnapshot.Take(Path.Combine(Root, "user"));
            Report = JsonDocument.Parse(Result.Out);
        }

        public string Root { get; } = Directory.CreateTempSubdirectory("cc-verify-cli-").FullName;

        public string Kept => Path.Combine(Root, "kept");

        internal CliRunner.Result Result { get; }

        public JsonDocument Report { get; }

        public SortedDictionary<string, string> Before { get; }

        public SortedDictionary<string, string> After { get; }

        public void Dispose()
        {
            Report.Dispose();
            Directory.Delete(Root, recursive: true);
        }

        private static void CopyDirectory(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (var file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }

            foreach (var directory in Directory.GetDirectories(from))
            {
                CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
            }
        }
    }

    private JsonElement Root => _run.Report.RootElement;

    [Fact]
    public void It_is_proven_with_exit_code_0_and_every_step_passed()
    {
        Assert.True(_run.Result.ExitCode == 0, _run.Result.Out + _run.Result.Error);
        Assert.Equal("proven", Root.GetProperty("verdict").GetString());
        Assert.Equal("converted", Root.GetProperty("style").GetString());
        var steps = Root.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["convert", "static-configure", "static-comparison", "dynamic-build", "module-placement", "load"], steps.Select(s => s.GetProperty("step").GetString()));
        Assert.All(steps, s => Assert.Equal("passed", s.GetProperty("outcome").GetString()));
        Assert.Equal(["configure --add-module (original config)", "configure --add-module (converted config)"], Labels(steps[1]));
        Assert.Equal(["configure --add-dynamic-module", "make modules"], Labels(steps[3]));
        Assert.Equal(["configure (nginx alone, no module)"], Labels(steps[4]));
        Assert.Equal(["nginx -t"], Labels(steps[5]));
        Assert.Empty(Root.GetProperty("staticDifferences").EnumerateArray());
        Assert.Empty(Root.GetProperty("placementDifferences").EnumerateArray());
    }

    [Fact]
    public void The_shared_object_is_loaded_with_the_directives_of_the_snippet_file()
    {
        var so = Assert.Single(Root.GetProperty("sharedObjects").EnumerateArray()).GetString()!;
        Assert.EndsWith("/ngx_http_hello_module.so", so, StringComparison.Ordinal);
        var conf = Root.GetProperty("nginxConf").GetString()!;
        Assert.Contains($"load_module {so};\n", conf, StringComparison.Ordinal);
        Assert.Contains("hello_text \"hello\";", conf, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shared_object_holds_every_module_the_original_adds_to_a_static_nginx()
    {
        var sharedObject = Assert.Single(Root.GetProperty("sharedObjectModules").EnumerateArray());
        Assert.Equal("ngx_http_hello_module.so", sharedObject.GetProperty("sharedObject").GetString());
        Assert.Equal(["ngx_http_hello_module"], sharedObject.GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
        Assert.Contains("the 1 module the original static build adds to nginx is in the shared objects", Root.GetProperty("steps")[4].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_module_directory_given_is_unchanged_byte_for_byte()
    {
        Assert.NotEmpty(_run.Before);
        Assert.Equal(_run.Before, _run.After);
    }

    [Fact]
    public void The_kept_directory_holds_the_converted_copy_and_every_log()
    {
        Assert.Equal(_run.Kept, Root.GetProperty("keptDirectory").GetString());
        Assert.Contains(". auto/module", File.ReadAllText(Path.Combine(_run.Kept, "module", "http_single", "config")), StringComparison.Ordinal);
        var runs = Root.GetProperty("steps").EnumerateArray().SelectMany(s => s.GetProperty("runs").EnumerateArray()).ToList();
        Assert.Equal(6, runs.Count);
        foreach (var run in runs)
        {
            var log = run.GetProperty("logFile").GetString()!;
            Assert.StartsWith(Path.Combine(_run.Kept, "logs") + "/", log, StringComparison.Ordinal);
            Assert.Equal(run.GetProperty("output").GetString(), File.ReadAllText(log));
            Assert.Equal(0, run.GetProperty("exitCode").GetInt32());
        }
    }

    private static List<string?> Labels(JsonElement step) => [.. step.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("label").GetString())];
}

/// <summary><c>ngx-convert verify</c> of modules that need no conversion, or that nginx refuses, with the real tools.</summary>
public sealed class VerifyCommandTests
{
    [Trait("Requires", "nginx")]
    [Fact]
    public void A_new_style_module_is_configured_built_and_loaded_as_it_is()
    {
        RealTools.Require();
        var result = CliRunner.Run("verify", ModuleFixtures.PathOf("new_style"), "--http", ModuleFixtures.Setting("new_style", "http"));
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        var lines = result.Out.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("N/A   convert            the config is new style already", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  static configure   configure --add-module succeeded (", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("N/A   static comparison  no conversion to compare", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  dynamic build      make modules built ngx_http_crc_module.so", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  module placement   the 1 module the original static build adds to nginx is in the shared objects, and nginx's own module list is that of nginx alone", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS  load               nginx -t loaded ngx_http_crc_module.so and accepted the configuration", StringComparison.Ordinal));
        Assert.Contains("\nproven: the module builds and nginx loads it\n", result.Out, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_with_an_undefined_symbol_fails_the_load_step_with_nginx_message()
    {
        RealTools.Require();
        var result = CliRunner.Run("verify", RepoPaths.Combine("tests", "fixtures", "verify", "unresolved_symbol"));
        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        Assert.Contains("PASS  dynamic build      make modules built ngx_http_unresolved_module.so", result.Out, StringComparison.Ordinal);
        Assert.Contains("FAIL  load               nginx -t refused the configuration: [emerg] dlopen() ", result.Out, StringComparison.Ordinal);
        Assert.Contains("      | ", result.Out, StringComparison.Ordinal);
        Assert.Contains("undefined symbol: ngx_http_unresolved_helper", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("not proven: the load step failed\n", result.Out, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_that_crashes_nginx_is_said_to_have_killed_it_not_to_have_been_refused()
    {
        RealTools.Require();
        var result = CliRunner.Run("verify", RepoPaths.Combine("tests", "fixtures", "verify", "crashes_nginx"), "--http", "crash;");
        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        Assert.Contains("FAIL  load               nginx -t was killed by signal 11 (SIGSEGV): a module crashed it while it loaded the modules or read the configuration", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("not proven: the load step failed\n", result.Out, StringComparison.Ordinal);
    }

    /// <summary>
    /// A module whose config names files beside its directory (<c>$ngx_addon_dir/../common</c>, as njs's does) is copied
    /// with the directory above that holds them, so that its builds find them: converted, and proven.
    /// </summary>
    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_whose_config_names_files_beside_it_is_copied_with_them_and_proven()
    {
        RealTools.Require();
        using var temp = new TempDirectory();
        var kept = Path.Combine(temp.Path, "kept");
        var fixture = RepoPaths.Combine("tests", "fixtures", "verify", "beside_its_sources");
        var result = CliRunner.Run("verify", Path.Combine(fixture, "nginx"), "--keep", kept, "--format", "json");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal(("proven", "converted"), (json.RootElement.GetProperty("verdict").GetString(), json.RootElement.GetProperty("style").GetString()));
        Assert.Equal(File.ReadAllText(Path.Combine(fixture, "common", "beside_shared.c")), File.ReadAllText(Path.Combine(kept, "module", "beside_its_sources", "common", "beside_shared.c")));
        Assert.Equal(File.ReadAllText(Path.Combine(fixture, "nginx", "config")), File.ReadAllText(Path.Combine(kept, "original", "beside_its_sources", "nginx", "config")));
        Assert.Contains(". auto/module", File.ReadAllText(Path.Combine(kept, "module", "beside_its_sources", "nginx", "config")), StringComparison.Ordinal);
    }

    /// <summary>
    /// A config that is a link to a file elsewhere is copied as a link; the converted config replaces the link in the
    /// copy, and the file it named, the user's, is left as it was.
    /// </summary>
    [Trait("Requires", "nginx")]
    [Fact]
    public void A_config_that_is_a_link_is_converted_in_the_copy_and_the_file_it_names_is_left_alone()
    {
        RealTools.Require();
        using var temp = new TempDirectory();
        var module = Path.Combine(temp.Path, "http_single");
        SharedRuns.CopyTree(ModuleFixtures.PathOf("http_single"), module);
        var kept = Path.Combine(temp.Path, "shared-config");
        File.Move(Path.Combine(module, "config"), kept);
        File.CreateSymbolicLink(Path.Combine(module, "config"), kept);
        var before = File.ReadAllBytes(kept);

        var result = CliRunner.Run("verify", module, "--format", "json");

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Equal(before, File.ReadAllBytes(kept));
    }

    /// <summary>
    /// A config that stops configure on every path before it registers a module (here a git submodule not checked out)
    /// has nothing to convert: it is configured as it is, and configure's own message says why it stops, beside the
    /// line where it does.
    /// </summary>
    [Trait("Requires", "nginx")]
    [Fact]
    public void A_config_that_stops_configure_before_registering_is_configured_as_it_is_for_configure_s_own_message()
    {
        RealTools.Require();
        var module = RepoPaths.Combine("tests", "fixtures", "verify", "stops_in_sourced_part");
        var result = CliRunner.Run("verify", module);
        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        var lines = result.Out.Split('\n');
        Assert.Contains("N/A   convert            configure stops here with status 1, before the config registers any module, so there is nothing that can be converted: configured as it is, for configure's own message", lines);
        Assert.Contains($"      {Path.Combine(module, "filter", "config")}(4,5): error CC3014: configure stops here with status 1, before the config registers any module, so there is nothing that can be converted", lines);
        Assert.Contains(lines, l => l.StartsWith("FAIL  static configure   configure --add-module failed with the original config", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("      | run `git submodule update --init` in ", StringComparison.Ordinal));
        Assert.EndsWith("not proven: the static configure step failed\n", result.Out, StringComparison.Ordinal);

        using var json = JsonDocument.Parse(CliRunner.Run("verify", module, "--format", "json").Out);
        Assert.Equal(("not-proven", "stops-configure"), (json.RootElement.GetProperty("verdict").GetString(), json.RootElement.GetProperty("style").GetString()));
    }

    /// <summary>The same module with its submodule checked out is new style, and proven.</summary>
    [Trait("Requires", "nginx")]
    [Fact]
    public void The_module_that_stopped_configure_is_proven_once_what_it_checks_for_is_there()
    {
        RealTools.Require();
        using var temp = new TempDirectory();
        var module = Path.Combine(temp.Path, "stops_in_sourced_part");
        SharedRuns.CopyTree(RepoPaths.Combine("tests", "fixtures", "verify", "stops_in_sourced_part"), module);
        Directory.CreateDirectory(Path.Combine(module, "deps", "vendored"));
        File.WriteAllText(Path.Combine(module, "deps", "vendored", "vendored.h"), string.Empty);

        var result = CliRunner.Run("verify", module);

        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        Assert.Contains("N/A   convert            the config is new style already", result.Out, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_appended_to_a_list_of_nginx_is_found_left_in_nginx_by_configure_s_own_files()
    {
        // The check reads configure's objs/ files, not the module model: whatever list a config appends to, a module
        // a dynamic build leaves in nginx shows up in nginx's own ngx_modules.c.
        RealTools.Require();
        var result = CliRunner.Run("verify", RepoPaths.Combine("tests", "fixtures", "verify", "event_list_left"), "--format", "json");
        Assert.True(result.ExitCode == 1, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal("passed", steps[3].GetProperty("outcome").GetString());
        Assert.Equal(("module-placement", "failed"), (steps[4].GetProperty("step").GetString(), steps[4].GetProperty("outcome").GetString()));
        Assert.Equal("skipped", steps[5].GetProperty("outcome").GetString());
        var difference = Assert.Single(json.RootElement.GetProperty("placementDifferences").EnumerateArray());
        Assert.Equal(("left-in-nginx", "ngx_tally_event_module"), (difference.GetProperty("problem").GetString(), difference.GetProperty("module").GetString()));
        var sharedObject = Assert.Single(json.RootElement.GetProperty("sharedObjectModules").EnumerateArray());
        Assert.Equal(["ngx_http_tally_module"], sharedObject.GetProperty("modules").EnumerateArray().Select(m => m.GetString()));
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_that_needs_another_is_proven_with_it_configured_and_loaded_first()
    {
        RealTools.Require();
        var result = CliRunner.Run(
            "verify", ModuleFixtures.PathOf("needs_knot"), "--with", ModuleFixtures.PathOf("knot_helper"), "--format", "json",
            "--http", ModuleFixtures.Setting("needs_knot", "http"));
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        Assert.Equal(("proven", "converted"), (root.GetProperty("verdict").GetString(), root.GetProperty("style").GetString()));
        var staticConfigure = root.GetProperty("steps")[1].GetProperty("runs")[0].GetProperty("command").EnumerateArray().Select(a => a.GetString()!).ToList();
        var helper = staticConfigure.FindIndex(a => a.StartsWith("--add-module=", StringComparison.Ordinal) && a.EndsWith("knot_helper", StringComparison.Ordinal));
        Assert.InRange(helper, 0, staticConfigure.FindLastIndex(a => a.StartsWith("--add-module=", StringComparison.Ordinal)) - 1);
        Assert.Equal(
            ["ngx_http_knot_module.so", "ngx_http_knotted_module.so"],
            root.GetProperty("sharedObjectModules").EnumerateArray().Select(s => s.GetProperty("sharedObject").GetString()));
        var conf = root.GetProperty("nginxConf").GetString()!;
        Assert.True(conf.IndexOf("ngx_http_knot_module.so", StringComparison.Ordinal) < conf.IndexOf("ngx_http_knotted_module.so", StringComparison.Ordinal), conf);
    }

    /// <summary>
    /// Without stream directives, nginx's own stream module is loaded first because the shared object needs its
    /// symbols (<c>ngx_stream_*</c>, as <c>inspect</c> reads them): without it, dlopen() fails on an undefined symbol.
    /// </summary>
    [Trait("Requires", "nginx")]
    [Fact]
    public void A_stream_module_without_directives_gets_nginx_stream_module_loaded_first_for_its_symbols()
    {
        RealTools.Require();
        var result = CliRunner.Run("verify", ModuleFixtures.PathOf("stream_single"), "--format", "json");
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var conf = json.RootElement.GetProperty("nginxConf").GetString()!;
        Assert.StartsWith("# generated by ngx-convert verify\npid ", conf, StringComparison.Ordinal);
        Assert.Contains("\nload_module /usr/lib/nginx/modules/ngx_stream_module.so;\nload_module ", conf, StringComparison.Ordinal);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_stream_module_gets_with_stream_and_nginx_stream_module_loaded_first()
    {
        RealTools.Require();
        using var temp = new TempDirectory();
        var directives = temp.Write("stream.conf", ModuleFixtures.Setting("stream_single", "stream"));
        var result = CliRunner.Run("verify", ModuleFixtures.PathOf("stream_single"), "--format", "json", "--directives", "stream:" + directives);
        Assert.True(result.ExitCode == 0, result.Out + result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var configure = json.RootElement.GetProperty("steps")[1].GetProperty("runs")[0].GetProperty("command").EnumerateArray().Select(a => a.GetString()).ToList();
        Assert.Contains("--with-stream", configure);
        Assert.DoesNotContain("--with-mail", configure);
        Assert.Contains("load_module /usr/lib/nginx/modules/ngx_stream_module.so;\n", json.RootElement.GetProperty("nginxConf").GetString(), StringComparison.Ordinal);
    }
}

/// <summary>Bad input to <c>ngx-convert verify</c>: exit code 2 and a clear message, before anything is built.</summary>
public sealed class VerifyCommandInputTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static void AssertUsageError(CliRunner.Result result, params string[] messages)
    {
        Assert.Equal(2, result.ExitCode);
        foreach (var message in messages)
        {
            Assert.Contains(message, result.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Error, StringComparison.Ordinal);
    }

    private static string Fixture => ModuleFixtures.PathOf("http_single");

    [Fact]
    public void Missing_directory_argument()
        => AssertUsageError(CliRunner.Run("verify"), "ngx-convert: Required argument 'DIR' missing for command: 'verify'.");

    [Fact]
    public void Directory_that_does_not_exist()
    {
        var missing = Path.Combine(_temp.Path, "absent");
        AssertUsageError(CliRunner.Run("verify", missing), $"{missing}(1,1): error CC2001: `{missing}` is not a directory: no such file or directory\n");
    }

    [Fact]
    public void Directory_without_config()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_temp.Path, "empty")).FullName;
        AssertUsageError(CliRunner.Run("verify", empty), "error CC2002: ", "has no `config` file");
    }

    [Fact]
    public void Missing_nginx_sources()
    {
        var missing = Path.Combine(_temp.Path, "src");
        AssertUsageError(CliRunner.Run("verify", Fixture, "--nginx-src", missing), $"ngx-convert: {missing}: no nginx source tree there, or give another tree with --nginx-src DIR");
    }

    [Fact]
    public void Missing_nginx_binary()
    {
        var missing = Path.Combine(_temp.Path, "nginx");
        AssertUsageError(CliRunner.Run("verify", Fixture, "--nginx", missing), $"ngx-convert: {missing}: no nginx binary there, or give another binary with --nginx BINARY");
    }

    [Fact]
    public void Every_problem_is_reported_at_once_and_json_says_not_run()
    {
        var result = CliRunner.Run("verify", Path.Combine(_temp.Path, "absent"), "--nginx-src", Path.Combine(_temp.Path, "src"), "--nginx", Path.Combine(_temp.Path, "nginx"), "--preload", Path.Combine(_temp.Path, "ndk.so"), "--format", "json");
        AssertUsageError(result, "CC2001", "no nginx source tree there", "no nginx binary there", "ndk.so: no such shared object to load first");
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("not-run", json.RootElement.GetProperty("verdict").GetString());
        Assert.Equal(["module", "nginx-source", "nginx-binary", "input"], json.RootElement.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("kind").GetString()));
        Assert.Equal("CC2001", json.RootElement.GetProperty("problems")[0].GetProperty("diagnostic").GetProperty("id").GetString());
        Assert.Empty(json.RootElement.GetProperty("steps").EnumerateArray());
    }

    [Fact]
    public void Missing_snippet_file()
    {
        var missing = Path.Combine(_temp.Path, "http.conf");
        AssertUsageError(CliRunner.Run("verify", Fixture, "--directives", "stream:" + missing), $"ngx-convert: {missing}: no such file");
    }

    [Fact]
    public void A_kept_directory_that_is_not_empty_is_refused_and_left_alone()
    {
        var file = _temp.Write("kept/mine.txt", "mine");
        AssertUsageError(CliRunner.Run("verify", Fixture, "--keep", Path.GetDirectoryName(file)!), "the directory to keep must be absent or empty");
        Assert.Equal("mine", File.ReadAllText(file));
    }

    [Fact]
    public void A_timeout_that_is_not_positive()
        => AssertUsageError(CliRunner.Run("verify", Fixture, "--timeout", "0"), "ngx-convert: --timeout must be a positive number of seconds");
}

/// <summary>The real tools verify runs; missing ones fail the test with how to install them.</summary>
internal static class RealTools
{
    public static void Require()
    {
        ExternalTool.Require("dash", "apt-get install -y dash");
        ExternalTool.Require("make", "apt-get install -y make");
        ExternalTool.Require("cc", "apt-get install -y gcc");
        ExternalTool.Require("nginx", "apt-get install -y nginx-core");
        if (!File.Exists("/usr/share/nginx/src/configure"))
        {
            throw new InvalidOperationException("/usr/share/nginx/src/configure is missing: apt-get install -y nginx-dev");
        }
    }
}

/// <summary>The text report of outcomes the real fixtures do not give (the converter refuses what would change the static build).</summary>
public sealed class VerificationTextTests
{
    [Fact]
    public void A_changed_static_build_is_shown_as_a_diff_of_each_part_that_differs()
    {
        var steps = new[]
        {
            new Verification.VerificationStep(Verification.VerificationStepKind.Convert, Verification.StepOutcome.Passed, "converted", []),
            new Verification.VerificationStep(Verification.VerificationStepKind.StaticConfigure, Verification.StepOutcome.Passed, "configured", []),
            new Verification.VerificationStep(Verification.VerificationStepKind.StaticComparison, Verification.StepOutcome.Failed, "the converted config builds a different static nginx than the original", []),
            new Verification.VerificationStep(Verification.VerificationStepKind.DynamicBuild, Verification.StepOutcome.Skipped, "skipped: an earlier step failed", []),
            new Verification.VerificationStep(Verification.VerificationStepKind.Load, Verification.StepOutcome.Skipped, "skipped: an earlier step failed", []),
        };
        var facts = new Verification.Steps.VerificationFacts
        {
            SourceVersion = "1.22.1",
            BinaryVersion = "1.24.0",
            Style = Verification.ConfigStyle.Converted,
            StaticDifferences = [new Verification.StaticDifference(Verification.StaticAspect.Modules, ["a", "b", "c"], ["a", "c", "b"])],
        };
        var report = new Verification.VerificationReport(new Verification.VerificationRequest("/m"), [], [.. steps], facts);
        var output = new StringWriter();
        Output.VerificationText.Write(output, report);
        Assert.Equal(
            "module: /m\nnginx sources: /usr/share/nginx/src (nginx 1.22.1)\nnginx: /usr/sbin/nginx (nginx 1.24.0)\n"
            + "warning: the nginx sources are 1.22.1 and the binary is 1.24.0: nginx loads only modules built from its own version\n\n"
            + "PASS  convert            converted\nPASS  static configure   configured\n"
            + "FAIL  static comparison  the converted config builds a different static nginx than the original\n"
            + "      modules:\n        --- original\n        +++ converted\n        @@ -1,3 +1,3 @@\n         a\n        +c\n         b\n        -c\n"
            + "SKIP  dynamic build      skipped: an earlier step failed\nSKIP  load               skipped: an earlier step failed\n\n"
            + "not proven: the static comparison step failed\n",
            output.ToString());
    }
}
