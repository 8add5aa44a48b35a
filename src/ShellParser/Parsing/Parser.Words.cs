using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using static ConfigConvert.ShellParser.ShellChars;

namespace ConfigConvert.ShellParser;

internal sealed partial class Parser
{
    /// <summary>Leading trivia waiting for the first token of the word being lexed.</summary>
    private ImmutableArray<SyntaxTrivia> _wordLeadingTrivia;

    /// <summary>Set by the parser when the next word is a here-document delimiter, which dash reads without expansions.</summary>
    private bool _nextWordIsHereDocumentDelimiter;

    private WordSyntax LexWord(ImmutableArray<SyntaxTrivia> leading)
    {
        _wordLeadingTrivia = leading;
        var mark = _parts.Mark;
        var context = _nextWordIsHereDocumentDelimiter ? PartContext.HereDocumentDelimiter : PartContext.Unquoted;
        _nextWordIsHereDocumentDelimiter = false;
        ParseParts(context);
        if (_parts.CountFrom(mark) == 0)
        {
            // Only reachable when nesting got too deep: keep the trivia on an empty literal.
            _parts.Add(new LiteralPartSyntax(MakeToken(SyntaxKind.LiteralToken, _pos, _pos)));
        }

        return _parts.CountFrom(mark) == 1 ? new WordSyntax(_parts.PopOne(mark)) : new WordSyntax(_parts.PopList(mark));
    }

    private SyntaxToken MakeToken(SyntaxKind kind, int start, int end)
    {
        var leading = _wordLeadingTrivia;
        _wordLeadingTrivia = default;
        return new SyntaxToken(kind, _text, start, end - start, leading, default);
    }

    private SyntaxToken MissingToken(SyntaxKind kind) => new(kind, string.Empty, default, default, isMissing: true);

    /// <summary>Reads word parts onto <see cref="_parts"/> until the context ends them.</summary>
    private void ParseParts(PartContext context)
    {
        var literalStart = -1;
        var parenDepth = 0;
        var literalKind = context is PartContext.DoubleQuoted or PartContext.DoubleQuotedDelimiter or PartContext.BracedArgumentInDoubleQuotes or PartContext.HereDocument
            ? SyntaxKind.QuotedLiteralToken
            : SyntaxKind.LiteralToken;

        var plain = ShellChars.PlainTextEnds(context);
        while (!_tooDeep)
        {
            var p = Logical(_pos);
            var run = p < _text.Length ? _text.AsSpan(p).IndexOfAny(plain) : 0;
            if (run != 0)
            {
                // Characters that neither end the parts nor start one, nor escape: literal text.
                literalStart = literalStart < 0 ? _pos : literalStart;
                _pos = run < 0 ? _text.Length : p + run;
                continue;
            }

            if (p >= _text.Length || EndsParts(p, context, parenDepth))
            {
                break;
            }

            var c = _text[p];
            if (context == PartContext.Arithmetic)
            {
                parenDepth = c == '(' ? parenDepth + 1 : c == ')' && parenDepth > 0 ? parenDepth - 1 : parenDepth;
            }

            if (c == '\\')
            {
                // The escaped character is read raw: a backslash-newline after it is not skipped.
                if (literalStart < 0)
                {
                    literalStart = _pos;
                }

                _pos = Math.Min(p + 2, _text.Length);
                continue;
            }

            if (StartsPart(c, p, context))
            {
                FlushLiteral(ref literalStart, literalKind, p);
                var part = ParsePart(c, p, context);
                _parts.Add(part);
                continue;
            }

            if (literalStart < 0)
            {
                literalStart = _pos;
            }

            _pos = p + 1;
        }

        FlushLiteral(ref literalStart, literalKind, _pos);
    }

