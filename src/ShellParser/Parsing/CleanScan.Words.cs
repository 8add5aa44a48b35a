using System.Runtime.CompilerServices;
using static ConfigConvert.ShellParser.ShellChars;

namespace ConfigConvert.ShellParser;

/// <summary>
/// The scan's lexer: tokens, words and their parts, and here-document bodies, each step as <c>Parser.Lexer</c> and
/// <c>Parser.Words</c> take it, without making a token or a node.
/// </summary>
internal ref partial struct CleanScan
{
    private const int MaxPendingHereDocuments = 4;

    private enum Kind
    {
        None,
        EndOfInput,
        NewLine,
        Semicolon,
        DoubleSemicolon,
        Ampersand,
        AmpersandAmpersand,
        Bar,
        BarBar,
        OpenParen,
        CloseParen,
        Redirect,
        HereDocument,
        IoNumber,
        Word,
        Failed,
    }

    /// <summary>What a word is as the parser's grammar asks: a reserved spelling, another plain spelling, or not plain.</summary>
    private enum Keyword
    {
        NotPlain,

        // One unquoted literal with a backslash in it: the parser joins line continuations to decide; the scan does not.
        Uncertain,
        Plain,
        If,
        Then,
        Else,
        Elif,
        Fi,
        Do,
        Done,
        Case,
        Esac,
        While,
        Until,
        For,
        In,
        OpenBrace,
        CloseBrace,
        Bang,
    }

    private readonly record struct Token(Kind Kind, int Start, int End, Keyword Keyword = Keyword.NotPlain, bool IsAssignment = false, bool StripTabs = false);

    private readonly record struct PendingHereDocument(int DelimiterStart, int DelimiterLength, bool StripTabs, bool Quoted);

    private Token Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _hasCurrent ? _current : LexCurrent();
    }

    private Token LexCurrent()
    {
        _current = Lex();
        _hasCurrent = true;
        return _current;
    }

    private void Take() => _hasCurrent = false;

    private Keyword KeywordOf(Token word)
    {
        if (word.Keyword == Keyword.Uncertain)
        {
            Fail();
            return Keyword.NotPlain;
        }

        return word.Keyword;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Logical(int position) => ShellChars.Logical(_text, position);

    private int Peek(int ahead = 0)
    {
        var p = LogicalAhead(_text, _pos, ahead);
        if (p < _text.Length)
        {
            return _text[p];
        }

        _sawEnd = true;
        return EndOfInput;
    }

    private void Advance(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _pos = Math.Min(Logical(_pos) + 1, _text.Length);
        }
    }

    private Token Failed()
    {
        Fail();
        return new Token(Kind.Failed, _pos, _pos);
    }

    private Token Lex()
    {
        if (_failed)
        {
            return new Token(Kind.Failed, _pos, _pos);
        }

        SkipTrivia();
        var start = _pos;
        var c = Peek();
        if (c == EndOfInput)
        {
            _pos = _text.Length;
            _pendingCount = 0;
            return new Token(Kind.EndOfInput, start, start);
        }

        var (kind, length) = Operator(c);
        if (kind == Kind.None && c is >= '0' and <= '9' && Peek(1) is '<' or '>')
        {
            Advance();
            return new Token(Kind.IoNumber, start, _pos);
        }

        if (kind == Kind.None)
        {
            return LexWord(start);
        }

        Advance(length);
        var token = new Token(kind, start, _pos, StripTabs: length == 3);
        return kind == Kind.NewLine && _pendingCount > 0 && !ReadHereDocumentBodies() ? Failed() : token;
    }

    /// <summary>Blanks, line continuations and a comment, as <c>Parser.ScanOwnLeadingTrivia</c> reads them.</summary>
    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c is ' ' or '\t')
            {
                var run = _text[_pos..].IndexOfAnyExcept(' ', '\t');
                _pos = run < 0 ? _text.Length : _pos + run;
            }
            else if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
            {
                _pos += 2;
            }
            else if (c == '#')
            {
                var end = _text[_pos..].IndexOf('\n');
                _sawEnd |= end < 0;
                _pos = end < 0 ? _text.Length : _pos + end;
            }
            else
            {
                return;
            }
        }
    }

    private (Kind Kind, int Length) Operator(int c) => c switch
    {
        '\n' => (Kind.NewLine, 1),
        ';' => Peek(1) == ';' ? (Kind.DoubleSemicolon, 2) : (Kind.Semicolon, 1),
        '&' => Peek(1) == '&' ? (Kind.AmpersandAmpersand, 2) : (Kind.Ampersand, 1),
        '|' => Peek(1) == '|' ? (Kind.BarBar, 2) : (Kind.Bar, 1),
        '(' => (Kind.OpenParen, 1),
        ')' => (Kind.CloseParen, 1),
        '<' => Peek(1) switch
        {
            '<' => Peek(2) == '-' ? (Kind.HereDocument, 3) : (Kind.HereDocument, 2),
            _ => (Kind.Redirect, Peek(1) is '&' or '>' ? 2 : 1),
        },
        '>' => (Kind.Redirect, Peek(1) is '>' or '&' or '|' ? 2 : 1),
        _ => (Kind.None, 1),
    };

    private Token LexWord(int start)
    {
        var context = _nextWordIsDelimiter ? PartContext.HereDocumentDelimiter : PartContext.Unquoted;
        _nextWordIsDelimiter = false;
        if (!ParseParts(context, out var parts, out var firstLiteralEnd))
        {
            return Failed();
        }

        var end = _pos;
        var keyword = parts == 1 && firstLiteralEnd == end ? Spelling(_text[start..end]) : Keyword.NotPlain;
        var isAssignment = firstLiteralEnd >= 0 && IsAssignment(_text[start..firstLiteralEnd]);
        return new Token(Kind.Word, start, end, keyword, isAssignment);
    }

    private static Keyword Spelling(ReadOnlySpan<char> text) => text switch
    {
        _ when text.Length > 5 => WithBackslashes(text),
        "if" => Keyword.If,
        "then" => Keyword.Then,
        "else" => Keyword.Else,
        "elif" => Keyword.Elif,
        "fi" => Keyword.Fi,
        "do" => Keyword.Do,
        "done" => Keyword.Done,
        "case" => Keyword.Case,
        "esac" => Keyword.Esac,
        "while" => Keyword.While,
        "until" => Keyword.Until,
        "for" => Keyword.For,
        "in" => Keyword.In,
        "{" => Keyword.OpenBrace,
        "}" => Keyword.CloseBrace,
        "!" => Keyword.Bang,
        _ => WithBackslashes(text),
    };

    // The parser drops the line continuations of a spelling and refuses it if a backslash is left (`\if`, `a\;`); one
    // that only line continuations split (`th\<newline>en`) may be a reserved word, which the scan does not decide.
    private static Keyword WithBackslashes(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOf('\\'); i >= 0; i = text[(i + 2)..].IndexOf('\\') is var next and >= 0 ? i + 2 + next : -1)
        {
            if (i + 1 >= text.Length || text[i + 1] != '\n')
            {
                return Keyword.NotPlain;
            }
        }

        return text.Contains('\\') ? Keyword.Uncertain : Keyword.Plain;
    }

    // `NAME=`: how Parser.TrySplitAssignment reads the first literal of a word.
    private static bool IsAssignment(ReadOnlySpan<char> literal)
    {
        if (literal.IsEmpty || !IsNameStart(literal[0]))
        {
            return false;
        }

        var i = 1;
        while (i < literal.Length && IsNameChar(literal[i]))
        {
            i++;
        }

        return i < literal.Length && literal[i] == '=';
    }

    /// <summary>
    /// Reads word parts until the context ends them (<c>Parser.ParseParts</c>): how many parts there were (a run of
    /// literal text is one), and where the first ended when it was literal text (-1 otherwise). False when the scan failed.
    /// </summary>
    private bool ParseParts(PartContext context, out int parts, out int firstLiteralEnd)
    {
        parts = 0;
        firstLiteralEnd = -1;
        var inLiteral = false;
        var parenDepth = 0;
        var plain = PlainTextEnds(context);
        while (!_failed)
        {
            var p = Logical(_pos);
            var run = p < _text.Length ? _text[p..].IndexOfAny(plain) : 0;
            if (run != 0)
            {
                inLiteral = true;
                _pos = run < 0 ? _text.Length : p + run;
                continue;
            }

            if (p >= _text.Length)
            {
                _sawEnd = true;
                break;
            }

            var c = _text[p];
            if (c == '\n' && _inHereDocumentBody && context is PartContext.BracedArgument or PartContext.BracedArgumentInDoubleQuotes)
            {
                // dash looks for the body's delimiter on the next line even inside `${`: the parser's to follow.
                return Fail();
            }

            if (EndsParts(c, context, parenDepth))
            {
                break;
            }

            if (context == PartContext.Arithmetic)
            {
                parenDepth = c == '(' ? parenDepth + 1 : c == ')' && parenDepth > 0 ? parenDepth - 1 : parenDepth;
            }

            if (c == '\\')
            {
                inLiteral = true;
                _pos = Math.Min(p + 2, _text.Length);
                continue;
            }

            if (StartsPart(c, p, context))
            {
                if (inLiteral)
                {
                    firstLiteralEnd = parts == 0 ? p : firstLiteralEnd;
                    parts++;
                    inLiteral = false;
                }

                if (!ParsePart(c, p, context))
                {
                    return false;
                }

                parts++;
                continue;
            }

            inLiteral = true;
            _pos = p + 1;
        }

        if (inLiteral)
        {
            firstLiteralEnd = parts == 0 ? _pos : firstLiteralEnd;
            parts++;
        }

        return !_failed;
    }

    private bool EndsParts(char c, PartContext context, int parenDepth)
        => context == PartContext.Arithmetic ? c == ')' && parenDepth == 0 && Peek(1) == ')' : ShellChars.EndsParts(c, context);

    private bool StartsPart(char c, int p, PartContext context)
        => ShellChars.MayOpenPart(c, context) && (c != '$' || StartsExpansion(p));

    private bool ParsePart(char c, int p, PartContext context) => c switch
    {
        '\'' => SingleQuoted(p),
        '"' => DoubleQuoted(p, ShellChars.DoubleQuotesIn(context)),
        '`' => Backquote(p, insideDoubleQuotes: ShellChars.IsInsideDoubleQuotes(context)),
        _ => Dollar(p, context),
    };

    private bool SingleQuoted(int quote)
    {
        var close = _text[(quote + 1)..].IndexOf('\'');
        if (close < 0)
        {
            _sawEnd = true;
            return Fail();
        }

        _pos = quote + 1 + close + 1;
        return true;
    }

    private bool DoubleQuoted(int quote, PartContext inside)
    {
        _pos = quote + 1;
        if (!Enter() || !ParseParts(inside, out _, out _))
        {
            return false;
        }

        Exit();
        if (Peek() != '"')
        {
            return Fail();
        }

        Advance();
        return true;
    }

    private bool Backquote(int quote, bool insideDoubleQuotes)
    {
        var i = quote + 1;
        while (i < _text.Length && _text[i] != '`')
        {
            i += _text[i] == '\\' ? 2 : 1;
        }

        if (i >= _text.Length)
        {
            _sawEnd = true;
            return Fail();
        }

        _pos = i + 1;
        if (!Enter())
        {
            return false;
        }

        // The body is parsed apart, as the parser parses it: unescaped once, in a parser of its own.
        var content = _text[(quote + 1)..i];
        var clean = content.Contains('\\')
            ? IsCleanBackquoteBody(BackquoteText.Unescape(content, insideDoubleQuotes).Text, _depth)
            : IsCleanBackquoteBody(content, _depth);
        Exit();
        return clean || Fail();
    }

    private bool StartsExpansion(int dollar)
    {
        var nextPos = Logical(dollar + 1);
        if (nextPos >= _text.Length)
        {
            _sawEnd = true;
            return false;
        }

        var next = _text[nextPos];
        return next is '{' or '(' || IsNameStart(next) || next is >= '0' and <= '9' || IsSpecialParameter(next);
    }

    private bool Dollar(int dollar, PartContext context)
    {
        var nextPos = Logical(dollar + 1);
        var next = _text[nextPos];
        if (next == '{')
        {
            return ParameterExpansion(nextPos, context);
        }

        if (next == '(')
        {
            var second = Logical(nextPos + 1);
            _sawEnd |= second >= _text.Length;
            return second < _text.Length && _text[second] == '(' ? Arithmetic(second) : CommandSubstitution(nextPos);
        }

        _pos = nextPos;
        if (IsNameStart(next))
        {
            SkipNameChars();
        }
        else
        {
            Advance();
        }

        return true;
    }

    /// <summary>
    /// <c>${...}</c> with an operator or none, in the forms <c>Parser.ReportBadParameterExpansion</c> does not report.
    /// </summary>
    private bool ParameterExpansion(int brace, PartContext context)
    {
        _pos = brace + 1;
        if (!Enter())
        {
            return false;
        }

        var lengthHash = Peek() == '#' && Peek(1) is var afterHash
            && (IsNameStart(afterHash) || afterHash is >= '0' and <= '9' || afterHash is '@' or '*' or '?' or '$' or '!');
        if (lengthHash)
        {
            Advance();
        }

        var nameStart = _pos;
        var first = Peek();
        SkipParameterName(first);
        var op = Peek();
        if (_pos == nameStart || (op != '}' && (lengthHash || first == '!')))
        {
            return Fail();
        }

        // bash's operators (`${x/a/b}`, `${x:1:2}`, `${x^^}`) are not the parser's to report either: CC2210 says what to write.
        var opLength = op switch
        {
            '}' => 0,
            ':' => Peek(1) is '}' or EndOfInput ? -1 : 2,
            '-' or '=' or '?' or '+' => 1,
            '#' or '%' or '/' or '^' or ',' => Peek(1) == op ? 2 : 1,
            _ => -1,
        };
        if (opLength < 0)
        {
            return Fail();
        }

        Advance(opLength);
        if (Peek() != '}')
        {
            if (!ParseParts(BracedArgumentIn(context, op), out _, out _))
            {
                return false;
            }
        }

        if (Peek() != '}')
        {
            return Fail();
        }

        Advance();
        Exit();
        return true;
    }

    private void SkipParameterName(int first)
    {
        if (first != EndOfInput && IsNameStart(first))
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
        else if (first != EndOfInput && (IsSpecialParameter(first) || first == '!'))
        {
            Advance();
        }
    }

    private bool CommandSubstitution(int paren)
    {
        // Here-documents waiting outside wait on past the `)` (the parser's to follow); those opened inside are read
        // inside, and one still waiting at the `)` is forgotten, and reported (CC1009).
        if (_pendingCount > 0)
        {
            return Fail();
        }

        _pos = paren + 1;
        var inBody = _inHereDocumentBody;
        _inHereDocumentBody = false;
        var clean = Enter() && StatementList() >= 0 && Current.Kind == Kind.CloseParen && _pendingCount == 0;
        if (clean)
        {
            Take();
            Exit();
        }

        _inHereDocumentBody = inBody;
        return clean || Fail();
    }

    private bool Arithmetic(int secondParen)
    {
        _pos = secondParen + 1;
        if (!Enter() || !ParseParts(PartContext.Arithmetic, out _, out _))
        {
            return false;
        }

        Exit();
        if (Peek() != ')' || Peek(1) != ')')
        {
            return Fail();
        }

        Advance(2);
        return true;
    }

    /// <summary>
    /// Queues the body of a here-document whose delimiter is a plain name, bare, wholly quoted (<c>'EOF'</c>,
    /// <c>"EOF"</c>) or after one backslash (<c>\EOF</c>, which configs write as often); any other is the parser's.
    /// </summary>
    private bool QueueHereDocument(Token delimiter, bool stripTabs)
    {
        var text = _text[delimiter.Start..delimiter.End];
        var wrapped = text.Length >= 3 && text[0] is '\'' or '"' && text[^1] == text[0];
        var escaped = !wrapped && text.Length >= 2 && text[0] == '\\';
        var name = wrapped ? text[1..^1] : escaped ? text[1..] : text;
        if (_pendingCount == MaxPendingHereDocuments || name.IsEmpty || name.ContainsAnyExcept(NameChars))
        {
            return Fail();
        }

        var quoted = wrapped || escaped;
        _pending ??= new PendingHereDocument[MaxPendingHereDocuments];
        _pending[_pendingCount++] = new PendingHereDocument(delimiter.Start + (quoted ? 1 : 0), name.Length, stripTabs, quoted);
        return true;
    }

    /// <summary>The bodies of the here-documents queued on the line that just ended (<c>Parser.ReadHereDocumentBodies</c>).</summary>
    private bool ReadHereDocumentBodies()
    {
        // Taken off the queue first, as the parser does: a `$(` in a body then sees none waiting, and may queue its own.
        Span<PendingHereDocument> queued = stackalloc PendingHereDocument[MaxPendingHereDocuments];
        _pending!.AsSpan(0, _pendingCount).CopyTo(queued);
        queued = queued[.._pendingCount];
        _pendingCount = 0;
        foreach (var heredoc in queued)
        {
            if (!ReadBody(heredoc))
            {
                return false;
            }
        }

        return true;
    }

    private bool ReadBody(PendingHereDocument heredoc)
    {
        while (_pos < _text.Length)
        {
            var lineEnd = _text[_pos..].IndexOf('\n');
            _sawEnd |= lineEnd < 0;
            var end = lineEnd < 0 ? _text.Length : _pos + lineEnd;
            if (IsDelimiterLine(_pos, end, heredoc))
            {
                _pos = lineEnd < 0 ? _text.Length : end + 1;
                return true;
            }

            if (heredoc.Quoted)
            {
                _pos = lineEnd < 0 ? _text.Length : end + 1;
                continue;
            }

            _inHereDocumentBody = true;
            var read = ParseParts(PartContext.HereDocument, out _, out _);
            _inHereDocumentBody = false;
            if (!read)
            {
                return false;
            }

            _pos = Math.Min(Logical(_pos) + 1, _text.Length);
        }

        // Not terminated (CC1009).
        _sawEnd = true;
        return Fail();
    }

    private bool IsDelimiterLine(int lineStart, int lineEnd, PendingHereDocument heredoc)
    {
        if (heredoc.StripTabs)
        {
            while (lineStart < lineEnd && _text[lineStart] == '\t')
            {
                lineStart++;
            }
        }

        return _text[lineStart..lineEnd].SequenceEqual(_text.Slice(heredoc.DelimiterStart, heredoc.DelimiterLength));
    }

    private void SkipNameChars()
    {
        _pos = EndOfName(_text, _pos);
        _sawEnd |= Logical(_pos) >= _text.Length;
    }
}
