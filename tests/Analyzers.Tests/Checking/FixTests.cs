using System.Collections.Immutable;
using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Fixing;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary><c>--fix</c>: proven fixes are written atomically and once; unproven and overlapping ones are not.</summary>
public sealed class FixTests
{
    [Fact]
    public void The_converter_fix_is_written_keeping_the_mode_and_a_second_run_changes_nothing()
    {
        using var tree = new TempTree();
        var config = tree.Write("m/config", Samples.OldStyleConfig);
        tree.Write("m/ngx_http_example_module.c", Samples.Source);
        File.SetUnixFileMode(config, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead);
        var expected = ((ConfigConvert.Analyzers.Rules.Config.OldStyleConfig)AnalyzerRegistry.All[0]).Examples[0].Fixed[0].Text;

        var first = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { Fix = true });
        Assert.Equal([config], first.ChangedFiles);
        Assert.Equal(["CC2201"], first.Modules.Single().Fixed.Select(d => d.Id));
        Assert.Empty(first.Diagnostics);
        Assert.Equal(expected, File.ReadAllText(config));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead, File.GetUnixFileMode(config));
        Assert.Equal(["config", "ngx_http_example_module.c"], Directory.EnumerateFiles(tree.PathOf("m")).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var second = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { Fix = true });
        Assert.Empty(second.ChangedFiles);
        Assert.Empty(second.Diagnostics);
        Assert.Equal(expected, File.ReadAllText(config));
    }

    /// <summary>
    /// What --fix reports is what the rules find in the files after the fixes were written, at their new lines: a
    /// finding another fix rewrote away (a use of ngx_modules inside a loop the loop's fix replaces) is not reported at
    /// its old line, and a second run agrees.
    /// </summary>
    [Fact]
    public void After_fix_the_findings_left_are_those_of_the_fixed_files()
    {
        using var module = Proofs.CheckFixtures.Copy("beacon_multitype");
        var before = ModuleChecker.Check([module.Path]);
        Assert.Contains(before.Diagnostics, d => d.Message.Contains("no fix here: the fix of line", StringComparison.Ordinal));

        var fixedRun = ModuleChecker.Check([module.Path], new CheckOptions { Fix = true });
        var again = ModuleChecker.Check([module.Path]);

        Assert.NotEmpty(fixedRun.ChangedFiles);
        Assert.Equal(again.Diagnostics.Select(d => d.ToString()), fixedRun.Diagnostics.Select(d => d.ToString()));
        Assert.DoesNotContain(fixedRun.Diagnostics, d => d.Message.Contains("no fix here", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_fix_nothing_is_written()
    {
        using var tree = new TempTree();
        var config = tree.Write("m/config", Samples.OldStyleConfig);
        var report = ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules);
        Assert.Single(report.Diagnostics);
        Assert.Equal(Samples.OldStyleConfig, File.ReadAllText(config));
    }

    [Fact]
    public void A_fixed_file_behind_a_symbolic_link_is_written_through_the_link()
    {
        using var tree = new TempTree();
        var real = tree.Write("m/config.real", Samples.OldStyleConfig);
        File.CreateSymbolicLink(tree.PathOf("m/config"), "config.real");
        ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules with { Fix = true });
        Assert.NotNull(new FileInfo(tree.PathOf("m/config")).LinkTarget);
        Assert.Contains(". auto/module", File.ReadAllText(real), StringComparison.Ordinal);
    }

    [Fact]
    public void A_proven_fix_of_a_test_rule_is_applied()
    {
        var outcome = FixWith(new MarkerRule("DONE"), "ngx_addon_name=x\nvalue=MARK\n", out var tree, out var config);
        using (tree)
        {
            Assert.Equal(config, Assert.Single(outcome.ChangedFiles));
            Assert.Empty(outcome.Diagnostics);
            Assert.Equal("ngx_addon_name=x\nvalue=DONE\n", File.ReadAllText(config));
        }
    }

    [Theory]
    [InlineData("MARK MARK", "MARK is still reported in `config` after the fix")]
    [InlineData("x\nngx_module_link=ADDON", "the fixed module would report CC2202 in `config`, which it did not before")]
    [InlineData("'open", "the config would no longer parse")]
    public void A_fix_that_cannot_be_proven_is_reported_and_not_written(string replacement, string reason)
    {
        var outcome = FixWith(new MarkerRule(replacement), "ngx_addon_name=x\nvalue=MARK\n", out var tree, out var config);
        using (tree)
        {
            Assert.Empty(outcome.ChangedFiles);
            Assert.Empty(outcome.Fixed);
            var unproven = Assert.Single(outcome.Diagnostics);
            Assert.Equal($"{config}(2,7): warning CC5910: the fixes of MARK were not applied: {reason}", unproven.ToString());
            Assert.Equal("ngx_addon_name=x\nvalue=MARK\n", File.ReadAllText(config));
        }
    }

    [Fact]
    public void A_fix_that_leaves_a_c_comment_open_is_not_written()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        var source = tree.Write("m/ngx_http_example_module.c", "int MARK;\n");
        var driver = new AnalyzerDriver([new MarkerRule("/* x", inCSource: true)]);
        var run = driver.Run(tree.PathOf("m"), NginxVersionRange.Dynamic);
        var outcome = new FixApplier(driver, NginxVersionRange.Dynamic).Apply(run, run.Diagnostics);
        Assert.Equal("the fixes of MARK were not applied: `ngx_http_example_module.c` would no longer tokenize (a comment or literal left open)", Assert.Single(outcome.Diagnostics).Message);
        Assert.Equal("int MARK;\n", File.ReadAllText(source));
    }

    [Fact]
    public void Of_two_overlapping_fixes_the_first_is_applied_and_the_second_reported()
    {
        var outcome = FixWith(new MarkerRule("DONE", reportTwice: true), "ngx_addon_name=x\nvalue=MARK\n", out var tree, out var config);
        using (tree)
        {
            var skipped = Assert.Single(outcome.Diagnostics);
            Assert.Equal("the fix `replace MARK` of MARK changes text that another fix changes; it is not applied in this run", skipped.Message);
            Assert.Equal("ngx_addon_name=x\nvalue=DONE\n", File.ReadAllText(config));
            Assert.Single(outcome.Fixed);
        }
    }

    private static FixOutcome FixWith(MarkerRule rule, string configText, out TempTree tree, out string config)
    {
        tree = new TempTree();
        config = tree.Write("m/config", configText);
        var driver = new AnalyzerDriver([rule, new ConfigConvert.Analyzers.Rules.Config.ConfigSetsModuleLink()]);
        var run = driver.Run(tree.PathOf("m"), NginxVersionRange.Dynamic);
        return new FixApplier(driver, NginxVersionRange.Dynamic).Apply(run, run.Diagnostics.Where(d => d.Id == "MARK"));
    }

    /// <summary>A rule for these tests: reports every <c>MARK</c> in the config (or C files), with a fix that replaces it.</summary>
    private sealed class MarkerRule(string replacement, bool inCSource = false, bool reportTwice = false) : ModuleAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("MARK", "Marker", "a marker", "Test", DiagnosticSeverity.Warning);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

        public override ImmutableArray<RuleExample> Examples { get; } = [];

        public override void Initialize(AnalysisContext context)
        {
            if (inCSource)
            {
                context.RegisterCSourceAction(c => ReportInFile(Path.Combine(c.Module.Directory, c.Source.RelativePath), c.Report));
            }
            else
            {
                context.RegisterConfigAction(c => Report(c.Config.FilePath!, c.Config.Text, c.Report));
            }
        }

        private void ReportInFile(string path, Action<Diagnostic> report) => Report(path, SourceText.From(File.ReadAllBytes(path)), report);

        private void Report(string path, SourceText text, Action<Diagnostic> report)
        {
            for (var at = text.Text.IndexOf("MARK", StringComparison.Ordinal); at >= 0; at = text.Text.IndexOf("MARK", at + 4, StringComparison.Ordinal))
            {
                var span = new TextSpan(at, 4);
                var fix = new Fix("replace MARK", [new TextChange(path, span, replacement)]);
                var diagnostic = Diagnostic.Create(Rule, Location.Create(path, text, span)).WithFix(fix);
                report(diagnostic);
                if (reportTwice)
                {
                    report(Diagnostic.Create(Rule, Location.Create(path, text, new TextSpan(at, 2))).WithFix(new Fix("replace MARK", [new TextChange(path, new TextSpan(at, 2), "XX")])));
                }
            }
        }
    }
}
