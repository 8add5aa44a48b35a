using ConfigConvert.ModuleModel;
using Fixtures = ConfigConvert.TestSupport.ModuleFixtures;

namespace ConfigConvert.Converter.Tests.Conformance;

/// <summary>
/// A module that needs another configured first (needs_knot, which calls knot_helper's
/// <c>ngx_http_knot_tie()</c>): converted with and without <c>--with</c>, the guard stays and the
/// dependency is said; with the real nginx, the two <c>.so</c> load in configure's order and are refused
/// in the other, as CC2009 says.
/// </summary>
public sealed class DependencyTests
{
    [Fact]
    public void Without_the_dependency_both_answers_are_explored_and_the_conversion_names_it()
    {
        using var copy = ModuleCopy.OfFixture("needs_knot");
        var alone = ConfigConverter.Convert(ModuleDirectory.Load(copy.Path));
        var configuredFirst = ConfigConverter.Convert(ModuleDirectory.Load(copy.Path).WithConfiguredFirst([ModuleDirectory.Load(Fixtures.PathOf("knot_helper"))]));

        Assert.Equal(ConversionStatus.Converted, alone.Status);
        Assert.Equal(alone.ConvertedText, configuredFirst.ConvertedText);
        foreach (var result in new[] { alone, configuredFirst })
        {
            var note = Assert.Single(result.Diagnostics, d => d.Descriptor == ModelDiagnostics.RequiresModule);
            Assert.Equal(6, note.Location.Start.Line);
            Assert.Contains("`ngx_http_knot_module`", note.Message, StringComparison.Ordinal);

            // The guard is kept as it was.
            Assert.Contains("grep \" ngx_http_knot_module \" >/dev/null; then", result.ConvertedText, StringComparison.Ordinal);
        }
    }

    [Fact]
    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    public void The_shared_objects_load_in_configure_s_order_and_not_in_the_other()
    {
        using var copy = ModuleCopy.OfFixture("needs_knot");
        var module = ModuleDirectory.Load(copy.Path).WithConfiguredFirst([ModuleDirectory.Load(Fixtures.PathOf("knot_helper"))]);
        File.WriteAllBytes(copy.ConfigPath, ConfigConverter.Convert(module).ConvertedBytes!);
        var output = Directory.CreateTempSubdirectory("cc-dynamic-").FullName;
        try
        {
            var sharedObjects = RealNginx.Dynamic(copy.Path, Fixtures.ConfigureFlags("needs_knot", dynamic: true), output);
            Assert.Equal(["ngx_http_knot_module.so", "ngx_http_knotted_module.so"], sharedObjects.Select(Path.GetFileName));

            var inOrder = RealNginx.Load(sharedObjects, Fixtures.Directives("needs_knot"));
            Assert.True(inOrder.ExitCode == 0, $"nginx -t refused the modules: {inOrder.StandardError}");

            var reversed = RealNginx.Load(sharedObjects.Reverse(), Fixtures.Directives("needs_knot"));
            Assert.NotEqual(0, reversed.ExitCode);
            Assert.Contains("ngx_http_knot_tie", reversed.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
