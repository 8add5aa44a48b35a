using Superpower.Display;

namespace ConfigConvert.Analyzers.Preprocessor;

/// <summary>The tokens of a preprocessor condition.</summary>
internal enum ConditionToken
{
    Number,
    Identifier,

    [Token(Example = "(")]
    LeftParenthesis,

    [Token(Example = ")")]
    RightParenthesis,

    [Token(Example = "&&")]
    AndAlso,

    [Token(Example = "||")]
    OrElse,

    [Token(Example = "!")]
    Bang,

    [Token(Example = "==")]
    EqualEqual,

    [Token(Example = "!=")]
    BangEqual,

    [Token(Example = "<=")]
    LessEqual,

    [Token(Example = ">=")]
    GreaterEqual,

    [Token(Example = "<<")]
    LessLess,

    [Token(Example = ">>")]
    GreaterGreater,

    [Token(Example = "<")]
    Less,

    [Token(Example = ">")]
    Greater,

    [Token(Example = "+")]
    Plus,

    [Token(Example = "-")]
    Minus,

    [Token(Example = "*")]
    Star,

    [Token(Example = "/")]
    Slash,

    [Token(Example = "%")]
    Percent,

    [Token(Example = "&")]
    Ampersand,

    [Token(Example = "|")]
    Bar,

    [Token(Example = "^")]
    Caret,

    [Token(Example = "~")]
    Tilde,
}
