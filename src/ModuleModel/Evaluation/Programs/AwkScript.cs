using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using Superpower.Tokenizers;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// The one-line awk programs configs run, parsed with Superpower: rules of a pattern (<c>/re/</c>,
/// <c>NR==1</c>, <c>$1 == "x"</c>, <c>$2 ~ /re/</c>, with <c>!</c>, <c>&amp;&amp;</c>, <c>||</c>) and an
/// action of <c>print</c> (fields, <c>NR</c>, <c>NF</c>, strings and numbers, concatenated or separated by
/// commas) and <c>exit</c>. Anything else (variables, functions, <c>BEGIN</c>, arithmetic) does not parse,
/// and the program's output stays unknown.
/// </summary>
internal sealed record AwkScript(ImmutableArray<AwkRule> Rules)
{
    private static readonly Tokenizer<AwkToken> Tokenizer = new TokenizerBuilder<AwkToken>()
        .Ignore(Span.Regex("[ \t]+|\\\\\n"))
        .Match(Span.Regex("\"(\\\\.|[^\"\\\\\n])*\""), AwkToken.String)
        .Match(Span.Regex("/(\\\\.|[^/\\\\\n])*/"), AwkToken.Regex)
        .Match(Span.EqualTo("=="), AwkToken.Equal)
        .Match(Span.EqualTo("!="), AwkToken.NotEqual)
        .Match(Span.EqualTo("<="), AwkToken.LessOrEqual)
        .Match(Span.EqualTo(">="), AwkToken.GreaterOrEqual)
        .Match(Span.EqualTo("!~"), AwkToken.NotMatch)
        .Match(Span.EqualTo("&&"), AwkToken.And)
        .Match(Span.EqualTo("||"), AwkToken.Or)
        .Match(Character.EqualTo('<'), AwkToken.Less)
        .Match(Character.EqualTo('>'), AwkToken.Greater)
        .Match(Character.EqualTo('~'), AwkToken.Match)
        .Match(Character.EqualTo('!'), AwkToken.Not)
        .Match(Character.EqualTo('{'), AwkToken.OpenBrace)
        .Match(Character.EqualTo('}'), AwkToken.CloseBrace)
        .Match(Character.EqualTo(';'), AwkToken.Separator)
        .Match(Character.EqualTo('\n'), AwkToken.Separator)
        .Match(Character.EqualTo(','), AwkToken.Comma)
        .Match(Character.EqualTo('$'), AwkToken.Dollar)
        .Match(Numerics.Natural, AwkToken.Number, requireDelimiters: true)
        .Match(Identifier.CStyle, AwkToken.Identifier, requireDelimiters: true)
        .Build();

    /// <summary>The program, or null when it uses anything not emulated (or is not awk at all).</summary>
    public static AwkScript? TryParse(string text)
    {
        var tokens = Tokenizer.TryTokenize(text);
        if (!tokens.HasValue)
        {
            return null;
        }

        var parsed = AwkGrammar.Program.TryParse(tokens.Value);
        return parsed.HasValue && parsed.Value.Rules.All(r => r.IsValid) ? parsed.Value : null;
    }
}

internal enum AwkToken
{
    String,
    Regex,
    Number,
    Identifier,
    Dollar,
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Match,
    NotMatch,
    Not,
    And,
    Or,
    OpenBrace,
    CloseBrace,
    Separator,
    Comma,
}

/// <summary>A rule: the pattern (null: every record) and the actions (null: print the record).</summary>
internal sealed record AwkRule(AwkCondition? Pattern, ImmutableArray<AwkAction>? Actions)
{
    public bool IsValid => (Pattern is null || Pattern.IsValid) && (Pattern is not null || Actions is not null);
}

internal abstract record AwkAction
{
    /// <summary><c>print</c>: the expressions joined by a space (OFS) and a newline (ORS); none is the record.</summary>
    public sealed record Print(ImmutableArray<AwkExpression> Expressions) : AwkAction;

    public sealed record Exit : AwkAction;
}

