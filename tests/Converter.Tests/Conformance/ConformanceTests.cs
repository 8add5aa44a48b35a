using ConfigConvert.ModuleModel;
using ConfigConvert.TestSupport;
using Fixtures = ConfigConvert.TestSupport.ModuleFixtures;

namespace ConfigConvert.Converter.Tests.Conformance;

/// <summary>
/// The proof, with the real nginx: for every fixture the converter converts (but those
/// <see cref="ProvenByVerifyCommand"/>, proven by <c>ngx-convert verify</c>'s tests), the converted config
/// gives the same static build as the original (same modules in the same order in
/// objs/ngx_modules.c, same sources, include dirs, libs and #defines), and with
/// --add-dynamic-module it builds shared objects that Debian's nginx loads under `nginx -t`, with the
/// module's own directives accepted. Where the dynamic build puts each module is read from configure's own
/// files, not from the module model, so the proof does not share the model's blind spots: every module the
/// original adds to a static nginx is in a shared object, and nginx's own list is that of nginx alone.
/// </summary>
public sealed class ConformanceTests
{
    /// <summary>
    /// Fixtures whose conversion the same proof covers elsewhere: <c>ngx-convert verify</c> runs it through the same
    /// code (ConfigConvert.Verification) with the same flags, and tests/Cli.Tests/VerifyCommandTests.cs requires every
    /// step to pass: the same static build, every module the original adds in a shared object, nginx's own list that
    /// of nginx alone, and the module loaded under <c>nginx -t</c> with its directives. Proving them twice would cost
    /// three configures each in every test run.
    /// </summary>
    public static readonly IReadOnlyList<string> ProvenByVerifyCommand = ["http_single", "needs_knot"];

    public static TheoryData<string> Convertible
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var fixture in Fixtures.Names.Except(ProvenByVerifyCommand))
            {
                using var copy = ModuleCopy.OfFixture(fixture);
                if (ConfigConverter.Convert(ModuleDirectory.Load(copy.Path)).Status == ConversionStatus.Converted)
                {
                    data.Add(fixture);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Every_fixture_meant_to_be_dynamic_is_converted_or_already_new_style()
    {
        foreach (var fixture in Fixtures.Names.Where(f => Fixtures.Setting(f, "dynamic") == "yes"))
        {
            using var copy = ModuleCopy.OfFixture(fixture);
            var result = ConfigConverter.Convert(ModuleDirectory.Load(copy.Path));
            var expected = Fixtures.Setting(fixture, "style") == "old" && fixture != "eval_registered" ? ConversionStatus.Converted : result.Status;
            Assert.True(expected == result.Status, $"{fixture}: {result.Status} {string.Join("; ", result.Diagnostics)}");
        }
    }

    [Fact]
    public void The_fixtures_left_out_are_converted_and_verified_by_the_verify_command_tests()
    {
        var verifyTests = File.ReadAllText(RepoPaths.Combine("tests", "Cli.Tests", "VerifyCommandTests.cs"));
        foreach (var fixture in ProvenByVerifyCommand)
        {
            using var copy = ModuleCopy.OfFixture(fixture);
            Assert.Equal(ConversionStatus.Converted, ConfigConverter.Convert(ModuleDirectory.Load(copy.Path)).Status);
            Assert.Contains($"ModuleFixtures.PathOf(\"{fixture}\")", verifyTests, StringComparison.Ordinal);
        }
    }

    [Theory]
    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [MemberData(nameof(Convertible))]
    public void Converted_config_builds_the_same_static_nginx_and_a_loadable_module(string fixture)
    {
        // A fixture that needs another module gets it first (describe and convert with --with, configure
        // with an earlier --add-module); one that reads a library's path from the environment gets it.
        // The three builds differ only in the module they add, so they share configure's first part, as in
        // ngx-convert verify. Both copies are called "module": configure names objs/addon/NAME/ after it.
        var environment = Fixtures.Environment(fixture);
        var work = Directory.CreateTempSubdirectory("cc-conformance-").FullName;
        try
        {
            var original = Path.Combine(work, "original", "module");
            var converted = Path.Combine(work, "converted", "module");
            SharedRuns.CopyTree(Fixtures.PathOf(fixture), original);
            SharedRuns.CopyTree(Fixtures.PathOf(fixture), converted);
            var module = ModuleDirectory.Load(converted).WithConfiguredFirst(Fixtures.ConfiguredFirst(fixture).Select(ModuleDirectory.Load));
            var result = ConfigConverter.Convert(module);
            Assert.Equal(ConversionStatus.Converted, result.Status);
            File.WriteAllBytes(Path.Combine(converted, "config"), result.ConvertedBytes!);

            var flags = Fixtures.ConfigureFlags(fixture, dynamic: false);
            var dynamicFlags = Fixtures.ConfigureFlags(fixture, dynamic: true);
            var configured = RealNginx.Configure(
                [
                    new("configure --add-module (original config)", Path.Combine(work, "static-original"), [.. RealNginx.Split(flags), "--add-module=" + original]),
                    new("configure --add-module (converted config)", Path.Combine(work, "static-converted"), [.. RealNginx.Split(flags), "--add-module=" + converted]),
                    new("configure --add-dynamic-module", Path.Combine(work, "dynamic"), RealNginx.DynamicFlags([.. RealNginx.Split(dynamicFlags), "--add-dynamic-module=" + converted])),
                ],
                Path.Combine(work, "configure"),
                environment);
            var before = RealNginx.Static(original, flags, environment, configured[0]);
            var after = RealNginx.Static(converted, flags, environment, configured[1]);
            Assert.NotEmpty(before.AddonSources);
            Assert.Equal(before.Modules, after.Modules);
            Assert.Equal(before.AddonSources, after.AddonSources);
            Assert.Equal(before.IncludeDirs, after.IncludeDirs);
            Assert.Equal(before.Libs, after.Libs);
            Assert.Equal(before.Defines, after.Defines);

            var dynamic = RealNginx.BuildModules(configured[2], environment);
            Assert.NotEmpty(dynamic.SharedObjects);
            Assert.Empty(dynamic.Lists!.Compare(before.Modules, RealNginx.NginxAlone(dynamicFlags)));
            var loaded = RealNginx.Load(dynamic.SharedObjects, Fixtures.Directives(fixture));
            Assert.True(loaded.ExitCode == 0, $"nginx -t refused the module: {loaded.StandardError}");
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
