using System.Text;

namespace ConfigConvert.ShellParser;

/// <summary>A shell word: literal text, quotes and expansions joined without spaces, as in <c>"$ngx_addon_dir"/src/*.c</c>.</summary>
public sealed class WordSyntax : SyntaxNode
{
    internal WordSyntax(SyntaxList<WordPartSyntax> parts)
        : base(SyntaxKind.Word, parts)
    {
    }

    /// <summary>A word of one part, whose list of parts is made when first asked for.</summary>
    internal WordSyntax(WordPartSyntax onlyPart)
        : base(SyntaxKind.Word, onlyPart, LazyListOf.OneItem)
    {
    }

    /// <summary>How many parts, without making a lazy list of parts.</summary>
    internal int PartCount => LazyListItem is null ? Parts.Count : 1;

    /// <summary>The part at <paramref name="index"/>, without making a lazy list of parts.</summary>
    internal WordPartSyntax PartAt(int index) => LazyListItem is WordPartSyntax only && index == 0 ? only : Parts[index];

    private protected override SyntaxNode MakeList(SyntaxNode onlyItem) => new SyntaxList<WordPartSyntax>((WordPartSyntax)onlyItem);

    /// <summary>The parts.</summary>
    public SyntaxList<WordPartSyntax> Parts => Slot<SyntaxList<WordPartSyntax>>(0);

    /// <summary>Returns the word with other parts.</summary>
    public WordSyntax WithParts(SyntaxList<WordPartSyntax> parts) => (WordSyntax)WithSlot(0, parts);

    /// <summary>
    /// The value the shell gives this word when it contains no expansion (quotes removed, escapes
    /// applied), or null when it depends on an expansion.
    /// </summary>
    public string? GetLiteralValue()
    {
        var builder = new StringBuilder();
        foreach (var part in Parts)
        {
            if (!part.TryAppendLiteralValue(builder))
            {
                return null;
            }
        }

        return builder.ToString();
    }

