using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Oracle;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Tests.Nginx;

/// <summary>
/// Which variables configure sets, read back from nginx-dev's real configure and auto/ scripts: the
/// names they assign (in any command, loop or function, here-documents apart) are exactly
/// <see cref="ConfigureVariables.Assigned"/> with configure's <c>ngx_</c>/<c>NGX_</c> names.
/// </summary>
public sealed class ConfigureVariablesTests
{
    [Fact]
    [Trait("Requires", "nginx")]
    [Trait("Requires", "dash")]
    public void The_names_configure_assigns_are_the_ones_the_model_knows()
    {
        ShellOracle.RequireNginxDev();
        var scripts = Directory.EnumerateFiles(Path.Combine(ShellOracle.NginxSource, "auto"), "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("makefile.", StringComparison.Ordinal))
            .Append(Path.Combine(ShellOracle.NginxSource, "configure"));
        var assigned = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var script in scripts)
        {
            var tree = SyntaxTree.ParseText(File.ReadAllText(script), script);
            Assert.False(tree.HasErrors, $"{script} does not parse");
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var names = node switch
                {
                    SimpleCommandSyntax command => command.Assignments.Select(a => a.Name.Text),
                    ForCommandSyntax loop => [loop.Name.Text],
                    _ => [],
                };
                assigned.UnionWith(names.Where(n => !n.StartsWith("ngx_", StringComparison.Ordinal) && !n.StartsWith("NGX_", StringComparison.Ordinal)));
            }
        }

        var missing = assigned.Except(ConfigureVariables.Assigned);
        var extra = ConfigureVariables.Assigned.Except(assigned).Order(StringComparer.Ordinal);
        Assert.True(assigned.SetEquals(ConfigureVariables.Assigned), $"assigned by configure, not in the list: {string.Join(" ", missing)}; in the list, not assigned: {string.Join(" ", extra)}");
    }

    [Theory]
    [InlineData("HTTP_MODULES", true)]
    [InlineData("HTTP_AUX_FILTER_MODULES", true)]
    [InlineData("NGX_ADDON_SRCS", true)]
    [InlineData("ngx_feature_libs", true)]
    [InlineData("USE_PCRE", true)]
    [InlineData("LUAJIT_INC", false)]
    [InlineData("PWD", false)]
    [InlineData("HOME", false)]
    public void Configure_sets_its_own_names_and_not_the_environment_s(string name, bool configures)
        => Assert.Equal(configures, ConfigureVariables.IsConfigures(name));
}
