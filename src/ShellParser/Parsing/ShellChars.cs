using System.Buffers;
using System.Runtime.CompilerServices;

namespace ConfigConvert.ShellParser;

/// <summary>Where a word's parts are being read; it decides what ends them and what quotes mean.</summary>
internal enum PartContext
{
    /// <summary>A word on a command line: ends at a blank or an operator.</summary>
    Unquoted,

    /// <summary>Inside <c>"..."</c>: ends at the closing quote.</summary>
    DoubleQuoted,

    /// <summary>The word after a <c>${name</c> operator, outside double quotes: ends at <c>}</c>.</summary>
    BracedArgument,

    /// <summary>The same inside double quotes, where single quotes are plain characters.</summary>
    BracedArgumentInDoubleQuotes,

    /// <summary>Inside <c>$((...))</c>: ends at the <c>)</c> that balances nothing.</summary>
    Arithmetic,

    /// <summary>A line of a here-document body with an unquoted delimiter: ends at the line break.</summary>
    HereDocument,

    /// <summary>The word after <c>&lt;&lt;</c>: like an unquoted word, but <c>$</c> and backquotes are plain characters.</summary>
    HereDocumentDelimiter,

    /// <summary>Double quotes inside a here-document delimiter: <c>$</c> and backquotes are plain there too.</summary>
    DoubleQuotedDelimiter,
}

/// <summary>
/// The character rules of dash's lexer, written once for the two readers that follow them: the parser and the
/// clean scan (<c>CleanScan</c>), which may call a statement clean only while it decides as the parser does.
/// Line continuations, names, and per <see cref="PartContext"/> the characters that end a word's parts or
/// open a part of their own.
/// </summary>
internal static class ShellChars
{
    /// <summary>What a look-ahead past the text's end reads.</summary>
    public const int EndOfInput = -1;

    public static readonly SearchValues<char> NameChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");

    private static readonly SearchValues<char> UnquotedEnds = SearchValues.Create(" \t\n;&|<>()'\"`$\\");
    private static readonly SearchValues<char> DoubleQuotedEnds = SearchValues.Create("\"`$\\");
    private static readonly SearchValues<char> BracedArgumentEnds = SearchValues.Create("}\n'\"`$\\");
    private static readonly SearchValues<char> HereDocumentEnds = SearchValues.Create("\n\"`$\\");
    private static readonly SearchValues<char> ArithmeticEnds = SearchValues.Create("()'\"`$\\");

    /// <summary>Position of the next character the shell sees: backslash-newline pairs are invisible to it outside single quotes and comments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Logical(ReadOnlySpan<char> text, int position)
        => (uint)position < (uint)text.Length && text[position] == '\\' ? SkipLineContinuations(text, position) : position;

    private static int SkipLineContinuations(ReadOnlySpan<char> text, int position)
    {
        while (position + 1 < text.Length && text[position] == '\\' && text[position + 1] == '\n')
        {
            position += 2;
        }

        return position;
    }

