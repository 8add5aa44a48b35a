using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.Core.Tests;

public sealed class SeverityTests
{
    private static readonly DiagnosticDescriptor Rule = new("CC9001", "A rule", "found {0}", "Test", DiagnosticSeverity.Warning);
    private static readonly DiagnosticDescriptor OffRule = new("CC9002", "An opt-in rule", "found", "Test", DiagnosticSeverity.Info, enabledByDefault: false);

    [Theory]
    [InlineData("error", DiagnosticSeverity.Error)]
    [InlineData("Warning", DiagnosticSeverity.Warning)]
    [InlineData("info", DiagnosticSeverity.Info)]
    [InlineData("none", null)]
    public void Names_read_back(string name, DiagnosticSeverity? expected)
    {
        Assert.True(SeverityNames.TryParse(name, out var severity));
        Assert.Equal(expected, severity);
        if (expected is { } known)
        {
            Assert.Equal(name.ToLowerInvariant(), SeverityNames.Name(known));
        }
    }

    [Fact]
    public void An_unknown_name_is_refused()
    {
        Assert.False(SeverityNames.TryParse("fatal", out _));
        Assert.Null(SeverityConfiguration.Parse(["CC9001=fatal"], out var error));
        Assert.Equal("`CC9001=fatal` is not ID=SEVERITY with a severity of error, warning, info or none", error);
        Assert.Null(SeverityConfiguration.Parse(["=error"], out _));
        Assert.Null(SeverityConfiguration.Parse(["CC9001"], out _));
    }

    [Fact]
    public void Configuration_raises_lowers_and_switches_off()
    {
        var diagnostic = Diagnostic.Create(Rule, Location.None("config"), "x");
        Assert.Same(diagnostic, SeverityConfiguration.Default.Apply(diagnostic));

        var raised = SeverityConfiguration.Parse(["cc9001=error"], out _)!;
        Assert.Equal(DiagnosticSeverity.Error, raised.Apply(diagnostic)!.Severity);
        Assert.Equal(DiagnosticSeverity.Error, raised.SeverityOf(Rule));

        var off = SeverityConfiguration.Default.With("CC9001", null);
        Assert.Null(off.Apply(diagnostic));
        Assert.Null(off.SeverityOf(Rule));
    }

    [Fact]
    public void A_rule_off_by_default_reports_only_when_switched_on()
    {
        var diagnostic = Diagnostic.Create(OffRule, Location.None("config"));
        Assert.Null(SeverityConfiguration.Default.Apply(diagnostic));
        Assert.Equal(DiagnosticSeverity.Warning, SeverityConfiguration.Default.With("CC9002", DiagnosticSeverity.Warning).Apply(diagnostic)!.Severity);
    }

    [Fact]
    public void A_diagnostic_prints_as_compilers_do()
    {
        var text = SourceText.From("a\nbcd\n");
        var diagnostic = Diagnostic.Create(Rule, Location.Create("dir/config", text, new TextSpan(3, 2)), "`cd`");
        Assert.Equal("dir/config(2,2): warning CC9001: found `cd`", DiagnosticLine.Format(diagnostic));
        Assert.Equal(DiagnosticLine.Format(diagnostic), diagnostic.ToString());
        Assert.Equal("<input>(1,1): error CC9001: found x", Diagnostic.Create(Rule, Location.None(), "x").WithSeverity(DiagnosticSeverity.Error).ToString());
    }

    [Fact]
    public void Every_descriptor_links_to_its_section_of_the_diagnostics_page()
    {
        Assert.Equal(DiagnosticDescriptor.HelpBase + "#cc9001", Rule.HelpLink);
        Assert.Equal("https://x.invalid/a", new DiagnosticDescriptor("CC9003", "t", "m", "c", DiagnosticSeverity.Info, helpLink: "https://x.invalid/a").HelpLink);
    }
}
