using ConfigConvert.Cli.Output.Reports;

namespace ConfigConvert.Cli.Tests.Formats;

/// <summary><c>--changed-lines DIFF</c>: the lines a pull request added, read from its unified diff.</summary>
public sealed class ChangedLinesTests
{
    [Fact]
    public void Added_lines_are_numbered_in_the_new_file_across_hunks_and_files()
    {
        var lines = ChangedLines.Parse(
            "diff --git a/m/config b/m/config\n--- a/m/config\n+++ b/m/config\n@@ -1,3 +1,4 @@\n x\n+y\n-gone\n z\n+w\n\\ No newline at end of file\n"
            + "@@ -10 +20,2 @@\n+a\n+b\n--- a/m/x.c\n+++ b/m/x.c\n@@ -0,0 +1 @@\n+int x;\n");
        Assert.True(lines.AllAdded("m/config", 2, 2));
        Assert.True(lines.AllAdded("m/config", 4, 4));
        Assert.True(lines.AllAdded("m/config", 20, 21));
        Assert.False(lines.AllAdded("m/config", 1, 1));
        Assert.False(lines.AllAdded("m/config", 3, 3));
        Assert.False(lines.AllAdded("m/config", 2, 4));
        Assert.True(lines.AllAdded("m/x.c", 1, 1));
    }

    [Fact]
    public void Lines_outside_a_hunk_and_deleted_files_count_for_nothing()
    {
        var lines = ChangedLines.Parse("+++ b/m/config\n+before any hunk\n--- a/m/old.c\n+++ /dev/null\n@@ -1 +0,0 @@\n-int x;\n");
        Assert.False(lines.AllAdded("m/config", 0, 0));
        Assert.False(lines.AllAdded("m/config", 1, 1));
        Assert.False(lines.AllAdded("m/old.c", 1, 1));
    }

    /// <summary>An added line whose text starts with <c>++ </c> reads <c>+++ </c>: inside a hunk it is a line, not a header.</summary>
    [Fact]
    public void A_hunk_is_as_long_as_its_header_says_so_an_added_line_like_a_header_is_a_line()
    {
        var lines = ChangedLines.Parse("--- a/m/x.c\n+++ b/m/x.c\n@@ -1,2 +1,4 @@\n a\n+++ b/other\n+c\n b\n--- a/m/y.c\n+++ b/m/y.c\n@@ -0,0 +1 @@\n+y\n");
        Assert.True(lines.AllAdded("m/x.c", 2, 3));
        Assert.False(lines.AllAdded("m/x.c", 1, 1));
        Assert.False(lines.AllAdded("m/x.c", 4, 4));
        Assert.False(lines.AllAdded("other", 1, 1));
        Assert.True(lines.AllAdded("m/y.c", 1, 1));
    }

    [Theory]
    [InlineData("99999999999")]
    [InlineData("2147483648")]
    [InlineData("99999999999999999999999999999999")]
    public void A_hunk_that_starts_past_ints_range_names_no_line_and_the_next_hunk_still_counts(string start)
    {
        var lines = ChangedLines.Parse($"+++ b/m/config\n@@ -1 +{start},2 @@\n+a\n+b\n@@ -5 +7 @@\n+c\n");
        Assert.True(lines.AllAdded("m/config", 7, 7));
        Assert.False(lines.AllAdded("m/config", 1, 2));
    }

    [Fact]
    public void A_hunk_at_the_last_line_number_an_int_holds_does_not_wrap()
    {
        var lines = ChangedLines.Parse($"+++ b/m/config\n@@ -1 +{int.MaxValue},3 @@\n+a\n+b\n+c\n");
        Assert.True(lines.AllAdded("m/config", int.MaxValue, int.MaxValue));
        Assert.False(lines.AllAdded("m/config", 1, 2));
        Assert.False(lines.AllAdded("m/config", int.MinValue, int.MinValue));
    }

    [Fact]
    public void Check_takes_a_diff_whose_line_numbers_overflow_as_any_other()
    {
        using var repo = FormatFixtures.Repository(FormatFixtures.OldStyle);
        var diff = repo.Write("pr.diff", "--- a/m/config\n+++ b/m/config\n@@ -1 +99999999999 @@\n+x\n");
        var result = FormatFixtures.Check(repo, "--format", "github", "--changed-lines", diff);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("CC2201", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", result.Error, StringComparison.Ordinal);
    }
}
