namespace ConfigConvert.BuiltModules.Tests;

/// <summary>
/// The proof: for modules built with the real configure and make modules, the prediction of
/// <c>inspect --against</c> is what the real <c>nginx -t</c> prints, word for word.
/// </summary>
[Collection(BuiltCollection.Name)]
public sealed class LoadPredictionTests(BuiltFixtures built)
{
    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_built_as_Debian_built_nginx_loads()
    {
        var report = Predict(built.Provider, built.Consumer, built.Pair);
        Assert.All(report.Outcomes, o => Assert.True(o.Loads, o.Failure?.Message));
        Assert.Equal(["ngx_http_built_pair_filter_module", "ngx_http_built_pair_module"], report.Outcomes[2].Modules.ToArray());
        Assert.Null(RealNginx.Load(built.Provider, built.Consumer, built.Pair));
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_built_for_another_version_is_refused_with_the_version_numbers()
    {
        var outcome = Assert.Single(Predict(built.ProviderNextVersion).Outcomes);
        Assert.Equal(LoadFailureKind.VersionMismatch, outcome.Failure?.Kind);
        Assert.Equal($"module \"{built.ProviderNextVersion}\" version 1022002 instead of 1022001", outcome.Failure!.Message);
        Assert.Equal(RealNginx.Load(built.ProviderNextVersion)!.Message, outcome.Failure.Message);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_built_without_compat_and_threads_is_not_binary_compatible_and_the_features_are_named()
    {
        var report = Predict(built.ProviderWithoutCompat);
        var outcome = Assert.Single(report.Outcomes);
        Assert.Equal(LoadFailureKind.NotBinaryCompatible, outcome.Failure?.Kind);
        Assert.Equal(RealNginx.Load(built.ProviderWithoutCompat)!.Message, outcome.Failure!.Message);
        Assert.Equal(
            ["file AIO: 0/1", "sendfile SF_NODISKIO: 0/1", "threads: 0/1", "--with-compat: 0/1"],
            outcome.Failure.Differences.Select(d => $"{d.Feature}: {d.InModule}/{d.InNginx}"));
        Assert.False(report.SharedObjects[0].Modules[0].Signature.WithCompat);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_loaded_before_the_module_it_calls_fails_dlopen_on_the_symbol()
    {
        var outcomes = Predict(built.Consumer, built.Provider).Outcomes;
        Assert.Equal(LoadFailureKind.UndefinedSymbol, outcomes[0].Failure?.Kind);
        Assert.Equal($"dlopen() \"{built.Consumer}\" failed ({built.Consumer}: undefined symbol: ngx_http_built_provider_greeting)", outcomes[0].Failure!.Message);
        Assert.Equal(RealNginx.Load(built.Consumer, built.Provider)!.Message, outcomes[0].Failure!.Message);
        Assert.True(outcomes[1].Loads);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_module_loaded_twice_is_already_loaded()
    {
        var outcomes = Predict(built.Provider, built.Provider).Outcomes;
        Assert.True(outcomes[0].Loads);
        Assert.Equal("module \"ngx_http_built_provider_module\" is already loaded", outcomes[1].Failure?.Message);
        Assert.Equal(RealNginx.Load(built.Provider, built.Provider)!.Message, outcomes[1].Failure!.Message);
    }

    [Trait("Requires", "nginx")]
    [Fact]
    public void More_than_128_dynamic_modules_are_too_many()
    {
        var outcome = Assert.Single(Predict(built.Many).Outcomes);
        Assert.Equal(LoadFailureKind.TooManyModules, outcome.Failure?.Kind);
        Assert.Equal("ngx_built_many_128_module", outcome.Failure!.Module);
        Assert.Equal(RealNginx.Load(built.Many)!.Message, outcome.Failure.Message);
    }

    [Fact]
    public void The_fixture_modules_are_read_as_built()
    {
        var report = BuiltModuleInspector.Inspect([built.Pair, built.Many, built.Consumer]);
        var pair = report.SharedObjects[0];
        Assert.Equal(["ngx_http_built_pair_filter_module", "ngx_http_built_pair_module"], pair.Modules.Select(m => m.Name));
        Assert.All(pair.Modules, m => Assert.Equal("HTTP", m.Type.Name));
        Assert.Equal(["ngx_http_built_pair_filter_module", "ngx_http_built_pair_module", "ngx_http_copy_filter_module"], pair.Order.ToArray());
        var many = report.SharedObjects[1];
        Assert.Equal(130, many.Modules.Length);
        Assert.All(many.Modules, m => Assert.Equal("MANY", m.Type.Name));
        Assert.Contains("ngx_http_built_provider_greeting", report.SharedObjects[2].SymbolsFromNginx);
        Assert.All(report.SharedObjects.SelectMany(s => s.Modules), m => Assert.Equal("1.22.1", m.Version.ToString()));
    }

    private static InspectionReport Predict(params string[] files)
    {
        var report = BuiltModuleInspector.Inspect(files, RealNginx.Binary);
        Assert.True(report.Nginx?.IsUsable, string.Join("; ", report.Nginx?.Diagnostics ?? []));
        return report;
    }
}
