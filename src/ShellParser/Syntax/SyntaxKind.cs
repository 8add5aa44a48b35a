namespace ConfigConvert.ShellParser;

/// <summary>The kind of every token, trivia and node in a shell syntax tree.</summary>
public enum SyntaxKind
{
    /// <summary>No kind.</summary>
    None,

    // Trivia: text that does not change what the script means.

    /// <summary>Spaces and tabs.</summary>
    WhitespaceTrivia,
    /// <summary>A <c>#</c> comment, without its line break.</summary>
    CommentTrivia,
    /// <summary>A backslash-newline between tokens.</summary>
    LineContinuationTrivia,
    /// <summary>A line break where the grammar allows any number of them (after <c>then</c>, <c>&amp;&amp;</c>, blank lines...).</summary>
    EndOfLineTrivia,
    /// <summary>The body of a here-document and its terminating line; it follows the line break that ends the line of its <c>&lt;&lt;</c>.</summary>
    HereDocumentBodyTrivia,
    /// <summary>Text the parser could not make sense of and skipped (after a nesting limit, for example).</summary>
    SkippedTextTrivia,

    // Operator tokens.

    /// <summary>A line break that ends a command.</summary>
    NewLineToken,
    /// <summary><c>;</c></summary>
    SemicolonToken,
    /// <summary><c>;;</c></summary>
    DoubleSemicolonToken,
    /// <summary><c>&amp;</c></summary>
    AmpersandToken,
    /// <summary><c>&amp;&amp;</c></summary>
    AmpersandAmpersandToken,
    /// <summary><c>|</c></summary>
    BarToken,
    /// <summary><c>||</c></summary>
    BarBarToken,
    /// <summary><c>(</c></summary>
    OpenParenToken,
    /// <summary><c>)</c></summary>
    CloseParenToken,
    /// <summary><c>&lt;</c></summary>
    LessToken,
    /// <summary><c>&gt;</c></summary>
    GreaterToken,
    /// <summary><c>&gt;&gt;</c></summary>
    GreaterGreaterToken,
    /// <summary><c>&lt;&lt;</c></summary>
    LessLessToken,
    /// <summary><c>&lt;&lt;-</c></summary>
    LessLessDashToken,
    /// <summary><c>&lt;&amp;</c></summary>
    LessAmpersandToken,
    /// <summary><c>&gt;&amp;</c></summary>
    GreaterAmpersandToken,
    /// <summary><c>&lt;&gt;</c></summary>
    LessGreaterToken,
    /// <summary><c>&gt;|</c></summary>
    GreaterBarToken,
    /// <summary>The digits before a redirection operator, as in <c>2&gt;&amp;1</c>.</summary>
    IoNumberToken,
    /// <summary>The end of the input; its leading trivia holds what follows the last command.</summary>
    EndOfFileToken,

    // Reserved words.

    /// <summary><c>if</c></summary>
    IfKeyword,
    /// <summary><c>then</c></summary>
    ThenKeyword,
    /// <summary><c>elif</c></summary>
    ElifKeyword,
    /// <summary><c>else</c></summary>
    ElseKeyword,
    /// <summary><c>fi</c></summary>
    FiKeyword,
    /// <summary><c>case</c></summary>
    CaseKeyword,
    /// <summary><c>in</c></summary>
    InKeyword,
    /// <summary><c>esac</c></summary>
    EsacKeyword,
    /// <summary><c>for</c></summary>
    ForKeyword,
    /// <summary><c>while</c></summary>
    WhileKeyword,
    /// <summary><c>until</c></summary>
    UntilKeyword,
    /// <summary><c>do</c></summary>
    DoKeyword,
    /// <summary><c>done</c></summary>
    DoneKeyword,
    /// <summary><c>{</c></summary>
    OpenBraceToken,
    /// <summary><c>}</c></summary>
    CloseBraceToken,
    /// <summary><c>!</c></summary>
    BangToken,

    // Tokens inside words.

