using System.Collections.Immutable;
using ConfigConvert.ModuleModel;
using ConfigConvert.TestSupport;
using ConfigConvert.TestSupport.Nginx;
using ConfigConvert.Verification.Nginx;
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
public sealed class ConformanceTests(ConformanceTests.Builds builds) : IClassFixture<ConformanceTests.Builds>
{
    private readonly Builds _builds = builds;

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
        var builds = _builds.Of(fixture);
        Assert.True(builds.Conversion.Status == ConversionStatus.Converted, string.Join("; ", builds.Conversion.Diagnostics));
        var flags = Fixtures.ConfigureFlags(fixture, dynamic: false);
        var environment = Fixtures.Environment(fixture);
        var before = RealNginx.Static(Fixtures.PathOf(fixture), flags, environment);
        var after = RealNginx.Static(builds.Converted, flags, environment, builds.Configured[0]);
        Assert.NotEmpty(before.AddonSources);
        Assert.Equal(before.Modules, after.Modules);
        Assert.Equal(before.AddonSources, after.AddonSources);
        Assert.Equal(before.IncludeDirs, after.IncludeDirs);
        Assert.Equal(before.Libs, after.Libs);
        Assert.Equal(before.Defines, after.Defines);

        var dynamic = RealNginx.BuildModules(builds.Configured[1], environment);
        Assert.NotEmpty(dynamic.SharedObjects);
        Assert.Empty(dynamic.Lists!.Compare(before.Modules, TestNginx.AloneModules(RealNginx.Split(Fixtures.ConfigureFlags(fixture, dynamic: true)))));
        var loaded = RealNginx.Load(dynamic.SharedObjects, Fixtures.Directives(fixture));
        Assert.True(loaded.ExitCode == 0, $"nginx -t refused the module: {loaded.StandardError}");
    }

    /// <summary>
    /// Every convertible fixture converted, and its three builds configured (the original and the converted config
    /// static, the converted one dynamic), the first time a case asks: all builds with the same flags and environment
    /// share configure's first part, through the code of ngx-convert verify. The original's static build is kept in
    /// <see cref="SharedRuns"/>, and left out when the run holds it already or another test is making it (ModuleModel's
    /// agreement tests configure the same originals). A fixture that needs another module gets it first (convert with
    /// it, configure it with an earlier --add-module); one that reads a library's path from the environment gets it.
    /// Every copy of a fixture is called "module": configure names objs/addon/NAME/ after it.
    /// </summary>
    public sealed class Builds : IDisposable
    {
        private readonly string _root = Directory.CreateTempSubdirectory("cc-conformance-").FullName;
        private readonly Lazy<Dictionary<string, FixtureBuilds>> _all;

        public Builds() => _all = new(ConfigureAll);

        internal FixtureBuilds Of(string fixture) => _all.Value[fixture];

        public void Dispose() => Directory.Delete(_root, recursive: true);

        private Dictionary<string, FixtureBuilds> ConfigureAll()
        {
            var fixtures = Fixtures.Names.Except(ProvenByVerifyCommand).ToDictionary(f => f, CopyAndConvert, StringComparer.Ordinal);
            foreach (var group in fixtures.GroupBy(f => string.Join(' ', Fixtures.Environment(f.Key).Select(e => e.Key + "=" + e.Value)), StringComparer.Ordinal))
            {
                // Those that do not convert are not cases of the theory (Convertible); the fact above says which must.
                var members = group.Where(f => f.Value.Conversion.Status == ConversionStatus.Converted).Select(f => f.Key).ToList();
                var environment = Fixtures.Environment(group.First().Key);
                var claims = new Dictionary<string, StaticClaim?>(StringComparer.Ordinal);
                try
                {
                    foreach (var fixture in members)
                    {
                        claims[fixture] = SharedRuns.ClaimStatic(Fixtures.PathOf(fixture), Fixtures.ConfigureFlags(fixture, dynamic: false), environment);
                    }

                    var builds = members.SelectMany(f => BuildsOf(f, fixtures[f], claims[f])).ToList();
                    var configured = RealNginx.Configure([.. builds.Select(b => b.Build)], Path.Combine(_root, "configure-" + fixtures.Keys.ToList().IndexOf(group.First().Key)), environment);
                    var results = builds.Zip(configured).ToList();
                    foreach (var (build, result) in results)
                    {
                        build.Keep(result);
                    }

                    foreach (var fixture in members)
                    {
                        fixtures[fixture] = fixtures[fixture] with { Configured = [.. results.Where(r => r.First.Fixture == fixture && r.First.Claim is null).Select(r => r.Second)] };
                    }
                }
                finally
                {
                    foreach (var claim in claims.Values)
                    {
                        claim?.Dispose();
                    }
                }
            }

            return fixtures;
        }

        private FixtureBuilds CopyAndConvert(string fixture)
        {
            var converted = Path.Combine(_root, fixture, "converted", "module");
            SharedRuns.CopyTree(Fixtures.PathOf(fixture), converted);
            var module = ModuleDirectory.Load(converted).WithConfiguredFirst(Fixtures.ConfiguredFirst(fixture).Select(ModuleDirectory.Load));
            var result = ConfigConverter.Convert(module);
            if (result.Status == ConversionStatus.Converted)
            {
                File.WriteAllBytes(Path.Combine(converted, "config"), result.ConvertedBytes!);
            }

            return new FixtureBuilds(converted, result, []);
        }

        // The original's static build (when claimed: kept in SharedRuns once configured), the converted config's static
        // build and its dynamic build.
        private IEnumerable<Batched> BuildsOf(string fixture, FixtureBuilds builds, StaticClaim? original)
        {
            var flags = RealNginx.Split(Fixtures.ConfigureFlags(fixture, dynamic: false));
            var dynamicFlags = RealNginx.Split(Fixtures.ConfigureFlags(fixture, dynamic: true));
            var work = Path.Combine(_root, fixture);
            if (original is not null)
            {
                yield return new(fixture, new("configure --add-module (original config)", Path.Combine(work, "static-original"), [.. flags, "--add-module=" + original.Module]), original);
            }

            yield return new(fixture, new("configure --add-module (converted config)", Path.Combine(work, "static-converted"), [.. flags, "--add-module=" + builds.Converted]), null);
            yield return new(fixture, new("configure --add-dynamic-module", Path.Combine(work, "dynamic"), RealNginx.DynamicFlags([.. dynamicFlags, "--add-dynamic-module=" + builds.Converted])), null);
        }

        /// <summary>A build of the batch: <paramref name="Claim"/> is the original's, which its result completes.</summary>
        private sealed record Batched(string Fixture, ConfigureBuild Build, StaticClaim? Claim)
        {
            public void Keep(StaticConfiguration configured) => Claim?.Complete(objs => RealNginx.Keep(configured, objs));
        }
    }

    /// <summary>A fixture's converted copy, its conversion, and the converted config's two builds (static, dynamic).</summary>
    internal sealed record FixtureBuilds(string Converted, ConversionResult Conversion, ImmutableArray<StaticConfiguration> Configured);
}
