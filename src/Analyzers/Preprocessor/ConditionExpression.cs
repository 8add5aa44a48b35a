namespace ConfigConvert.Analyzers.Preprocessor;

/// <summary>
/// A preprocessor condition (<c>#if</c>/<c>#elif</c>) as a tree, as <see cref="ConditionParser"/> reads it.
/// Only what nginx modules write is known: integers, names, <c>defined</c>, unary and binary operators.
/// </summary>
internal abstract record ConditionExpression;

/// <summary>An integer literal (<c>1009011</c>, <c>0x10</c>, <c>1UL</c>).</summary>
internal sealed record IntegerCondition(long Value) : ConditionExpression;

/// <summary>A name the preprocessor replaces: a macro such as <c>nginx_version</c>, or an unknown name.</summary>
internal sealed record NameCondition(string Name) : ConditionExpression;

/// <summary><c>defined(X)</c> or <c>defined X</c>.</summary>
internal sealed record DefinedCondition(string Name) : ConditionExpression;

/// <summary>A prefix operator: <c>!</c>, <c>-</c>, <c>+</c> or <c>~</c>.</summary>
internal sealed record UnaryCondition(ConditionOperator Operator, ConditionExpression Operand) : ConditionExpression;

/// <summary>An infix operator between two operands.</summary>
internal sealed record BinaryCondition(ConditionOperator Operator, ConditionExpression Left, ConditionExpression Right) : ConditionExpression;

/// <summary>The operators of preprocessor conditions that the grammar reads.</summary>
internal enum ConditionOperator
{
    Not,
    Negate,
    Plus,
    Complement,
    Multiply,
    Divide,
    Modulo,
    Add,
    Subtract,
    ShiftLeft,
    ShiftRight,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
    BitAnd,
    BitXor,
    BitOr,
    And,
    Or,
}
