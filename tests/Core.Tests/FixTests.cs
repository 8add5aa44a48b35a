using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Core.Tests;

public sealed class FixTests
{
    [Fact]
    public void Changes_apply_in_order_of_position_to_their_own_file_only()
    {
        var fix = new Fix("rename", [
            new TextChange("b", new TextSpan(0, 1), "B"),
            new TextChange("a", new TextSpan(4, 3), "four"),
            new TextChange("a", new TextSpan(0, 3), "one"),
            new TextChange("a", new TextSpan(8, 0), "+"),
        ]);

        Assert.Equal("one four +def end", fix.Apply("a", "abc six def end"));
        Assert.Equal("Bbc", fix.Apply("b", "abc"));
        Assert.Equal("untouched", fix.Apply("c", "untouched"));
        Assert.Equal(["a", "b"], fix.Paths);
    }

    [Fact]
    public void Overlapping_changes_of_one_file_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Fix("bad", [
            new TextChange("a", new TextSpan(0, 5), "x"),
            new TextChange("a", new TextSpan(3, 1), "y"),
        ]));
        Assert.Contains("overlap", e.Message);
    }

    [Fact]
    public void Applying_to_source_text_keeps_its_encoding()
    {
        var latin1 = SourceText.From(new byte[] { (byte)'a', 0xE9, (byte)'b' });
        var fix = new Fix("edit", [new TextChange("f", new TextSpan(2, 1), "c")]);
        var changed = fix.Apply("f", latin1);
        Assert.Equal(new byte[] { (byte)'a', 0xE9, (byte)'c' }, changed.GetBytes(changed.Text));
    }
}
