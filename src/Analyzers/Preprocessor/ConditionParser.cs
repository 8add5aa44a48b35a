using System.Collections.Concurrent;
using System.Globalization;
using Superpower;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace ConfigConvert.Analyzers.Preprocessor;

/// <summary>
/// Reads the text of an <c>#if</c> or <c>#elif</c> condition into a <see cref="ConditionExpression"/>,
/// with C's precedence and associativity. Never throws: text it does not read gives null.
/// </summary>
internal static class ConditionParser
{
    /// <summary>
    /// Conditions longer than this many tokens are not read: the parser and the evaluator recurse once per
    /// nesting level, and no real condition comes near it.
    /// </summary>
    internal const int MaxTokens = 256;

    private static readonly Tokenizer<ConditionToken> Tokenizer = new TokenizerBuilder<ConditionToken>()
        .Ignore(Span.WhiteSpace)
        .Match(Span.EqualTo("&&"), ConditionToken.AndAlso)
        .Match(Span.EqualTo("||"), ConditionToken.OrElse)
        .Match(Span.EqualTo("=="), ConditionToken.EqualEqual)
        .Match(Span.EqualTo("!="), ConditionToken.BangEqual)
        .Match(Span.EqualTo("<="), ConditionToken.LessEqual)
        .Match(Span.EqualTo(">="), ConditionToken.GreaterEqual)
        .Match(Span.EqualTo("<<"), ConditionToken.LessLess)
        .Match(Span.EqualTo(">>"), ConditionToken.GreaterGreater)
        .Match(Character.EqualTo('<'), ConditionToken.Less)
        .Match(Character.EqualTo('>'), ConditionToken.Greater)
        .Match(Character.EqualTo('!'), ConditionToken.Bang)
        .Match(Character.EqualTo('('), ConditionToken.LeftParenthesis)
        .Match(Character.EqualTo(')'), ConditionToken.RightParenthesis)
        .Match(Character.EqualTo('+'), ConditionToken.Plus)
        .Match(Character.EqualTo('-'), ConditionToken.Minus)
        .Match(Character.EqualTo('*'), ConditionToken.Star)
        .Match(Character.EqualTo('/'), ConditionToken.Slash)
        .Match(Character.EqualTo('%'), ConditionToken.Percent)
        .Match(Character.EqualTo('&'), ConditionToken.Ampersand)
        .Match(Character.EqualTo('|'), ConditionToken.Bar)
        .Match(Character.EqualTo('^'), ConditionToken.Caret)
        .Match(Character.EqualTo('~'), ConditionToken.Tilde)
        .Match(Span.Regex("[0-9][0-9a-zA-Z_]*"), ConditionToken.Number, requireDelimiters: true)
        .Match(Identifier.CStyle, ConditionToken.Identifier, requireDelimiters: true)
        .Build();

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Integer =
        Token.EqualTo(ConditionToken.Number)
            .Where(t => ParseInteger(t.ToStringValue()) is not null, "an integer")
            .Select(t => (ConditionExpression)new IntegerCondition(ParseInteger(t.ToStringValue())!.Value));

