using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.TestSupport;
using ConfigConvert.TestSupport.Nginx;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>
/// The model against nginx's real configure: for every fixture, the modules the model says the config
/// registers (in the outcome the real shell takes) are exactly the ones configure adds to
/// <c>objs/ngx_modules.c</c>, in the positions the model gives, and its sources and libs are in
/// <c>objs/Makefile</c>.
/// </summary>
[Trait("Requires", "dash")]
[Trait("Requires", "nginx")]
public sealed class ConfigureAgreementTests(ConfigureAgreementTests.Builds builds) : IClassFixture<ConfigureAgreementTests.Builds>
{
    public static TheoryData<string> StaticFixtures => [.. StaticFixtureNames];

    private static IEnumerable<string> StaticFixtureNames => Fixtures.Names.Where(f => Fixtures.Setting(f, "static") == "yes");

    [Theory]
    [MemberData(nameof(StaticFixtures))]
    public void Static_build_contains_what_the_model_predicts(string fixture)
    {
        builds.Configure();
        var flags = Fixtures.Setting(fixture, "configure");
        var outcome = OutcomeConfigureTakes(fixture);
        var build = NginxConfigure.Static(Fixtures.PathOf(fixture), ModuleFixtures.ConfigureFlags(fixture, dynamic: false), ModuleFixtures.Environment(fixture));
        var baseline = TestNginx.AloneModules(flags.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var configuredFirst = ModuleFixtures.ConfiguredFirst(fixture)
            .SelectMany(d => ModuleDirectory.Load(d).Describe(LinkMode.Addon, Fixtures.Globals(fixture)).Outcomes.Single().Modules).Select(m => m.Name);
        var added = build.Modules.Except(baseline).Except(configuredFirst).ToList();
        var predicted = outcome.Modules.Where(m => IsBuilt(m.Type, flags)).Select(m => m.Name).ToList();
        Assert.Equal(predicted.Order(StringComparer.Ordinal), added.Order(StringComparer.Ordinal));

        foreach (var module in outcome.Modules.Where(m => IsBuilt(m.Type, flags)))
        {
            var index = build.Modules.IndexOf(module.Name);
            var anchor = module.Position.Anchor;
            switch (module.Position.Kind)
            {
                case ModulePositionKind.Before:
                    Assert.True(index < build.Modules.IndexOf(anchor!), $"{module.Name} should come before {anchor}");
                    break;
                case ModulePositionKind.After:
                    Assert.True(index > build.Modules.IndexOf(anchor!), $"{module.Name} should come after {anchor}");
                    break;
            }
        }

        foreach (var source in outcome.Sources)
        {
            Assert.Contains(source.Value.Replace("$ngx_addon_dir", build.Module, StringComparison.Ordinal), build.Makefile, StringComparison.Ordinal);
        }

        foreach (var lib in outcome.Libs)
        {
            Assert.Contains(lib.Value, build.Makefile, StringComparison.Ordinal);
        }

        foreach (var define in outcome.Defines)
        {
            Assert.Contains("#define " + define.Name, build.AutoConfig, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// The outcome the real configure takes: the one the real shell agrees with; for a fixture that needs
    /// other modules first or a variable in the environment, which configure is given, the one outcome
    /// that goes through to the end of the config (described after those modules).
    /// </summary>
    private static ModuleOutcome OutcomeConfigureTakes(string fixture)
    {
        var first = ModuleFixtures.ConfiguredFirst(fixture);
        var module = ModuleDirectory.Load(Fixtures.PathOf(fixture)).WithConfiguredFirst(first.Select(ModuleDirectory.Load));
        var description = module.Describe(LinkMode.Addon, Fixtures.Globals(fixture));
        if (first.Count > 0 || ModuleFixtures.Environment(fixture).Count > 0)
        {
            return description.Outcomes.Single(o => !o.Exited);
        }

        var (exit, actualVariables) = ShellOracle.Evaluate(fixture, LinkMode.Addon);
        return description.Outcomes.First(o => OracleComparison.Differences(o, exit, actualVariables).Count == 0);
    }

    // configure ignores STREAM and MAIL lists unless nginx is configured with them.
    private static bool IsBuilt(ModuleType type, string flags)
        => type == ModuleType.Stream ? flags.Contains("--with-stream", StringComparison.Ordinal)
            : type != ModuleType.Mail || flags.Contains("--with-mail", StringComparison.Ordinal);

    /// <summary>
    /// Every static fixture's build, configured the first time a case asks, all at once (<see cref="NginxConfigure.ConfigureTogether"/>):
    /// those the run holds already, such as the originals the converter's conformance tests configured, are left out.
    /// A batch that throws (nginx-dev missing, say) fails every case with its exception: none can be checked without it.
    /// </summary>
    public sealed class Builds
    {
        private readonly Lazy<bool> _configured = new(() =>
        {
            NginxConfigure.ConfigureTogether(StaticFixtureNames.Select(f => (Fixtures.PathOf(f), ModuleFixtures.ConfigureFlags(f, dynamic: false), ModuleFixtures.Environment(f))));
            return true;
        });

        public void Configure() => _ = _configured.Value;
    }
}
