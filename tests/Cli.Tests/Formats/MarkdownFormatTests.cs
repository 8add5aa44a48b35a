using ConfigConvert.Cli.Output.Formats;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;
using Markdig;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--format markdown</c>: one pull-request comment, checked as GitHub-flavoured Markdown parsed by Markdig.</summary>
public sealed class MarkdownFormatTests
{
    private const string NewStyle = "ngx_addon_name=ngx_http_x_module\nngx_module_type=HTTP\nngx_module_name=ngx_http_x_module\nngx_module_srcs=\"$ngx_addon_dir/ngx_http_x_module.c $ngx_addon_dir/ngx_http_x_count.c\"\n. auto/module\n";

    /// <summary>A walk over the module list bounded by ngx_max_module (CC4xxx, whose fix spans the loop's lines).</summary>
    private const string CountingLoop = "#include <ngx_config.h>\n#include <ngx_core.h>\n#include <ngx_http.h>\n\n\nngx_uint_t\nngx_http_x_count_http_modules(ngx_cycle_t *cycle)\n{\n    ngx_uint_t  i, n;\n\n    n = 0;\n\n    for (i = 0; i < ngx_max_module; i++) {\n        if (ngx_modules[i]->type != NGX_HTTP_MODULE) {\n            continue;\n        }\n\n        n++;\n    }\n\n    return n;\n}\n";

    private static readonly MarkdownPipeline GitHubFlavoured = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [Theory]
    [InlineData("tick`s |pipe/config")]
    [InlineData("`edge`/config")]
    [InlineData("two``ticks/config")]
    public void A_path_with_backticks_is_one_code_span_whole(string path)
    {
        var span = MarkdownFormatter.CodeSpan(path);
        var document = Markdown.Parse("### " + span + "\n", GitHubFlavoured);
        var code = Assert.Single(Assert.Single(document.Descendants<HeadingBlock>()).Inline!.Descendants<CodeInline>());
        Assert.Equal(path, code.Content);
    }

    /// <summary>A fix's diff names a path with a line break as git does, quoted on one line: before, the break split its header.</summary>
    [Fact]
    public void A_fix_diff_of_a_path_with_a_line_break_keeps_each_header_on_one_line()
    {
        const string path = "/r/m\n1/config";
        var fix = new Fixes.Fix("Rename", [new Fixes.TextChange(path, new Text.TextSpan(2, 1), "B")]);
        var diff = FixExcerpt.Diff(fix, path, Text.SourceText.From("a\nb\nc\n"), "m\n1/config");
        Assert.Equal("--- \"a/m\\n1/config\"\n+++ \"b/m\\n1/config\"\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n", diff);
    }