    /// <summary>True when any part is quoted (which, for a here-document delimiter, turns off expansion in the body).</summary>
    public bool HasQuotes => Parts.Any(p => p is SingleQuotedPartSyntax or DoubleQuotedPartSyntax
        || (p is LiteralPartSyntax l && l.Token.Text.Contains('\\')));

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new WordSyntax((SyntaxList<WordPartSyntax>)s[0]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitWord(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitWord(this);
}

/// <summary>A part of a word.</summary>
public abstract class WordPartSyntax : SyntaxNode
{
    private protected WordPartSyntax(SyntaxKind kind, SyntaxElement? onlySlot)
        : base(kind, onlySlot)
    {
    }

    private protected WordPartSyntax(SyntaxKind kind, params SyntaxElement?[] slots)
        : base(kind, slots)
    {
    }

    internal virtual bool TryAppendLiteralValue(StringBuilder builder) => false;
}

/// <summary>Literal text, unquoted (<see cref="SyntaxKind.LiteralToken"/>) or inside double quotes (<see cref="SyntaxKind.QuotedLiteralToken"/>).</summary>
public sealed class LiteralPartSyntax : WordPartSyntax
{
    internal LiteralPartSyntax(SyntaxToken token)
        : base(SyntaxKind.LiteralPart, token)
    {
    }

    /// <summary>The text as written, escapes included.</summary>
    public SyntaxToken Token => Slot<SyntaxToken>(0);

    /// <summary>The text with backslash escapes and line continuations applied.</summary>
    public string Value
    {
        get
        {
            var builder = new StringBuilder();
            TryAppendLiteralValue(builder);
            return builder.ToString();
        }
    }

    internal override bool TryAppendLiteralValue(StringBuilder builder)
    {
        var text = Token.Text;
        var quoted = Token.Kind == SyntaxKind.QuotedLiteralToken;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                var next = text[i + 1];
                if (next == '\n')
                {
                    i++;
                    continue;
                }

                if (!quoted || next is '$' or '`' or '"' or '\\')
                {
                    builder.Append(next);
                    i++;
                    continue;
                }
            }

            builder.Append(c);
        }

        return true;
    }

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new LiteralPartSyntax((SyntaxToken)s[0]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitLiteralPart(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitLiteralPart(this);
}

/// <summary><c>'text'</c></summary>
public sealed class SingleQuotedPartSyntax : WordPartSyntax
{
    internal SingleQuotedPartSyntax(SyntaxToken openQuote, SyntaxToken text, SyntaxToken closeQuote)
        : base(SyntaxKind.SingleQuotedPart, openQuote, text, closeQuote)
    {
    }

    /// <summary><c>'</c></summary>
    public SyntaxToken OpenQuote => Slot<SyntaxToken>(0);

    /// <summary>The quoted text.</summary>
    public SyntaxToken Text => Slot<SyntaxToken>(1);

    /// <summary><c>'</c> (missing when unterminated)</summary>
    public SyntaxToken CloseQuote => Slot<SyntaxToken>(2);

    internal override bool TryAppendLiteralValue(StringBuilder builder)
    {
        builder.Append(Text.Text);
        return true;
    }

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new SingleQuotedPartSyntax((SyntaxToken)s[0]!, (SyntaxToken)s[1]!, (SyntaxToken)s[2]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitSingleQuotedPart(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitSingleQuotedPart(this);
}

/// <summary><c>"text $expansions `commands`"</c></summary>
public sealed class DoubleQuotedPartSyntax : WordPartSyntax
{
    internal DoubleQuotedPartSyntax(SyntaxToken openQuote, SyntaxList<WordPartSyntax> parts, SyntaxToken closeQuote)
        : base(SyntaxKind.DoubleQuotedPart, openQuote, parts, closeQuote)
    {
    }

    /// <summary><c>"</c></summary>
    public SyntaxToken OpenQuote => Slot<SyntaxToken>(0);

    /// <summary>Literal text and expansions inside the quotes.</summary>
    public SyntaxList<WordPartSyntax> Parts => Slot<SyntaxList<WordPartSyntax>>(1);

    /// <summary><c>"</c> (missing when unterminated)</summary>
    public SyntaxToken CloseQuote => Slot<SyntaxToken>(2);

    /// <summary>Returns the quoted part with other parts.</summary>
    public DoubleQuotedPartSyntax WithParts(SyntaxList<WordPartSyntax> parts) => (DoubleQuotedPartSyntax)WithSlot(1, parts);

    internal override bool TryAppendLiteralValue(StringBuilder builder)
    {
        foreach (var part in Parts)
        {
            if (!part.TryAppendLiteralValue(builder))
            {
                return false;
            }
        }

        return true;
    }

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new DoubleQuotedPartSyntax((SyntaxToken)s[0]!, (SyntaxList<WordPartSyntax>)s[1]!, (SyntaxToken)s[2]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitDoubleQuotedPart(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitDoubleQuotedPart(this);
}

/// <summary><c>$name</c>, <c>$1</c>, <c>$@</c>...</summary>
public sealed class SimpleExpansionSyntax : WordPartSyntax
{
    internal SimpleExpansionSyntax(SyntaxToken dollar, SyntaxToken name)
        : base(SyntaxKind.SimpleExpansion, dollar, name)
    {
    }

    /// <summary><c>$</c></summary>
    public SyntaxToken Dollar => Slot<SyntaxToken>(0);

    /// <summary>The parameter name.</summary>
    public SyntaxToken Name => Slot<SyntaxToken>(1);

    /// <summary>The parameter name with any line continuation removed.</summary>
    public string ParameterName => Name.Text.Replace("\\\n", string.Empty, StringComparison.Ordinal);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new SimpleExpansionSyntax((SyntaxToken)s[0]!, (SyntaxToken)s[1]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitSimpleExpansion(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitSimpleExpansion(this);
}

/// <summary><c>${name}</c>, <c>${#name}</c>, <c>${name:-word}</c>, <c>${name%%pattern}</c>...</summary>
public sealed class ParameterExpansionSyntax : WordPartSyntax
{
    internal ParameterExpansionSyntax(SyntaxToken dollarOpenBrace, SyntaxToken? hash, SyntaxToken name, SyntaxToken? operatorToken, WordSyntax? argument, SyntaxToken closeBrace)
        : base(SyntaxKind.ParameterExpansion, dollarOpenBrace, hash, name, operatorToken, argument, closeBrace)
    {
    }

    /// <summary><c>${</c></summary>
    public SyntaxToken DollarOpenBrace => Slot<SyntaxToken>(0);

    /// <summary>The <c>#</c> of a length expansion.</summary>
    public SyntaxToken? Hash => OptionalSlot<SyntaxToken>(1);

    /// <summary>The parameter name.</summary>
    public SyntaxToken Name => Slot<SyntaxToken>(2);

    /// <summary>The parameter name with any line continuation removed.</summary>
    public string ParameterName => Name.Text.Replace("\\\n", string.Empty, StringComparison.Ordinal);

    /// <summary>The operator (<c>:-</c>, <c>-</c>, <c>:=</c>, <c>#</c>, <c>%%</c>...), if any.</summary>
    public SyntaxToken? Operator => OptionalSlot<SyntaxToken>(3);

    /// <summary>The operator's text with any line continuation removed.</summary>
    public string? OperatorText => Operator?.Text.Replace("\\\n", string.Empty, StringComparison.Ordinal);

    /// <summary>The word after the operator, if any.</summary>
    public WordSyntax? Argument => OptionalSlot<WordSyntax>(4);

    /// <summary><c>}</c> (missing when unterminated)</summary>
    public SyntaxToken CloseBrace => Slot<SyntaxToken>(5);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new ParameterExpansionSyntax((SyntaxToken)s[0]!, (SyntaxToken?)s[1], (SyntaxToken)s[2]!, (SyntaxToken?)s[3], (WordSyntax?)s[4], (SyntaxToken)s[5]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitParameterExpansion(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitParameterExpansion(this);
}

/// <summary><c>$(commands)</c></summary>
public sealed class CommandSubstitutionSyntax : WordPartSyntax
{
    internal CommandSubstitutionSyntax(SyntaxToken dollarOpenParen, SyntaxList<StatementSyntax> statements, SyntaxToken closeParen)
        : base(SyntaxKind.CommandSubstitution, dollarOpenParen, statements, closeParen)
    {
    }

    /// <summary><c>$(</c></summary>
    public SyntaxToken DollarOpenParen => Slot<SyntaxToken>(0);

    /// <summary>The commands.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(1);

    /// <summary><c>)</c></summary>
    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new CommandSubstitutionSyntax((SyntaxToken)s[0]!, (SyntaxList<StatementSyntax>)s[1]!, (SyntaxToken)s[2]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitCommandSubstitution(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitCommandSubstitution(this);
}

/// <summary>
/// A command substitution in backquotes. The shell removes one level of backslash escaping from the
/// text between the backquotes and then parses the result as a script; the tree keeps the raw text as
/// one token (so nothing is lost) and <see cref="Body"/> holds the parsed script of the unescaped text.
/// </summary>
public sealed class BackquoteSubstitutionSyntax : WordPartSyntax
{
    // How Body is parsed again when a rewrite changes the content: given by the parser, so that the
    // tree's types do not depend on the parser that builds them.
    private readonly Func<string, SyntaxTree> _parse;

    internal BackquoteSubstitutionSyntax(SyntaxToken openBackquote, SyntaxToken content, SyntaxToken closeBackquote, SyntaxTree body, Func<string, SyntaxTree> parse)
        : base(SyntaxKind.BackquoteSubstitution, openBackquote, content, closeBackquote)
    {
        Body = body;
        _parse = parse;
    }

    /// <summary>The opening backquote.</summary>
    public SyntaxToken OpenBackquote => Slot<SyntaxToken>(0);

    /// <summary>The raw text between the backquotes.</summary>
    public SyntaxToken Content => Slot<SyntaxToken>(1);

    /// <summary>The closing backquote (missing when unterminated).</summary>
    public SyntaxToken CloseBackquote => Slot<SyntaxToken>(2);

    /// <summary>The commands: a tree of its own, parsed from the unescaped content (its positions are in that text).</summary>
    public SyntaxTree Body { get; }

    internal override SyntaxNode WithSlots(SyntaxElement?[] s)
    {
        var content = (SyntaxToken)s[1]!;
        var body = ReferenceEquals(content, Content) ? Body : _parse(BackquoteText.Unescape(content.Text.AsSpan(), insideDoubleQuotes: false).Text);
        return new BackquoteSubstitutionSyntax((SyntaxToken)s[0]!, content, (SyntaxToken)s[2]!, body, _parse);
    }

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitBackquoteSubstitution(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitBackquoteSubstitution(this);
}

/// <summary><c>$((expression))</c></summary>
public sealed class ArithmeticExpansionSyntax : WordPartSyntax
{
    internal ArithmeticExpansionSyntax(SyntaxToken open, SyntaxList<WordPartSyntax> parts, SyntaxToken close)
        : base(SyntaxKind.ArithmeticExpansion, open, parts, close)
    {
    }

    /// <summary><c>$((</c></summary>
    public SyntaxToken Open => Slot<SyntaxToken>(0);

    /// <summary>The expression: literal text and expansions.</summary>
    public SyntaxList<WordPartSyntax> Parts => Slot<SyntaxList<WordPartSyntax>>(1);

    /// <summary><c>))</c></summary>
    public SyntaxToken Close => Slot<SyntaxToken>(2);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new ArithmeticExpansionSyntax((SyntaxToken)s[0]!, (SyntaxList<WordPartSyntax>)s[1]!, (SyntaxToken)s[2]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitArithmeticExpansion(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitArithmeticExpansion(this);
}
