using ConfigConvert.Cli.Output.Formats;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--format github</c>: workflow commands, escaped as the runner reads them, within GitHub's annotation limits.</summary>
public sealed class GitHubFormatTests
{
    [Fact]
    public void Each_finding_is_an_annotation_with_a_repository_relative_file()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var result = FormatFixtures.Check(repo, "--format", "github");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(
            "::warning file=m/config,line=4,endLine=4,col=1,endColumn=24,title=CC2202%3A Config sets ngx_module_link::the config sets `ngx_module_link`, which configure sets from --add-module or --add-dynamic-module; remove the assignment\n",
            result.Out,
            StringComparison.Ordinal);
        Assert.DoesNotContain("::notice", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Data_and_properties_are_escaped_as_GitHub_specifies()
    {
        Assert.Equal("50%25 a%0D%0Ab: c, d", GitHubFormatter.EscapeData("50% a\r\nb: c, d"));
        Assert.Equal("50%25 a%0Ab%3A c%2C d", GitHubFormatter.EscapeProperty("50% a\nb: c, d"));
    }

    [Fact]
    public void At_most_ten_of_a_severity_then_a_notice_that_says_what_was_left_out_and_where_the_report_is()
    {
        using var root = new TempDirectory();
        var report = FormatFixtures.ManyFindings(25, DiagnosticSeverity.Warning, root.Path);
        var output = FormatFixtures.Render("github", report, new ReportOptions { RepositoryRoot = root.Path, ReportUrl = "https://ci.example/run/7" });
        var lines = output.Split('\n');
        Assert.Equal(GitHubFormatter.PerSeverity, lines.Count(l => l.StartsWith("::warning ", StringComparison.Ordinal)));
        var notice = Assert.Single(lines, l => l.StartsWith("::notice ", StringComparison.Ordinal));
        Assert.Contains("15 of 25 findings are not shown as annotations (0 error(s), 15 warning(s), 0 note(s))", notice, StringComparison.Ordinal);
        Assert.EndsWith("the full report is at https://ci.example/run/7", notice, StringComparison.Ordinal);
        Assert.Contains("::group::Findings not shown as annotations", lines);
        Assert.Equal(15, lines.Count(l => l.Contains(": warning CC2202: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void With_ten_notes_shown_the_notice_takes_the_place_of_the_last_so_GitHub_drops_nothing()
    {
        using var root = new TempDirectory();
        var report = FormatFixtures.ManyFindings(12, DiagnosticSeverity.Info, root.Path);
        var lines = FormatFixtures.Render("github", report, new ReportOptions { RepositoryRoot = root.Path }).Split('\n');
        var notices = lines.Where(l => l.StartsWith("::notice ", StringComparison.Ordinal)).ToList();
        Assert.Equal(GitHubFormatter.PerSeverity, notices.Count);
        Assert.Contains("3 of 12 findings are not shown", notices[^1], StringComparison.Ordinal);
        Assert.EndsWith("run ngx-convert with --format text for the full report", notices[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_outside_the_repository_has_no_file_and_says_its_path_in_the_message()
    {
        using var repo = FormatFixtures.Repository("ngx_module_link=DYNAMIC\n");
        using var elsewhere = new TempDirectory();
        var result = CliRunner.Run("check", Path.Combine(repo.Path, "m"), "--format", "github", "--repository-root", elsewhere.Path);
        var line = Assert.Single(result.Out.Split('\n'), l => l.Contains("CC2202", StringComparison.Ordinal));
        Assert.StartsWith("::warning title=CC2202%3A Config sets ngx_module_link::" + Path.Combine(repo.Path, "m", "config") + "(1,1): warning CC2202", line, StringComparison.Ordinal);
    }
}