/// <summary>Operands written side by side, which awk concatenates.</summary>
internal sealed record AwkExpression(ImmutableArray<AwkOperand> Operands);

internal abstract record AwkOperand
{
    /// <summary><c>$n</c>; <c>$NF</c> has a null index.</summary>
    public sealed record Field(int? Index) : AwkOperand;

    public sealed record RecordNumber : AwkOperand;

    public sealed record FieldCount : AwkOperand;

    /// <summary>A string constant; null when it has an escape that is not emulated.</summary>
    public sealed record Text(string? Value) : AwkOperand;

    public sealed record Number(long Value) : AwkOperand;
}

internal abstract record AwkCondition
{
    public virtual bool IsValid => true;

    /// <summary><c>/re/</c> on the record, or <c>expression ~ /re/</c>; a null regex is one not emulated.</summary>
    public sealed record Matches(AwkExpression? Subject, Regex? Pattern, bool Negated) : AwkCondition
    {
        public override bool IsValid => Pattern is not null;
    }

    public sealed record Compare(AwkExpression Left, AwkToken Operator, AwkExpression Right) : AwkCondition;

    public sealed record Not(AwkCondition Operand) : AwkCondition
    {
        public override bool IsValid => Operand.IsValid;
    }

    public sealed record Both(AwkCondition Left, AwkCondition Right, bool Any) : AwkCondition
    {
        public override bool IsValid => Left.IsValid && Right.IsValid;
    }
}

/// <summary>The token parsers of <see cref="AwkScript"/>.</summary>
internal static class AwkGrammar
{
    private static readonly TokenListParser<AwkToken, AwkOperand> Field =
        from dollar in Token.EqualTo(AwkToken.Dollar)
        from index in Token.EqualTo(AwkToken.Number).Apply(Numerics.IntegerInt32).Select(n => (int?)n)
            .Or(Token.EqualToValue(AwkToken.Identifier, "NF").Value((int?)null))
        select (AwkOperand)new AwkOperand.Field(index);

    private static readonly TokenListParser<AwkToken, AwkOperand> Operand =
        Field
            .Or(Token.EqualToValue(AwkToken.Identifier, "NR").Value((AwkOperand)new AwkOperand.RecordNumber()))
            .Or(Token.EqualToValue(AwkToken.Identifier, "NF").Value((AwkOperand)new AwkOperand.FieldCount()))
            .Or(Token.EqualTo(AwkToken.String).Select(t => (AwkOperand)new AwkOperand.Text(Unescape(t.Span))))
            .Or(Token.EqualTo(AwkToken.Number).Apply(Numerics.IntegerInt64).Select(n => (AwkOperand)new AwkOperand.Number(n)));

    private static readonly TokenListParser<AwkToken, AwkExpression> Expression =
        Operand.AtLeastOnce().Select(operands => new AwkExpression([.. operands]));

    private static readonly TokenListParser<AwkToken, AwkToken> Comparison =
        Token.EqualTo(AwkToken.Equal).Or(Token.EqualTo(AwkToken.NotEqual))
            .Or(Token.EqualTo(AwkToken.LessOrEqual)).Or(Token.EqualTo(AwkToken.GreaterOrEqual))
            .Or(Token.EqualTo(AwkToken.Less)).Or(Token.EqualTo(AwkToken.Greater))
            .Select(t => t.Kind);

    private static readonly TokenListParser<AwkToken, AwkCondition> RegexOnRecord =
        Token.EqualTo(AwkToken.Regex).Select(t => (AwkCondition)new AwkCondition.Matches(null, RegexOf(t.Span), Negated: false));

    private static readonly TokenListParser<AwkToken, AwkCondition> Relation =
        from left in Expression
        from rest in Comparison.Then(op => Expression.Select(right => (AwkCondition)new AwkCondition.Compare(left, op, right)))
            .Or(Token.EqualTo(AwkToken.Match).Or(Token.EqualTo(AwkToken.NotMatch)).Then(op => Token.EqualTo(AwkToken.Regex)
                .Select(re => (AwkCondition)new AwkCondition.Matches(left, RegexOf(re.Span), op.Kind == AwkToken.NotMatch))))
        select rest;