    private bool EndsParts(int p, PartContext context, int parenDepth) => context switch
    {
        PartContext.BracedArgument or PartContext.BracedArgumentInDoubleQuotes => _text[p] == '}' || (_text[p] == '\n' && IsDelimiterLineAfter(p)),
        PartContext.Arithmetic => _text[p] == ')' && parenDepth == 0 && Peek(1) == ')',
        _ => ShellChars.EndsParts(_text[p], context),
    };

    // Whether the character at p opens a part of its own (quotes, backquotes, an expansion) rather than literal text.
    private bool StartsPart(char c, int p, PartContext context)
        => ShellChars.MayOpenPart(c, context) && (c != '$' || StartsExpansion(p));

    private WordPartSyntax ParsePart(char c, int p, PartContext context) => c switch
    {
        '\'' => ParseSingleQuoted(p),
        '"' => ParseDoubleQuoted(p, ShellChars.DoubleQuotesIn(context)),
        '`' => ParseBackquote(p, insideDoubleQuotes: ShellChars.IsInsideDoubleQuotes(context)),
        _ => ParseDollar(_pos, p, context),
    };

    /// <summary>
    /// Ends the pending literal at <paramref name="end"/>, line continuations included, so that the
    /// next part's first token starts right where the literal ended.
    /// </summary>
    private void FlushLiteral(ref int literalStart, SyntaxKind literalKind, int end)
    {
        if (literalStart >= 0)
        {
            _parts.Add(new LiteralPartSyntax(MakeToken(literalKind, literalStart, end)));
            literalStart = -1;
            _pos = end;
        }
    }

    private SingleQuotedPartSyntax ParseSingleQuoted(int quote)
    {
        var open = MakeToken(SyntaxKind.SingleQuoteToken, _pos, quote + 1);
        var close = _text.IndexOf('\'', quote + 1);
        var text = MakeToken(SyntaxKind.SingleQuotedTextToken, quote + 1, close < 0 ? _text.Length : close);
        if (close < 0)
        {
            Report(SyntaxDiagnostics.UnterminatedQuote, quote, quote + 1, "single");
            _pos = _text.Length;
            return new SingleQuotedPartSyntax(open, text, MissingToken(SyntaxKind.SingleQuoteToken));
        }

        _pos = close + 1;
        return new SingleQuotedPartSyntax(open, text, MakeToken(SyntaxKind.SingleQuoteToken, close, close + 1));
    }

    private DoubleQuotedPartSyntax ParseDoubleQuoted(int quote, PartContext inside)
    {
        var open = MakeToken(SyntaxKind.DoubleQuoteToken, _pos, quote + 1);
        _pos = quote + 1;
        var mark = _parts.Mark;
        if (EnterNesting())
        {
            ParseParts(inside);
        }

        ExitNesting();
        SyntaxToken close;
        if (Peek() == '"')
        {
            var start = _pos;
            Advance();
            close = MakeToken(SyntaxKind.DoubleQuoteToken, start, _pos);
        }
        else
        {
            Report(SyntaxDiagnostics.UnterminatedQuote, quote, quote + 1, "double");
            close = MissingToken(SyntaxKind.DoubleQuoteToken);
        }

        return new DoubleQuotedPartSyntax(open, _parts.PopList(mark), close);
    }

    // Parses the unescaped text of a backquote substitution again, when a rewrite changes it.
    private static SyntaxTree ParseBackquoteBody(string text) => Parse(Text.SourceText.From(text), null);

    /// <summary>Where a position in an unescaped backquote body lies in the text the body was read from.</summary>
    private static int ToOuter(int local, int contentStart, int[]? offsets, int unescapedLength)
        => contentStart + (offsets is null ? Math.Clamp(local, 0, unescapedLength) : offsets[Math.Clamp(local, 0, offsets.Length - 1)]);