    [Fact]
    public void A_check_comment_has_the_marker_a_summary_table_findings_by_file_with_links_and_fixes_as_diffs()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyleWithLink);
        var result = FormatFixtures.Check(repo, "--format", "markdown", "--link-base", "https://git.example/r/blob/abc");
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(MarkdownFormatter.Marker + "\n", result.Out, StringComparison.Ordinal);
        var document = Markdown.Parse(result.Out, GitHubFlavoured);
        var table = Assert.Single(document.Descendants<Table>());
        Assert.Equal(["modules", "errors", "warnings", "notes"], Cells((TableRow)table[0]));
        Assert.Equal(["1", "0", "2", "0"], Cells((TableRow)table[1]));
        var heading = Assert.Single(document.Descendants<HeadingBlock>(), h => h.Level == 3);
        Assert.Equal("https://git.example/r/blob/abc/m/config", Assert.Single(heading.Inline!.Descendants<LinkInline>()).Url);
        var links = document.Descendants<LinkInline>().Select(l => l.Url).ToList();
        Assert.Contains("https://git.example/r/blob/abc/m/config#L4", links);
        Assert.Contains(links, l => l!.EndsWith("/docs/rules/CC2202.md", StringComparison.Ordinal));
        Assert.Contains(document.Descendants<HtmlBlock>(), h => h.Lines.ToString().Contains("<details>", StringComparison.Ordinal));
        var diff = Assert.Single(document.Descendants<FencedCodeBlock>(), f => f.Info == "diff");
        Assert.Contains("+    . auto/module", diff.Lines.ToString(), StringComparison.Ordinal);
        Assert.Contains("<table>", Markdown.ToHtml(result.Out, GitHubFlavoured), StringComparison.Ordinal);
    }

    [Fact]
    public void A_fix_on_lines_the_pull_request_added_is_a_suggestion_and_others_are_not()
    {
        using var repo = FormatFixtures.Repository(NewStyle);
        var source = repo.Write("m/ngx_http_x_count.c", CountingLoop);
        var lines = CountingLoop.Split('\n')[..^1];
        var wholeFileAdded = repo.Write("pr.diff", $"diff --git a/m/ngx_http_x_count.c b/m/ngx_http_x_count.c\nnew file mode 100644\n--- /dev/null\n+++ b/m/ngx_http_x_count.c\n@@ -0,0 +1,{lines.Length} @@\n" + string.Concat(lines.Select(l => "+" + l + "\n")));
        var firstLineAdded = repo.Write("other.diff", "--- a/m/ngx_http_x_count.c\n+++ b/m/ngx_http_x_count.c\n@@ -0,0 +1 @@\n+#include <ngx_config.h>\n");
        var suggested = Markdown.Parse(FormatFixtures.Check(repo, "--format", "markdown", "--changed-lines", wholeFileAdded).Out, GitHubFlavoured);
        var suggestion = Assert.Single(suggested.Descendants<FencedCodeBlock>(), f => f.Info == "suggestion");
        var text = suggestion.Lines.ToString().ReplaceLineEndings("\n");
        Assert.StartsWith("#if (nginx_version >= 1009011)\n    for (i = 0; i < cycle->modules_n; i++) {\n", text, StringComparison.Ordinal);
        Assert.EndsWith("#endif", text, StringComparison.Ordinal);
        Assert.DoesNotContain(suggested.Descendants<FencedCodeBlock>(), f => f.Info == "diff");
        var notSuggested = Markdown.Parse(FormatFixtures.Check(repo, "--format", "markdown", "--changed-lines", firstLineAdded).Out, GitHubFlavoured);
        Assert.DoesNotContain(notSuggested.Descendants<FencedCodeBlock>(), f => f.Info == "suggestion");
        Assert.Contains(notSuggested.Descendants<FencedCodeBlock>(), f => f.Info == "diff" && f.Lines.ToString().Contains("+#if (nginx_version >= 1009011)", StringComparison.Ordinal));
        Assert.True(File.Exists(source));
    }

    [Fact]
    public void A_suggestion_holds_the_fixed_lines_of_a_partial_fix()
    {
        using var root = new TempDirectory();
        var report = FormatFixtures.ManyFindings(3, DiagnosticSeverity.Warning, root.Path);
        var finding = report.Findings.ElementAt(1);
        var path = finding.Location.Path!;
        var fix = new Fixes.Fix("Rename", [new Fixes.TextChange(path, new Text.TextSpan(finding.Location.Span.Start, 15), "ngx_module_type")]);
        var options = new ReportOptions { RepositoryRoot = root.Path, ChangedLines = ChangedLines.Parse("+++ b/m/config\n@@ -1,3 +1,3 @@\n x\n+y\n z\n") };
        var single = report with { Modules = [report.Modules[0] with { Findings = [Diagnostic.Create(finding.Descriptor, finding.Location).WithFix(fix)] }] };
        Assert.Equal("ngx_module_type=DYNAMIC # 00002 ########", MarkdownSuggestions.Of(single.Findings.Single(), report.Sources, options));
    }

    [Fact]
    public void Convert_diff_puts_the_proposed_conversion_in_a_collapsed_diff()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyle);
        var result = CliRunner.Run("convert", "--diff", Path.Combine(repo.Path, "m"), "--format", "markdown", "--repository-root", repo.Path);
        Assert.Equal(0, result.ExitCode);
        var document = Markdown.Parse(result.Out, GitHubFlavoured);
        Assert.Equal(2, document.Descendants<Table>().Count());
        Assert.Contains(document.Descendants<HtmlBlock>(), h => h.Lines.ToString().Contains("<summary>Proposed conversion of <code>m/config</code></summary>", StringComparison.Ordinal));
        var diff = Assert.Single(document.Descendants<FencedCodeBlock>(), f => f.Info == "diff");
        Assert.StartsWith("--- a/config\n+++ b/config\n", diff.Lines.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_huge_report_stays_under_GitHubs_limit_and_says_what_it_cut_with_a_link_to_the_full_report()
    {
        using var root = new TempDirectory();
        var report = FormatFixtures.ManyFindings(5_000, DiagnosticSeverity.Warning, root.Path, lineLength: 200);
        var options = new ReportOptions { RepositoryRoot = root.Path, ReportUrl = "https://ci.example/run/7", LinkBase = "https://git.example/r/blob/abc" };
        var comment = FormatFixtures.Render("markdown", report, options);
        Assert.InRange(comment.Length, MarkdownComment.GitHubLimit - 10_000, MarkdownComment.GitHubLimit - 1);
        Assert.StartsWith(MarkdownFormatter.Marker, comment, StringComparison.Ordinal);
        var document = Markdown.Parse(comment, GitHubFlavoured);
        var shown = document.Descendants<ListItemBlock>().Count();
        Assert.Contains($"**Cut to fit a comment:** {5_000 - shown} finding(s) and 0 diff(s) are not shown; the full report is at https://ci.example/run/7.", comment, StringComparison.Ordinal);
        // Every <details> that was opened is closed: nothing was cut in the middle of a piece.
        Assert.Equal(comment.Split("<details>").Length, comment.Split("</details>").Length);
    }

    [Fact]
    public void A_fix_far_down_a_file_is_diffed_on_its_own_lines_with_their_numbers()
    {
        using var root = new TempDirectory();
        var report = FormatFixtures.ManyFindings(100, DiagnosticSeverity.Warning, root.Path, lineLength: 36);
        var finding = report.Findings.ElementAt(49);
        var diff = FixExcerpt.Diff(finding.Fixes[0], finding.Location.Path!, report.Sources.Get(finding.Location.Path)!, "m/config");
        static string Line(int n) => $"ngx_module_link=DYNAMIC # {n:D5} ####";
        Assert.Equal($"--- a/m/config\n+++ b/m/config\n@@ -47,7 +47,6 @@\n {Line(47)}\n {Line(48)}\n {Line(49)}\n-{Line(50)}\n {Line(51)}\n {Line(52)}\n {Line(53)}\n", diff);
    }

    private static List<string> Cells(TableRow row) => [.. row.Cast<TableCell>().Select(c => ((ParagraphBlock)c[0]).Inline!.FirstChild!.ToString()!)];
}
