using System.Text.Json;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--format sarif</c>: SARIF 2.1.0 that GitHub code scanning accepts.</summary>
public sealed class SarifFormatTests
{
    private const string InstallHint = "bash .ci/run installs it (npm install --prefix ~/.cache/configconvert/npm @microsoft/sarif-multitool@5.7.0, then put ~/.cache/configconvert/npm/node_modules/.bin on PATH)";

    [Fact]
    public void Results_have_relative_uris_fingerprints_fixes_and_rules_with_their_documentation()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var result = FormatFixtures.Check(repo, "--format", "sarif");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        Assert.Equal("2.1.0", json.RootElement.GetProperty("version").GetString());
        var run = json.RootElement.GetProperty("runs")[0];
        Assert.Equal(new Uri(repo.Path + "/").AbsoluteUri, run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["CC2201", "CC2202"], rules.Select(r => r.GetProperty("id").GetString()));
        var help = rules[1].GetProperty("help");
        Assert.StartsWith("# CC2202: Config sets ngx_module_link\n", help.GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(help.GetProperty("text").GetString()));
        Assert.EndsWith("/docs/rules/CC2202.md", rules[1].GetProperty("helpUri").GetString(), StringComparison.Ordinal);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        var link = results.Single(r => r.GetProperty("ruleId").GetString() == "CC2202");
        Assert.Equal(1, link.GetProperty("ruleIndex").GetInt32());
        var physical = link.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal(("m/config", "SRCROOT"), (physical.GetProperty("artifactLocation").GetProperty("uri").GetString(), physical.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString()));
        Assert.Equal((4, 1, 4, 24), (physical.GetProperty("region").GetProperty("startLine").GetInt32(), physical.GetProperty("region").GetProperty("startColumn").GetInt32(), physical.GetProperty("region").GetProperty("endLine").GetInt32(), physical.GetProperty("region").GetProperty("endColumn").GetInt32()));
        Assert.Matches("^[0-9a-f]{16}:1$", link.GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString());

        var replacement = results.Single(r => r.GetProperty("ruleId").GetString() == "CC2201").GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0];
        Assert.Contains(". auto/module", replacement.GetProperty("insertedContent").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, replacement.GetProperty("deletedRegion").GetProperty("startLine").GetInt32());
    }

    [Fact]
    public void The_fingerprint_follows_the_line_when_lines_above_move()
    {
        using var repo = FormatFixtures.Repository("ngx_module_link=DYNAMIC\n");
        var before = Fingerprint(FormatFixtures.Check(repo, "--format", "sarif").Out);
        File.WriteAllText(Path.Combine(repo.Path, "m", "config"), "# a comment\n\nngx_module_link=DYNAMIC\n");
        Assert.Equal(before, Fingerprint(FormatFixtures.Check(repo, "--format", "sarif").Out));
    }

    [Fact]
    public void Convert_check_reports_a_needed_conversion_as_CC2201_with_the_conversion_as_its_fix()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyle);
        var result = CliRunner.Run("convert", "--check", Path.Combine(repo.Path, "m"), "--format", "sarif", "--repository-root", repo.Path);
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Out);
        var only = Assert.Single(json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray());
        Assert.Equal("CC2201", only.GetProperty("ruleId").GetString());
        Assert.Contains("auto/module", only.GetProperty("fixes")[0].GetProperty("artifactChanges")[0].GetProperty("replacements")[0].GetProperty("insertedContent").GetProperty("text").GetString(), StringComparison.Ordinal);
    }

    /// <summary>
    /// The multitool checks the SARIF schema (JSON1xxx), SARIF's own rules (SARIF1xxx, SARIF2xxx) and GitHub's
    /// (GH1xxx, GH2xxx). It exits 0 even when it finds errors (and when it could not write its log), so the test
    /// reads the log it writes and requires it to hold no result at all.
    /// </summary>
    [Fact]
    [Trait("Requires", "sarif-multitool")]
    public void The_output_passes_the_sarif_multitool_with_GitHubs_rules()
    {
        var multitool = FindMultitool();
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var checkSarif = repo.Write("check.sarif", FormatFixtures.Check(repo, "--format", "sarif", "--fail-on", "none").Out);
        var convertSarif = repo.Write("convert.sarif", CliRunner.Run("convert", "--diff", Path.Combine(repo.Path, "m"), "--format", "sarif", "--repository-root", repo.Path).Out);
        foreach (var input in new[] { checkSarif, convertSarif })
        {
            var log = input + ".validation";
            // The npm package's launcher runs the tool through a shell: the list of rule kinds is quoted for it.
            var run = ExternalTool.Run(multitool, ["validate", "--rule-kind", "\"Gh;Sarif\"", "--output", log, input], repo.Path);
            Assert.True(run.ExitCode == 0, $"sarif-multitool exited {run.ExitCode}: {run.StandardOutput}{run.StandardError}");
            Assert.True(File.Exists(log), "sarif-multitool wrote no log: " + run.StandardOutput);
            using var validation = JsonDocument.Parse(File.ReadAllText(log));
            var validationRun = validation.RootElement.GetProperty("runs")[0];
            var problems = validationRun.GetProperty("results").EnumerateArray().Select(r => $"{r.GetProperty("ruleId").GetString()}: {r.GetProperty("message")}").ToList();
            Assert.True(problems.Count == 0, $"{Path.GetFileName(input)}:\n" + string.Join("\n", problems));
            Assert.DoesNotContain(": error ", run.StandardOutput, StringComparison.Ordinal);
        }
    }

    private static string? Fingerprint(string sarif)
    {
        using var json = JsonDocument.Parse(sarif);
        return json.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single(r => r.GetProperty("ruleId").GetString() == "CC2202").GetProperty("partialFingerprints").GetProperty("primaryLocationLineHash").GetString();
    }

    /// <summary>The multitool from PATH, or where <c>.ci/run</c> installs it.</summary>
    private static string FindMultitool()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME") is { Length: > 0 } xdg ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        var local = Path.Combine(cache, "configconvert", "npm", "node_modules", ".bin", "sarif-multitool");
        return File.Exists(local) ? local : ExternalTool.Require("sarif-multitool", InstallHint);
    }
}
