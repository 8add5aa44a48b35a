using ConfigConvert.Text;

namespace ConfigConvert.Core.Tests;

/// <summary>Line starts and the 1-based line and column of every position, as a walk over the characters finds them.</summary>
public sealed class LinePositionTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\n\n")]
    [InlineData("a")]
    [InlineData("a\n")]
    [InlineData("a\nb")]
    [InlineData("a\r\nb\r\n")]
    [InlineData("\nx\n\ny")]
    public void Every_position_is_where_a_walk_over_the_text_puts_it(string text) => AssertAsWalked(text);

    [Fact]
    public void Random_texts_of_every_length_agree_with_the_walk()
    {
        // Long enough for the vectorized searches to take whole blocks, with lines of every length between.
        var random = new Random(7);
        for (var i = 0; i < 300; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 400)).Select(_ => random.Next(6) == 0 ? '\n' : (char)('a' + random.Next(26)))]);
            AssertAsWalked(text);
        }
    }

    private static void AssertAsWalked(string text)
    {
        var source = SourceText.From(text);
        var starts = new List<int> { 0 };
        var (line, column) = (1, 1);
        for (var position = 0; position <= text.Length; position++)
        {
            Assert.Equal(new LinePosition(line, column), source.GetLinePosition(position));
            if (position < text.Length && text[position] == '\n')
            {
                (line, column) = (line + 1, 1);
                starts.Add(position + 1);
            }
            else
            {
                column++;
            }
        }

        Assert.Equal(starts, source.Lines);
    }
}
