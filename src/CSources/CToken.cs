using ConfigConvert.Text;

namespace ConfigConvert.CSources;

/// <summary>What a <see cref="CToken"/> is.</summary>
internal enum CTokenKind : byte
{
    /// <summary>A name or keyword: letters, digits, <c>_</c>, <c>$</c> and any non-ASCII character.</summary>
    Identifier,

    /// <summary>A preprocessing number, such as <c>0x504D5452</c>, <c>10UL</c> or <c>1e+5</c>.</summary>
    Number,

    /// <summary>A string literal, with its quotes and any <c>L</c>, <c>u</c>, <c>U</c> or <c>u8</c> prefix.</summary>
    StringLiteral,

    /// <summary>A character literal, with its quotes and any prefix.</summary>
    CharLiteral,

    /// <summary>An operator or separator, longest match first (<c>-&gt;</c>, <c>&lt;&lt;=</c>, <c>...</c>).</summary>
    Punctuator,

    /// <summary>A whole preprocessor line, from its <c>#</c> to the end of the line, continuations included.</summary>
    Directive,

    /// <summary>A <c>/* */</c> or <c>//</c> comment; these go to the comment list, not the token list.</summary>
    Comment,

    /// <summary>A character that starts no C token (<c>@</c>, a backquote, a stray backslash, control characters).</summary>
    Unknown,
}

/// <summary>Facts about a token that make its raw text differ from what the compiler sees.</summary>
[Flags]
internal enum CTokenFlags : byte
{
    /// <summary>Nothing special.</summary>
    None = 0,

    /// <summary>A literal or block comment that reached the end of its line (or of the file) without its closing delimiter.</summary>
    Unterminated = 1,

    /// <summary>
    /// The token's text contains a backslash-newline, which the compiler removes before it sees tokens;
    /// <see cref="CTokenizer.GetText"/> removes it too.
    /// </summary>
    HasLineContinuation = 2,
}

/// <summary>
/// One token: a kind and a span of the source text. Twelve bytes, so a file's tokens are one compact
/// array and reading them allocates nothing; the text is sliced from the source only when asked for.
/// </summary>
internal readonly record struct CToken(CTokenKind Kind, CTokenFlags Flags, int Start, int Length)
{
    /// <summary>The position just after the token.</summary>
    public int End => Start + Length;

    /// <summary>The token's span in the source text.</summary>
    public TextSpan Span => new(Start, Length);

    /// <summary>True for a literal or comment missing its closing delimiter.</summary>
    public bool IsUnterminated => (Flags & CTokenFlags.Unterminated) != 0;

    /// <summary>True when the raw text contains a backslash-newline.</summary>
    public bool HasLineContinuation => (Flags & CTokenFlags.HasLineContinuation) != 0;

    /// <summary>True when this is the punctuator <paramref name="c"/> (punctuators never contain continuations when one character long).</summary>
    public bool IsPunctuator(string text, char c) => Kind == CTokenKind.Punctuator && Length == 1 && text[Start] == c;
}
