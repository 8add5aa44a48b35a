using ConfigConvert.Analyzers.Preprocessor;

namespace ConfigConvert.Analyzers.Tests.Preprocessor;

public sealed class ConditionParserTests
{
    [Fact]
    public void Reads_a_version_comparison_in_parentheses()
    {
        var expression = ConditionParser.Parse("(nginx_version >= 1009011)");

        Assert.Equal(new BinaryCondition(ConditionOperator.GreaterOrEqual, new NameCondition("nginx_version"), new IntegerCondition(1009011)), expression);
    }

    [Theory]
    [InlineData("defined(NDK)")]
    [InlineData("defined NDK")]
    [InlineData("defined ( NDK )")]
    public void Reads_every_spelling_of_defined(string text)
    {
        Assert.Equal(new DefinedCondition("NDK"), ConditionParser.Parse(text));
    }

    [Fact]
    public void And_binds_tighter_than_or_and_comparisons_tighter_than_and()
    {
        var expression = ConditionParser.Parse("A || B && nginx_version < 1009011");

        var comparison = new BinaryCondition(ConditionOperator.Less, new NameCondition("nginx_version"), new IntegerCondition(1009011));
        var and = new BinaryCondition(ConditionOperator.And, new NameCondition("B"), comparison);
        Assert.Equal(new BinaryCondition(ConditionOperator.Or, new NameCondition("A"), and), expression);
    }

    [Fact]
    public void Not_applies_to_the_operand_that_follows()
    {
        var expression = ConditionParser.Parse("!defined(NGX_HTTP_SSL) && (NGX_HAVE_KQUEUE)");

        var expected = new BinaryCondition(
            ConditionOperator.And,
            new UnaryCondition(ConditionOperator.Not, new DefinedCondition("NGX_HTTP_SSL")),
            new NameCondition("NGX_HAVE_KQUEUE"));
        Assert.Equal(expected, expression);
    }

    [Fact]
    public void Operators_of_one_level_associate_to_the_left()
    {
        Assert.Equal(
            new BinaryCondition(ConditionOperator.Subtract, new BinaryCondition(ConditionOperator.Subtract, new IntegerCondition(10), new IntegerCondition(3)), new IntegerCondition(2)),
            ConditionParser.Parse("10 - 3 - 2"));
    }

    [Theory]
    [InlineData("1009011", 1009011L)]
    [InlineData("0x10", 16L)]
    [InlineData("010", 8L)]
    [InlineData("1UL", 1L)]
    [InlineData("0", 0L)]
    public void Reads_integer_literals(string text, long value)
    {
        Assert.Equal(new IntegerCondition(value), ConditionParser.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("(nginx_version >= 1009011")]
    [InlineData("nginx_version >=")]
    [InlineData("A ? B : C")]
    [InlineData("'a' == 97")]
    [InlineData("1.5 > 1")]
    [InlineData("09")]
    [InlineData("99999999999999999999")]
    [InlineData("defined()")]
    [InlineData("\"text\"")]
    public void Gives_null_for_what_it_does_not_read(string text)
    {
        Assert.Null(ConditionParser.Parse(text));
    }

    [Fact]
    public void Gives_null_rather_than_recursing_without_end_on_deep_nesting()
    {
        var deep = new string('(', 100_000) + "1" + new string(')', 100_000);

        Assert.Null(ConditionParser.Parse(deep));
    }
}