    private BackquoteSubstitutionSyntax ParseBackquote(int quote, bool insideDoubleQuotes)
    {
        var open = MakeToken(SyntaxKind.BackquoteToken, _pos, quote + 1);
        var i = quote + 1;
        while (i < _text.Length && _text[i] != '`')
        {
            i += _text[i] == '\\' ? 2 : 1;
        }

        var contentEnd = Math.Min(i, _text.Length);
        var content = MakeToken(SyntaxKind.BackquoteContentToken, quote + 1, contentEnd);
        SyntaxToken close;
        if (i >= _text.Length)
        {
            Report(SyntaxDiagnostics.UnterminatedBackquote, quote, quote + 1);
            close = MissingToken(SyntaxKind.BackquoteToken);
            _pos = _text.Length;
        }
        else
        {
            close = MakeToken(SyntaxKind.BackquoteToken, i, i + 1);
            _pos = i + 1;
        }

        var (unescaped, offsets) = BackquoteText.Unescape(content.Chars, insideDoubleQuotes);
        ScriptSyntax body;
        if (EnterNesting())
        {
            var (root, diagnostics) = ParseNested(unescaped);
            body = root;
            var contentStart = quote + 1;
            foreach (var d in diagnostics)
            {
                var shifted = d with { Start = ToOuter(d.Start, contentStart, offsets, unescaped.Length), End = ToOuter(d.End, contentStart, offsets, unescaped.Length) };
                if (d.Descriptor == SyntaxDiagnostics.NestingTooDeep)
                {
                    _tooDeep = true;
                }

                _diagnostics.Add(shifted);
            }
        }
        else
        {
            body = new ScriptSyntax(SyntaxList<StatementSyntax>.Empty, new SyntaxToken(SyntaxKind.EndOfFileToken, string.Empty, [new SyntaxTrivia(SyntaxKind.SkippedTextTrivia, unescaped)], default));
        }

        ExitNesting();
        var bodyTree = new SyntaxTree(Text.SourceText.From(unescaped), null, body, []);
        return new BackquoteSubstitutionSyntax(open, content, close, bodyTree, ParseBackquoteBody);
    }

    /// <summary>True when the <c>$</c> at <paramref name="dollar"/> starts an expansion rather than standing for itself.</summary>
    private bool StartsExpansion(int dollar)
    {
        var nextPos = Logical(dollar + 1);
        if (nextPos >= _text.Length)
        {
            return false;
        }

        var next = _text[nextPos];
        return next is '{' or '('
            || IsNameStart(next) || next is >= '0' and <= '9' || IsSpecialParameter(next);
    }

    /// <summary>Parses the expansion that starts with the <c>$</c> at <paramref name="dollar"/> (see <see cref="StartsExpansion"/>).</summary>
    private WordPartSyntax ParseDollar(int tokenStart, int dollar, PartContext context)
    {
        var nextPos = Logical(dollar + 1);
        var next = _text[nextPos];
        switch (next)
        {
            case '{':
                return ParseParameterExpansion(tokenStart, nextPos, context);
            case '(':
                var second = Logical(nextPos + 1);
                return second < _text.Length && _text[second] == '('
                    ? ParseArithmetic(tokenStart, second)
                    : ParseCommandSubstitution(tokenStart, nextPos);
        }

        {
            var dollarToken = MakeToken(SyntaxKind.DollarToken, tokenStart, nextPos);
            _pos = nextPos;
            var nameStart = _pos;
            if (IsNameStart(next))
            {
                SkipNameChars();
            }
            else
            {
                Advance();
            }

            return new SimpleExpansionSyntax(dollarToken, MakeToken(SyntaxKind.ParameterNameToken, nameStart, _pos));
        }
    }

