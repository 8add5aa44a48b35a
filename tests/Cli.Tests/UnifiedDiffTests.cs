using ConfigConvert.Cli.Output;

namespace ConfigConvert.Cli.Tests;

/// <summary><c>convert --diff</c>'s diff, pinned to what <c>diff -u</c> prints for the same texts.</summary>
public sealed class UnifiedDiffTests
{
    [Fact]
    public void Equal_texts_give_no_diff()
        => Assert.Equal(string.Empty, UnifiedDiff.Create("a\n", "a\n", "a", "b"));

    [Fact]
    public void A_change_has_three_lines_of_context()
        => Assert.Equal(
            "--- a\n+++ b\n@@ -1,7 +1,7 @@\n a\n b\n c\n-d\n+D\n e\n f\n g\n",
            UnifiedDiff.Create("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nb\nc\nD\ne\nf\ng\nh\n", "a", "b"));

    [Fact]
    public void Changes_far_apart_get_hunks_of_their_own()
    {
        var old = string.Concat(Enumerable.Range(1, 16).Select(i => $"{i}\n"));
        var changed = string.Concat(Enumerable.Range(1, 16).Select(i => i switch { 2 => "TWO\n", 15 => "FIFTEEN\n", _ => $"{i}\n" }));
        Assert.Equal(
            "--- a\n+++ b\n@@ -1,5 +1,5 @@\n 1\n-2\n+TWO\n 3\n 4\n 5\n@@ -12,5 +12,5 @@\n 12\n 13\n 14\n-15\n+FIFTEEN\n 16\n",
            UnifiedDiff.Create(old, changed, "a", "b"));
    }

    [Fact]
    public void A_missing_final_newline_is_shown()
        => Assert.Equal(
            "--- a\n+++ b\n@@ -1 +1 @@\n-x\n+x\n\\ No newline at end of file\n",
            UnifiedDiff.Create("x\n", "x", "a", "b"));
}
