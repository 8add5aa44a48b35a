namespace ConfigConvert.Analyzers.Preprocessor;

/// <summary>
/// Decides a preprocessor condition for a range of nginx versions. <c>nginx_version</c> and
/// <c>NGINX_VERSION_NUM</c> (both defined by nginx's <c>core/nginx.h</c> to the same number) take every
/// value of the range; nginx's configure features (<c>NGX_HTTP_SSL</c>, ...) and any other name may be
/// anything. Values are intervals, so <c>nginx_version &gt;= 1009011</c> is true for 1.9.11 and later,
/// and <c>&amp;&amp;</c>, <c>||</c>, <c>!</c> follow three-valued logic.
/// </summary>
internal sealed class ConditionEvaluator
{
    /// <summary>The macros that hold the nginx version number.</summary>
    private static readonly HashSet<string> VersionMacros = new(StringComparer.Ordinal) { "nginx_version", "NGINX_VERSION_NUM" };

    private readonly ConditionValue _version;

    /// <param name="minimumVersion">The oldest target nginx, as an <c>nginx_version</c> number (1009011).</param>
    /// <param name="maximumVersion">The newest target nginx, or null for every later one.</param>
    public ConditionEvaluator(long minimumVersion, long? maximumVersion)
    {
        _version = new ConditionValue(minimumVersion, maximumVersion ?? long.MaxValue);
    }

    /// <summary>Decides the text of a condition; text the grammar does not read is unknown.</summary>
    public ConditionTruth Decide(string condition)
        => ConditionParser.Parse(condition) is { } expression ? Evaluate(expression).Truth : ConditionTruth.Unknown;

    /// <summary>The values <paramref name="expression"/> may take over the target versions.</summary>
    public ConditionValue Evaluate(ConditionExpression expression) => expression switch
    {
        IntegerCondition integer => ConditionValue.Exactly(integer.Value),
        NameCondition name => VersionMacros.Contains(name.Name) ? _version : ConditionValue.Anything,

        // nginx.h defines the version macros for every nginx; whether anything else is defined is not known here.
        DefinedCondition defined => VersionMacros.Contains(defined.Name) ? ConditionValue.True : ConditionValue.Either,
        UnaryCondition unary => EvaluateUnary(unary.Operator, Evaluate(unary.Operand)),
        BinaryCondition { Operator: ConditionOperator.And } and => And(Evaluate(and.Left).Truth, Evaluate(and.Right).Truth),
        BinaryCondition { Operator: ConditionOperator.Or } or => Or(Evaluate(or.Left).Truth, Evaluate(or.Right).Truth),
        BinaryCondition binary => EvaluateBinary(binary.Operator, Evaluate(binary.Left), Evaluate(binary.Right)),
        _ => ConditionValue.Anything,
    };

    /// <summary>Three-valued <c>&amp;&amp;</c>: false wins, then unknown.</summary>
    public static ConditionValue And(ConditionTruth left, ConditionTruth right)
        => left == ConditionTruth.False || right == ConditionTruth.False ? ConditionValue.False
            : left == ConditionTruth.True && right == ConditionTruth.True ? ConditionValue.True : ConditionValue.Either;

    /// <summary>Three-valued <c>||</c>: true wins, then unknown.</summary>
    public static ConditionValue Or(ConditionTruth left, ConditionTruth right)
        => left == ConditionTruth.True || right == ConditionTruth.True ? ConditionValue.True
            : left == ConditionTruth.False && right == ConditionTruth.False ? ConditionValue.False : ConditionValue.Either;

    /// <summary>Three-valued <c>!</c>.</summary>
    public static ConditionTruth Not(ConditionTruth truth) => truth switch
    {
        ConditionTruth.True => ConditionTruth.False,
        ConditionTruth.False => ConditionTruth.True,
        _ => ConditionTruth.Unknown,
    };

    private static ConditionValue EvaluateUnary(ConditionOperator op, ConditionValue operand) => op switch
    {
        ConditionOperator.Not => ConditionValue.FromTruth(Not(operand.Truth)),
        ConditionOperator.Plus => operand,
        ConditionOperator.Negate when operand.Low > long.MinValue => new ConditionValue(-operand.High, -operand.Low),
        ConditionOperator.Complement when operand.IsExact => ConditionValue.Exactly(~operand.Low),
        _ => ConditionValue.Anything,
    };

    private static ConditionValue EvaluateBinary(ConditionOperator op, ConditionValue left, ConditionValue right) => op switch
    {
        ConditionOperator.Less => Compare(left.High < right.Low, left.Low >= right.High),
        ConditionOperator.LessOrEqual => Compare(left.High <= right.Low, left.Low > right.High),
        ConditionOperator.Greater => Compare(left.Low > right.High, left.High <= right.Low),
        ConditionOperator.GreaterOrEqual => Compare(left.Low >= right.High, left.High < right.Low),
        ConditionOperator.Equal => Compare(left.IsExact && right.IsExact && left.Low == right.Low, left.High < right.Low || left.Low > right.High),
        ConditionOperator.NotEqual => Compare(left.High < right.Low || left.Low > right.High, left.IsExact && right.IsExact && left.Low == right.Low),
        _ when left.IsExact && right.IsExact => Arithmetic(op, left.Low, right.Low),
        _ => ConditionValue.Anything,
    };

    private static ConditionValue Compare(bool alwaysTrue, bool alwaysFalse)
        => alwaysTrue ? ConditionValue.True : alwaysFalse ? ConditionValue.False : ConditionValue.Either;

    /// <summary>Arithmetic on two known numbers; an overflow or a division by zero gives anything, as the check cannot say what the compiler does.</summary>
    private static ConditionValue Arithmetic(ConditionOperator op, long left, long right)
    {
        try
        {
            long? value = op switch
            {
                ConditionOperator.Multiply => checked(left * right),
                ConditionOperator.Divide when right != 0 => checked(left / right),
                ConditionOperator.Modulo when right != 0 => checked(left % right),
                ConditionOperator.Add => checked(left + right),
                ConditionOperator.Subtract => checked(left - right),
                ConditionOperator.ShiftLeft when right is >= 0 and < 63 && left >= 0 && left <= (long.MaxValue >> (int)right) => left << (int)right,
                ConditionOperator.ShiftRight when right is >= 0 and < 63 => left >> (int)right,
                ConditionOperator.BitAnd => left & right,
                ConditionOperator.BitXor => left ^ right,
                ConditionOperator.BitOr => left | right,
                _ => null,
            };
            return value is { } known ? ConditionValue.Exactly(known) : ConditionValue.Anything;
        }
        catch (OverflowException)
        {
            return ConditionValue.Anything;
        }
    }
}
