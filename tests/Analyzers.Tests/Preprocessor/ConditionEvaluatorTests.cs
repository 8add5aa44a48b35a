using ConfigConvert.Analyzers.Preprocessor;

namespace ConfigConvert.Analyzers.Tests.Preprocessor;

public sealed class ConditionEvaluatorTests
{
    /// <summary>1.9.11 and every later nginx: the default target.</summary>
    private static readonly ConditionEvaluator Dynamic = new(1009011, null);

    [Theory]
    [InlineData("(nginx_version >= 1009011)", "True")]
    [InlineData("nginx_version >= 1009011", "True")]
    [InlineData("(nginx_version < 1009011)", "False")]
    [InlineData("nginx_version <= 1009010", "False")]
    [InlineData("nginx_version > 1009010", "True")]
    [InlineData("NGINX_VERSION_NUM >= 1009011", "True")]
    [InlineData("NGINX_VERSION_NUM < 1009011", "False")]
    [InlineData("(nginx_version >= 1011005)", "Unknown")]
    [InlineData("nginx_version < 1013000", "Unknown")]
    [InlineData("nginx_version == 1009011", "Unknown")]
    [InlineData("nginx_version != 1008000", "True")]
    [InlineData("nginx_version == 1008000", "False")]
    [InlineData("1009011 <= nginx_version", "True")]
    public void Decides_version_comparisons_for_1_9_11_and_later(string condition, string expected)
    {
        Assert.Equal(Enum.Parse<ConditionTruth>(expected), Dynamic.Decide(condition));
    }

    [Theory]
    [InlineData("(NGX_HTTP_SSL)", "Unknown")]
    [InlineData("defined(NDK)", "Unknown")]
    [InlineData("defined(nginx_version)", "True")]
    [InlineData("!defined(nginx_version)", "False")]
    [InlineData("0", "False")]
    [InlineData("1", "True")]
    [InlineData("!0", "True")]
    [InlineData("2 * 3 == 6", "True")]
    [InlineData("1 / 0", "Unknown")]
    [InlineData("(1 << 4) == 0x10", "True")]
    [InlineData("this is not a condition", "Unknown")]
    public void Decides_names_literals_and_arithmetic(string condition, string expected)
    {
        Assert.Equal(Enum.Parse<ConditionTruth>(expected), Dynamic.Decide(condition));
    }

    [Theory]
    [InlineData("(NGX_HTTP_SSL) && nginx_version < 1009011", "False")]
    [InlineData("(NGX_HTTP_SSL) && nginx_version >= 1009011", "Unknown")]
    [InlineData("(NGX_HTTP_SSL) || nginx_version >= 1009011", "True")]
    [InlineData("(NGX_HTTP_SSL) || nginx_version < 1009011", "Unknown")]
    [InlineData("!(NGX_HTTP_SSL)", "Unknown")]
    [InlineData("!(nginx_version < 1009011)", "True")]
    [InlineData("defined(nginx_version) && nginx_version >= 1009011", "True")]
    public void Follows_three_valued_logic(string condition, string expected)
    {
        Assert.Equal(Enum.Parse<ConditionTruth>(expected), Dynamic.Decide(condition));
    }

    [Fact]
    public void A_closed_range_decides_both_ends()
    {
        var range = new ConditionEvaluator(1010000, 1020000);

        Assert.Equal(ConditionTruth.True, range.Decide("nginx_version >= 1009011 && nginx_version < 1021000"));
        Assert.Equal(ConditionTruth.False, range.Decide("nginx_version > 1020000"));
        Assert.Equal(ConditionTruth.Unknown, range.Decide("nginx_version >= 1015000"));
    }

    [Fact]
    public void Values_are_intervals_so_arithmetic_on_the_version_stays_unknown_rather_than_wrong()
    {
        Assert.Equal(ConditionTruth.Unknown, Dynamic.Decide("nginx_version * 2 > 0"));
        Assert.Equal(ConditionTruth.True, Dynamic.Decide("-nginx_version < 0"));
    }
}