    /// <summary>Unquoted text, backslash escapes included.</summary>
    LiteralToken,
    /// <summary>Text inside double quotes, backslash escapes included.</summary>
    QuotedLiteralToken,
    /// <summary>Text inside single quotes (or <c>$'...'</c>).</summary>
    SingleQuotedTextToken,
    /// <summary><c>'</c></summary>
    SingleQuoteToken,
    /// <summary><c>"</c></summary>
    DoubleQuoteToken,
    /// <summary><c>$</c> before a parameter name.</summary>
    DollarToken,
    /// <summary><c>${</c></summary>
    DollarOpenBraceToken,
    /// <summary><c>$(</c></summary>
    DollarOpenParenToken,
    /// <summary><c>$((</c></summary>
    DollarDoubleOpenParenToken,
    /// <summary><c>))</c></summary>
    DoubleCloseParenToken,
    /// <summary>A backquote.</summary>
    BackquoteToken,
    /// <summary>The raw text between two backquotes.</summary>
    BackquoteContentToken,
    /// <summary>A parameter name: <c>var</c>, <c>1</c>, <c>@</c>, <c>?</c>...</summary>
    ParameterNameToken,
    /// <summary>The operator of a parameter expansion: <c>:-</c>, <c>#</c>, <c>%%</c>...</summary>
    ParameterOperatorToken,
    /// <summary>The <c>#</c> of <c>${#var}</c>.</summary>
    HashToken,
    /// <summary>The name in an assignment or function definition.</summary>
    NameToken,
    /// <summary><c>=</c> in an assignment.</summary>
    EqualsToken,

    // Nodes.

    /// <summary>A whole script.</summary>
    Script,
    /// <summary>A list of nodes or tokens.</summary>
    List,
    /// <summary>A command and what ends it.</summary>
    Statement,
    /// <summary>Assignments, words and redirections.</summary>
    SimpleCommand,
    /// <summary><c>NAME=value</c></summary>
    Assignment,
    /// <summary>A redirection.</summary>
    Redirect,
    /// <summary>Commands joined with <c>|</c>, maybe negated with <c>!</c>.</summary>
    Pipeline,
    /// <summary>Pipelines joined with <c>&amp;&amp;</c> and <c>||</c>.</summary>
    AndOrList,
    /// <summary><c>{ ...; }</c></summary>
    BraceGroup,
    /// <summary><c>( ... )</c></summary>
    Subshell,
    /// <summary><c>if ... fi</c></summary>
    IfCommand,
    /// <summary><c>elif ... then ...</c></summary>
    ElifClause,
    /// <summary><c>else ...</c></summary>
    ElseClause,
    /// <summary><c>case ... esac</c></summary>
    CaseCommand,
    /// <summary>One <c>pattern) commands ;;</c> of a case command.</summary>
    CaseItem,
    /// <summary><c>for ... done</c></summary>
    ForCommand,
    /// <summary><c>while ... done</c></summary>
    WhileCommand,
    /// <summary><c>until ... done</c></summary>
    UntilCommand,
    /// <summary><c>name() body</c></summary>
    FunctionDefinition,
    /// <summary>A compound command followed by redirections.</summary>
    RedirectedCommand,
    /// <summary>Tokens the parser skipped while recovering from an error.</summary>
    BadCommand,
    /// <summary>A shell word: a list of parts.</summary>
    Word,
    /// <summary>Unquoted or double-quoted literal text.</summary>
    LiteralPart,
    /// <summary><c>'...'</c></summary>
    SingleQuotedPart,
    /// <summary><c>"..."</c></summary>
    DoubleQuotedPart,
    /// <summary><c>$name</c></summary>
    SimpleExpansion,
    /// <summary><c>${...}</c></summary>
    ParameterExpansion,
    /// <summary><c>$(...)</c></summary>
    CommandSubstitution,
    /// <summary>A command substitution in backquotes.</summary>
    BackquoteSubstitution,
    /// <summary><c>$((...))</c></summary>
    ArithmeticExpansion,
}