    private static readonly TokenListParser<ConditionToken, string> Name =
        Token.EqualTo(ConditionToken.Identifier).Select(t => t.ToStringValue());

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Defined =
        from keyword in Token.EqualToValue(ConditionToken.Identifier, "defined")
        from name in Name.Between(Token.EqualTo(ConditionToken.LeftParenthesis), Token.EqualTo(ConditionToken.RightParenthesis)).Or(Name)
        select (ConditionExpression)new DefinedCondition(name);

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Primary =
        Integer
            .Or(Defined.Try())
            .Or(Name.Select(n => (ConditionExpression)new NameCondition(n)))
            .Or(Superpower.Parse.Ref(() => Expression!).Between(Token.EqualTo(ConditionToken.LeftParenthesis), Token.EqualTo(ConditionToken.RightParenthesis)));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Unary =
        (from op in Operator(ConditionToken.Bang, ConditionOperator.Not)
            .Or(Operator(ConditionToken.Minus, ConditionOperator.Negate))
            .Or(Operator(ConditionToken.Plus, ConditionOperator.Plus))
            .Or(Operator(ConditionToken.Tilde, ConditionOperator.Complement))
         from operand in Superpower.Parse.Ref(() => Unary!)
         select (ConditionExpression)new UnaryCondition(op, operand))
        .Or(Primary);

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Multiplicative = Chain(Unary,
        Operator(ConditionToken.Star, ConditionOperator.Multiply).Or(Operator(ConditionToken.Slash, ConditionOperator.Divide)).Or(Operator(ConditionToken.Percent, ConditionOperator.Modulo)));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Additive = Chain(Multiplicative,
        Operator(ConditionToken.Plus, ConditionOperator.Add).Or(Operator(ConditionToken.Minus, ConditionOperator.Subtract)));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Shift = Chain(Additive,
        Operator(ConditionToken.LessLess, ConditionOperator.ShiftLeft).Or(Operator(ConditionToken.GreaterGreater, ConditionOperator.ShiftRight)));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Relational = Chain(Shift,
        Operator(ConditionToken.LessEqual, ConditionOperator.LessOrEqual)
            .Or(Operator(ConditionToken.GreaterEqual, ConditionOperator.GreaterOrEqual))
            .Or(Operator(ConditionToken.Less, ConditionOperator.Less))
            .Or(Operator(ConditionToken.Greater, ConditionOperator.Greater)));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Equality = Chain(Relational,
        Operator(ConditionToken.EqualEqual, ConditionOperator.Equal).Or(Operator(ConditionToken.BangEqual, ConditionOperator.NotEqual)));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> BitAnd = Chain(Equality, Operator(ConditionToken.Ampersand, ConditionOperator.BitAnd));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> BitXor = Chain(BitAnd, Operator(ConditionToken.Caret, ConditionOperator.BitXor));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> BitOr = Chain(BitXor, Operator(ConditionToken.Bar, ConditionOperator.BitOr));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> LogicalAnd = Chain(BitOr, Operator(ConditionToken.AndAlso, ConditionOperator.And));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Expression = Chain(LogicalAnd, Operator(ConditionToken.OrElse, ConditionOperator.Or));

    private static readonly TokenListParser<ConditionToken, ConditionExpression> Whole = Expression.AtEnd();

    /// <summary>How many distinct conditions <see cref="Parse"/> remembers; past it, new ones are parsed each time.</summary>
    internal const int MaxRemembered = 16384;

    /// <summary>
    /// Conditions already read, for every file of every module: the same few (<c>(NGX_HTTP_SSL)</c>,
    /// <c>(nginx_version &gt;= 1009011)</c>) open groups in most files, and a tree is immutable, so it is shared.
    /// </summary>
    private static readonly ConcurrentDictionary<string, ConditionExpression?> Remembered = new(StringComparer.Ordinal);

    /// <summary>The tree of <paramref name="text"/>, or null when it is not a condition this grammar reads.</summary>
    public static ConditionExpression? Parse(string text)
    {
        if (Remembered.TryGetValue(text, out var known))
        {
            return known;
        }

        var expression = ParseText(text);
        if (Remembered.Count < MaxRemembered)
        {
            Remembered.TryAdd(text, expression);
        }

        return expression;
    }

    private static ConditionExpression? ParseText(string text)
    {
        var tokens = Tokenizer.TryTokenize(text);
        if (!tokens.HasValue || tokens.Value.Count() > MaxTokens)
        {
            return null;
        }

        var result = Whole.TryParse(tokens.Value);
        return result.HasValue ? result.Value : null;
    }

    /// <summary>
    /// The value of a C integer literal (decimal, octal or hexadecimal, with any <c>u</c>/<c>l</c>
    /// suffix), or null for anything else (a float, a number too large).
    /// </summary>
    internal static long? ParseInteger(string text)
    {
        var digits = text.TrimEnd('u', 'U', 'l', 'L');
        if (digits.Length == 0 || text.Length - digits.Length > 3)
        {
            return null;
        }

        if (digits.Length > 2 && digits[0] == '0' && digits[1] is 'x' or 'X')
        {
            return long.TryParse(digits.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex >= 0 ? hex : null;
        }

        if (digits.Length > 1 && digits[0] == '0')
        {
            return digits.All(c => c is >= '0' and <= '7') ? OctalValue(digits) : null;
        }

        return digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static long? OctalValue(string digits)
    {
        long value = 0;
        foreach (var c in digits)
        {
            if (value > (long.MaxValue >> 3))
            {
                return null;
            }

            value = (value << 3) + (c - '0');
        }

        return value;
    }

    private static TokenListParser<ConditionToken, ConditionOperator> Operator(ConditionToken token, ConditionOperator op)
        => Token.EqualTo(token).Value(op);

    private static TokenListParser<ConditionToken, ConditionExpression> Chain(
        TokenListParser<ConditionToken, ConditionExpression> operand, TokenListParser<ConditionToken, ConditionOperator> op)
        => Superpower.Parse.Chain(op, operand, (o, left, right) => new BinaryCondition(o, left, right));
}
