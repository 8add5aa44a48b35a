namespace ConfigConvert.Diagnostics;

/// <summary>
/// The diagnostics of the shell parser (<c>CC1xxx</c>): errors where <c>/bin/sh</c> (dash) rejects the
/// script, and warnings where it accepts it but it will not do what it seems to (stray carriage
/// returns, a byte order mark, expansions that fail when they run). Bash-isms are not the parser's:
/// it reads them as dash does, and the config rule CC2210 reports them.
/// </summary>
public static class SyntaxDiagnostics
{
    private const string Category = "Syntax";

    /// <summary>A token where the grammar does not allow it.</summary>
    public static readonly DiagnosticDescriptor UnexpectedToken = new(
        "CC1001", "Unexpected token", "unexpected {0}{1}", Category, DiagnosticSeverity.Error,
        "The shell grammar does not allow this token here; /bin/sh stops with a syntax error before running anything.");

    /// <summary>A compound command or substitution not closed before the end of the input or an unrelated closing keyword.</summary>
    public static readonly DiagnosticDescriptor UnterminatedConstruct = new(
        "CC1002", "Unterminated construct", "{0} must end with {1}", Category, DiagnosticSeverity.Error,
        "A compound command, expansion or substitution is not closed; /bin/sh reports a syntax error.");

    /// <summary>A quoted string not closed before the end of the input.</summary>
    public static readonly DiagnosticDescriptor UnterminatedQuote = new(
        "CC1003", "Unterminated quoted string", "reached the end of the file inside a {0}-quoted string opened here", Category, DiagnosticSeverity.Error,
        "A quoted string is not closed; /bin/sh reports \"Unterminated quoted string\".");

    /// <summary>A backquote substitution not closed.</summary>
    public static readonly DiagnosticDescriptor UnterminatedBackquote = new(
        "CC1004", "Unterminated backquote substitution", "reached the end of the file inside a backquote substitution opened here", Category, DiagnosticSeverity.Error,
        "A command substitution in backquotes is not closed; /bin/sh reports \"EOF in backquote substitution\".");

    /// <summary>An arithmetic expansion closed by a single parenthesis.</summary>
    public static readonly DiagnosticDescriptor MissingArithmeticClose = new(
        "CC1005", "Missing ))", "`$((` must end with `))`", Category, DiagnosticSeverity.Error,
        "An arithmetic expansion is not closed by `))`; /bin/sh reports \"Missing '))'\".");

    /// <summary>A <c>for</c> loop or function whose name is not a valid shell name.</summary>
    public static readonly DiagnosticDescriptor BadName = new(
        "CC1006", "Bad name", "`{0}` is not a valid {1} name", Category, DiagnosticSeverity.Error,
        "Loop variables and function names must be shell names: letters, digits and underscores, not starting with a digit.");

    /// <summary>Nesting deeper than the parser's limit.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "CC1007", "Nesting too deep", "nesting is deeper than {0} levels; the rest of the file is kept as text and not parsed", Category, DiagnosticSeverity.Error,
        "The parser stops descending at a fixed depth so that hostile input cannot exhaust the stack.");

    /// <summary>A <c>${...}</c> form that dash accepts when parsing but rejects when it runs.</summary>
    public static readonly DiagnosticDescriptor BadSubstitution = new(
        "CC1008", "Bad substitution", "`{0}` is not a valid parameter expansion; /bin/sh fails with \"Bad substitution\" when it runs this line", Category, DiagnosticSeverity.Warning,
        "dash parses any text between `${` and `}` but fails at run time on anything that is not a POSIX parameter expansion.");

    /// <summary>A here-document whose delimiter line never comes.</summary>
    public static readonly DiagnosticDescriptor UnterminatedHereDocument = new(
        "CC1009", "Unterminated here-document", "here-document delimited by `{0}` is not terminated before the end of the file", Category, DiagnosticSeverity.Warning,
        "The here-document takes everything up to the end of the file, which is rarely what was meant.");

    /// <summary>Text after a stray closing token in a backquote substitution, which dash silently ignores.</summary>
    public static readonly DiagnosticDescriptor IgnoredAfterTerminator = new(
        "CC1010", "Ignored text in backquotes", "/bin/sh stops reading this backquote substitution at {0} and ignores the rest of it", Category, DiagnosticSeverity.Warning,
        "dash parses the text between backquotes as one command list and silently drops whatever follows a token that ends a list.");

    /// <summary>A UTF-8 byte order mark, which dash reads as part of the first word.</summary>
    public static readonly DiagnosticDescriptor ByteOrderMark = new(
        "CC1102", "Byte order mark", "the file starts with a byte order mark, which /bin/sh reads as part of the first word", Category, DiagnosticSeverity.Warning,
        "Shells do not skip a byte order mark: the first word of the script gets three invisible bytes in front of it.");

    /// <summary>CRLF line endings, which dash reads as a carriage return at the end of each word.</summary>
    public static readonly DiagnosticDescriptor CarriageReturn = new(
        "CC1103", "Carriage return", "line ends with a carriage return (CRLF line endings); /bin/sh reads it as part of the last word", Category, DiagnosticSeverity.Warning,
        "With CRLF line endings, `then\\r` is not the keyword `then` and `foo.c\\r` is not the file `foo.c`.");

    /// <summary>A NUL byte: the file is binary or corrupt.</summary>
    public static readonly DiagnosticDescriptor NulByte = new(
        "CC1104", "NUL byte", "the file contains a NUL byte; it is binary or corrupt, and /bin/sh would silently drop the byte and run something else than what the file shows", Category, DiagnosticSeverity.Error,
        "A shell script never contains NUL bytes; dash deletes them before parsing, so `if<NUL>` runs as `if`.");

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnexpectedToken, UnterminatedConstruct, UnterminatedQuote, UnterminatedBackquote, MissingArithmeticClose, BadName,
        NestingTooDeep, BadSubstitution, UnterminatedHereDocument, IgnoredAfterTerminator, ByteOrderMark, CarriageReturn, NulByte,
    ];
}
