using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.ModuleModel.Tests.Oracle;

/// <summary>
/// The model against nginx's real configure: for every fixture, the modules the model says the config
/// registers (in the outcome the real shell takes) are exactly the ones configure adds to
/// <c>objs/ngx_modules.c</c>, in the positions the model gives, and its sources and libs are in
/// <c>objs/Makefile</c>.
/// </summary>
[Trait("Requires", "dash")]
[Trait("Requires", "nginx")]
public sealed class ConfigureAgreementTests
{
    public static TheoryData<string> StaticFixtures => [.. Fixtures.Names.Where(f => Fixtures.Setting(f, "static") == "yes")];

    [Theory]
    [MemberData(nameof(StaticFixtures))]
    public void Static_build_contains_what_the_model_predicts(string fixture)
    {
        var flags = Fixtures.Setting(fixture, "configure");
        var (exit, actualVariables) = ShellOracle.Evaluate(fixture, LinkMode.Addon);
        var description = ModuleDirectory.Load(Fixtures.PathOf(fixture)).Describe(LinkMode.Addon, Fixtures.Globals(fixture));
        var outcome = description.Outcomes.First(o => OracleComparison.Differences(o, exit, actualVariables).Count == 0);

        var build = NginxConfigure.Static(Fixtures.PathOf(fixture), flags);
        var baseline = NginxConfigure.Baseline(flags);
        var added = build.Modules.Except(baseline.Modules).ToList();
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

        var directory = Fixtures.PathOf(fixture);
        foreach (var source in outcome.Sources)
        {
            Assert.Contains(source.Value.Replace("$ngx_addon_dir", directory, StringComparison.Ordinal), build.Makefile, StringComparison.Ordinal);
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

    // configure ignores STREAM and MAIL lists unless nginx is configured with them.
    private static bool IsBuilt(ModuleType type, string flags)
        => type == ModuleType.Stream ? flags.Contains("--with-stream", StringComparison.Ordinal)
            : type != ModuleType.Mail || flags.Contains("--with-mail", StringComparison.Ordinal);
}