    private static readonly TokenListParser<AwkToken, AwkCondition> Primary =
        RegexOnRecord
            .Or(Relation)
            .Or(Token.EqualTo(AwkToken.Not).IgnoreThen(Parse.Ref(() => Primary!)).Select(c => (AwkCondition)new AwkCondition.Not(c)));

    private static readonly TokenListParser<AwkToken, AwkCondition> Conjunction =
        Parse.Chain(Token.EqualTo(AwkToken.And), Primary, (_, left, right) => new AwkCondition.Both(left, right, Any: false));

    private static readonly TokenListParser<AwkToken, AwkCondition> Condition =
        Parse.Chain(Token.EqualTo(AwkToken.Or), Conjunction, (_, left, right) => new AwkCondition.Both(left, right, Any: true));

    private static readonly TokenListParser<AwkToken, AwkAction> Action =
        Token.EqualToValue(AwkToken.Identifier, "print").IgnoreThen(Expression.ManyDelimitedBy(Token.EqualTo(AwkToken.Comma)))
            .Select(expressions => (AwkAction)new AwkAction.Print([.. expressions]))
            .Or(Token.EqualToValue(AwkToken.Identifier, "exit").Value((AwkAction)new AwkAction.Exit()));

    private static readonly TokenListParser<AwkToken, Token<AwkToken>[]> Separators = Token.EqualTo(AwkToken.Separator).Many();

    // Actions are separated by at least one newline or semicolon; one after the last is allowed.
    private static readonly TokenListParser<AwkToken, ImmutableArray<AwkAction>> Block =
        from open in Token.EqualTo(AwkToken.OpenBrace)
        from leading in Separators
        from first in Action
        from rest in Token.EqualTo(AwkToken.Separator).AtLeastOnce().IgnoreThen(Action).Try().Many()
        from trailing in Separators
        from close in Token.EqualTo(AwkToken.CloseBrace)
        select ImmutableArray.Create([first, .. rest]);

    private static readonly TokenListParser<AwkToken, AwkRule> Rule =
        Block.Select(actions => new AwkRule(null, actions))
            .Or(from pattern in Condition
                from actions in Block.OptionalOrDefault()
                select new AwkRule(pattern, actions.IsDefault ? null : actions));

    /// <summary>Rules, separated by newlines or semicolons.</summary>
    public static readonly TokenListParser<AwkToken, AwkScript> Program =
        (from leading in Separators
         from rules in Rule.Then(rule => Separators.Value(rule)).Many()
         select new AwkScript([.. rules])).AtEnd();

    /// <summary>A string constant's text; null for an escape other than <c>\" \\ \/ \n \t</c>.</summary>
    private static string? Unescape(TextSpan span)
    {
        var body = span.ToStringValue()[1..^1];
        var text = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] != '\\')
            {
                text.Append(body[i]);
                continue;
            }

            i++;
            var escaped = body[i] switch { '"' => '"', '\\' => '\\', '/' => '/', 'n' => '\n', 't' => '\t', _ => '\0' };
            if (escaped == '\0')
            {
                return null;
            }

            text.Append(escaped);
        }

        return text.ToString();
    }

    /// <summary>
    /// A <c>/re/</c> as a .NET regex: awk's extended expressions, with <c>\/</c> for a slash and a
    /// backslash only before punctuation. Letters after a backslash and intervals (<c>{n}</c>) differ
    /// between awks (mawk, Debian's, has no intervals), so they are not emulated.
    /// </summary>
    private static Regex? RegexOf(TextSpan span)
    {
        var body = span.ToStringValue()[1..^1];
        if (body.Contains('{') || Regex.IsMatch(body, "\\\\[A-Za-z0-9]"))
        {
            return null;
        }

        return PosixRegex.TryCreate(body.Replace("\\/", "/", StringComparison.Ordinal), extended: true);
    }
}
