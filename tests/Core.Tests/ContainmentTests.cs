using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.Core.Tests;

/// <summary>Whether one span, or one location, lies wholly inside another: the check behind "this word was written on that line".</summary>
public sealed class ContainmentTests
{
    private static readonly SourceText Text = SourceText.From("A=\"$A x\"\nB=1\n");

    [Theory]
    [InlineData(0, 8, true)]
    [InlineData(2, 6, true)]
    [InlineData(0, 0, true)]
    [InlineData(8, 8, true)]
    [InlineData(7, 9, false)]
    [InlineData(9, 12, false)]
    public void A_span_contains_what_lies_between_its_start_and_its_end(int start, int end, bool contained)
        => Assert.Equal(contained, new TextSpan(0, 8).Contains(TextSpan.FromBounds(start, end)));

    [Fact]
    public void A_location_contains_a_location_inside_it_in_the_same_file()
    {
        var line = Location.Create("mod/config", Text, new TextSpan(0, 8));
        Assert.True(line.Contains(Location.Create("mod/config", Text, new TextSpan(6, 1))));
        Assert.True(line.Contains(line));
    }

    [Fact]
    public void A_location_does_not_contain_one_outside_it_in_another_file_or_none()
    {
        var line = Location.Create("mod/config", Text, new TextSpan(0, 8));
        Assert.False(line.Contains(Location.Create("mod/config", Text, new TextSpan(9, 3))));
        Assert.False(line.Contains(Location.Create("mod/helper.sh", Text, new TextSpan(6, 1))));
        Assert.False(line.Contains(null));
    }
}