    private ParameterExpansionSyntax ParseParameterExpansion(int tokenStart, int brace, PartContext context)
    {
        var open = MakeToken(SyntaxKind.DollarOpenBraceToken, tokenStart, brace + 1);
        _pos = brace + 1;
        var entered = EnterNesting();
        var hash = ParseLengthHash();
        var nameStart = _pos;
        var first = Peek();
        SkipParameterName(first);
        var name = MakeToken(SyntaxKind.ParameterNameToken, nameStart, _pos);
        var operatorStart = _pos;
        var op = Peek();
        var opLength = ParameterOperatorLength(op, hash is not null);
        ReportBadParameterExpansion(tokenStart, name.Chars, first, op, opLength, hash is not null);

        Advance(opLength);
        var operatorToken = opLength > 0 ? MakeToken(SyntaxKind.ParameterOperatorToken, operatorStart, _pos) : null;
        var argument = entered && Peek() != '}' ? ParseParameterArgument(op, context) : null;
        ExitNesting();
        return new ParameterExpansionSyntax(open, hash, name, operatorToken, argument, ParseClosingBrace(tokenStart, brace));
    }

    // `${#name}`: the `#` of a length, only when a parameter follows (`${#}` is the special parameter #).
    private SyntaxToken? ParseLengthHash()
    {
        if (Peek() == '#' && Peek(1) is var afterHash && (IsNameStart(afterHash) || afterHash is >= '0' and <= '9' || afterHash is '@' or '*' or '?' or '$' or '!'))
        {
            var hashStart = _pos;
            Advance();
            return MakeToken(SyntaxKind.HashToken, hashStart, _pos);
        }

        return null;
    }

    private void SkipParameterName(int first)
    {
        if (first != EndOfInput && IsNameStart((char)first))
        {
            SkipNameChars();
        }
        else if (first is >= '0' and <= '9')
        {
            while (Peek() is >= '0' and <= '9')
            {
                Advance();
            }
        }
        else if (first != EndOfInput && (IsSpecialParameter((char)first) || first == '!'))
        {
            Advance();
        }
    }

    private int ParameterOperatorLength(int op, bool afterLengthHash) => op switch
    {
        // After `${#name` dash reads no operator: anything before `}` is a bad argument.
        _ when afterLengthHash => 0,
        '}' or EndOfInput => 0,
        // dash reads the character after `:` as part of the operator, even `}`: `${x:}` is unterminated.
        ':' => Peek(1) == EndOfInput ? 1 : 2,
        '#' => Peek(1) == '#' ? 2 : 1,
        '%' => Peek(1) == '%' ? 2 : 1,
        '/' => Peek(1) == '/' ? 2 : 1,
        '^' => Peek(1) == '^' ? 2 : 1,
        ',' => Peek(1) == ',' ? 2 : 1,

        // Any other character: dash takes it as a (bad) operator and reads on to `}`; the
        // expansion only fails when the line runs.
        _ => 1,
    };

    private void ReportBadParameterExpansion(int tokenStart, ReadOnlySpan<char> name, int first, int op, int opLength, bool afterLengthHash)
    {
        var isOperator = op is ':' or '-' or '=' or '?' or '+' or '#' or '%' or '}' or EndOfInput;
        // bash's operators (`${x/a/b}`, `${x:0:3}`, `${x^^}`, `${x,,}`) fail the same way; the config
        // rules say what to write instead (CC2210), so they are not reported here.
        var bashOperator = op is '/' or '^' or ',' || (op == ':' && Peek(1) is not ('-' or '=' or '?' or '+' or '}' or EndOfInput));
        if (bashOperator && name.Length > 0)
        {
            return;
        }

        if (name.Length == 0 || !isOperator || (afterLengthHash && op is not ('}' or EndOfInput)) || (first == '!' && op != '}'))
        {
            var shown = op is EndOfInput or '}' ? string.Empty : ((char)op).ToString();
            Report(SyntaxDiagnostics.BadSubstitution, tokenStart, _pos + opLength, "${" + name.ToString() + shown + "...}");
        }
    }