    /// <summary>Position of the <paramref name="ahead"/>-th character the shell sees from <paramref name="position"/> (at most the text's length).</summary>
    public static int LogicalAhead(ReadOnlySpan<char> text, int position, int ahead)
    {
        var p = Logical(text, position);
        for (var i = 0; i < ahead && p < text.Length; i++)
        {
            p = Logical(text, p + 1);
        }

        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNameStart(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a' || c == '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsNameChar(char c) => IsNameStart(c) || (uint)(c - '0') <= 9;

    /// <summary>The position after the name characters from <paramref name="position"/> on, line continuations between them included.</summary>
    public static int EndOfName(ReadOnlySpan<char> text, int position)
    {
        while (true)
        {
            var run = text[position..].IndexOfAnyExcept(NameChars);
            position = run < 0 ? text.Length : position + run;
            var next = Logical(text, position);
            if (next == position || next >= text.Length || !IsNameChar(text[next]))
            {
                return position;
            }

            position = next;
        }
    }

    /// <summary>The parameters named by one character other than a digit: <c>$@</c>, <c>$?</c>, <c>$!</c>...</summary>
    public static bool IsSpecialParameter(int c) => c is '@' or '*' or '#' or '?' or '-' or '$' or '!';

    public static bool IsValidName(ReadOnlySpan<char> text)
        => text.Length > 0 && IsNameStart(text[0]) && !text.ContainsAnyExcept(NameChars);

    /// <summary>
    /// The characters at which a reader of parts must look closer in <paramref name="context"/>: those that may
    /// end the parts, start a part, escape, or change the depth of parentheses. Every other character is literal text.
    /// </summary>
    public static SearchValues<char> PlainTextEnds(PartContext context) => context switch
    {
        PartContext.Unquoted or PartContext.HereDocumentDelimiter => UnquotedEnds,
        PartContext.DoubleQuoted or PartContext.DoubleQuotedDelimiter => DoubleQuotedEnds,
        PartContext.BracedArgument or PartContext.BracedArgumentInDoubleQuotes => BracedArgumentEnds,
        PartContext.Arithmetic => ArithmeticEnds,
        _ => HereDocumentEnds,
    };

    /// <summary>
    /// True when <paramref name="c"/> ends the parts in <paramref name="context"/> by itself. In arithmetic
    /// nothing does: only a <c>))</c> that balances nothing ends it (dash takes a single unbalanced <c>)</c> as a
    /// plain character), which the reader decides with its depth. Inside <c>${</c>, dash also stops at a line
    /// break that ends a pending here-document's body: the parser's to decide too.
    /// </summary>
    public static bool EndsParts(char c, PartContext context) => context switch
    {
        PartContext.Unquoted or PartContext.HereDocumentDelimiter => c is ' ' or '\t' or '\n' or ';' or '&' or '|' or '<' or '>' or '(' or ')',
        PartContext.DoubleQuoted or PartContext.DoubleQuotedDelimiter => c == '"',
        PartContext.BracedArgument or PartContext.BracedArgumentInDoubleQuotes => c == '}',
        PartContext.Arithmetic => false,
        _ => c == '\n',
    };

    /// <summary>
    /// True when <paramref name="c"/> opens a part of its own in <paramref name="context"/> (a quote, a backquote),
    /// or, for <c>$</c>, may: it does only where an expansion follows it.
    /// </summary>
    public static bool MayOpenPart(char c, PartContext context) => c switch
    {
        '\'' => context is PartContext.Unquoted or PartContext.BracedArgument or PartContext.HereDocumentDelimiter,
        // In arithmetic, dash reads quotes as plain characters: `))` still ends it.
        '"' => context is not (PartContext.HereDocument or PartContext.Arithmetic),
        '`' or '$' => context is not (PartContext.HereDocumentDelimiter or PartContext.DoubleQuotedDelimiter),
        _ => false,
    };

    /// <summary>
    /// True inside double quotes, and in here-document bodies, which read as if in them: a backquote's body reads
    /// <c>\"</c> there as an escaped quote, and the word after <c>${x:-</c> is double-quoted text.
    /// </summary>
    public static bool IsInsideDoubleQuotes(PartContext context)
        => context is PartContext.DoubleQuoted or PartContext.BracedArgumentInDoubleQuotes or PartContext.HereDocument;

    /// <summary>
    /// The context of the word after a <c>${name</c> operator <paramref name="op"/> in <paramref name="context"/>: inside
    /// double quotes, the word after <c>:-</c> and friends is double-quoted text, but the pattern after <c>#</c>,
    /// <c>##</c>, <c>%</c>, <c>%%</c> is read as if unquoted: there, quotes quote.
    /// </summary>
    public static PartContext BracedArgumentIn(PartContext context, int op)
        => IsInsideDoubleQuotes(context) && op is not ('#' or '%') ? PartContext.BracedArgumentInDoubleQuotes : PartContext.BracedArgument;

    /// <summary>The context of a double-quoted part opened in <paramref name="context"/>.</summary>
    public static PartContext DoubleQuotesIn(PartContext context)
        => context == PartContext.HereDocumentDelimiter ? PartContext.DoubleQuotedDelimiter : PartContext.DoubleQuoted;
}