    private WordSyntax? ParseParameterArgument(int op, PartContext context)
    {
        var mark = _parts.Mark;
        ParseParts(BracedArgumentIn(context, op));
        return _parts.CountFrom(mark) switch
        {
            0 => null,
            1 => new WordSyntax(_parts.PopOne(mark)),
            _ => new WordSyntax(_parts.PopList(mark)),
        };
    }

    private SyntaxToken ParseClosingBrace(int tokenStart, int brace)
    {
        if (Peek() == '}')
        {
            var start = _pos;
            Advance();
            return MakeToken(SyntaxKind.CloseBraceToken, start, _pos);
        }

        Report(SyntaxDiagnostics.UnterminatedConstruct, tokenStart, brace + 1, "`${`", "`}`");
        return MissingToken(SyntaxKind.CloseBraceToken);
    }

    private CommandSubstitutionSyntax ParseCommandSubstitution(int tokenStart, int paren)
    {
        var open = MakeToken(SyntaxKind.DollarOpenParenToken, tokenStart, paren + 1);
        _pos = paren + 1;
        var statements = SyntaxList<StatementSyntax>.Empty;
        SyntaxToken close;
        var hereDocument = _hereDocumentBeingRead;
        _hereDocumentBeingRead = null;

        // Here-documents opened inside the substitution are read at a line break inside it; dash
        // forgets those still waiting at its `)`, and the ones waiting outside wait on.
        var waitingOutside = _pendingHereDocuments.ToList();
        _pendingHereDocuments.Clear();
        if (EnterNesting())
        {
            // The substitution lexes its own tokens; the enclosing word resumes where they end.
            statements = ParseStatementsUntil(SyntaxKind.CloseParenToken);
            if (_tooDeep && _hasCurrent && _current.Element is not SyntaxToken { IsMissing: true })
            {
                // Parsing stopped inside a word of this substitution: that word must not outlive it,
                // or the enclosing word, which is being lexed, would replace it.
                statements = statements.InsertRange(statements.Count, [new StatementSyntax(Bad(TakeElement()), null)]);
            }

            close = CurrentKind == SyntaxKind.CloseParenToken
                ? TakeToken()
                : ExpectedButFound(SyntaxDiagnostics.UnterminatedConstruct, SyntaxKind.CloseParenToken, tokenStart, paren + 1, "`$(`", "`)`");
        }
        else
        {
            close = MissingToken(SyntaxKind.CloseParenToken);
        }

        ExitNesting();
        _hereDocumentBeingRead = hereDocument;
        foreach (var forgotten in _pendingHereDocuments)
        {
            Report(SyntaxDiagnostics.UnterminatedHereDocument, forgotten.OperatorStart, forgotten.OperatorStart + 2, forgotten.Delimiter);
        }

        _pendingHereDocuments.Clear();
        _pendingHereDocuments.AddRange(waitingOutside);
        return new CommandSubstitutionSyntax(open, statements, close);
    }

    private ArithmeticExpansionSyntax ParseArithmetic(int tokenStart, int secondParen)
    {
        var open = MakeToken(SyntaxKind.DollarDoubleOpenParenToken, tokenStart, secondParen + 1);
        _pos = secondParen + 1;
        var mark = _parts.Mark;
        if (EnterNesting())
        {
            ParseParts(PartContext.Arithmetic);
        }

        ExitNesting();
        SyntaxToken close;
        if (Peek() == ')' && Peek(1) == ')')
        {
            var start = _pos;
            Advance(2);
            close = MakeToken(SyntaxKind.DoubleCloseParenToken, start, _pos);
        }
        else
        {
            Report(SyntaxDiagnostics.MissingArithmeticClose, tokenStart, secondParen + 1);
            close = MissingToken(SyntaxKind.DoubleCloseParenToken);
        }

        return new ArithmeticExpansionSyntax(open, _parts.PopList(mark), close);
    }

    /// <summary>Moves the cursor past the characters of a name, line continuations between them included.</summary>
    private void SkipNameChars() => _pos = EndOfName(_text, _pos);
}
