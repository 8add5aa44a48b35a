using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ConfigConvert.Diagnostics;
using static ConfigConvert.ShellParser.ShellChars;

namespace ConfigConvert.ShellParser;

internal sealed partial class Parser
{
    /// <summary>The lexeme under the cursor, lexed on first use.</summary>
    private Lexeme Current
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _hasCurrent ? _current : LexCurrent();
    }

    private Lexeme LexCurrent()
    {
        _current = _tooDeep ? SyntheticEndOfFile() : Lex();
        _hasCurrent = true;
        return _current;
    }

    private SyntaxKind CurrentKind => Current.Kind;

    private SyntaxToken TakeToken()
    {
        var token = (SyntaxToken)Current.Element;
        _hasCurrent = false;
        return token;
    }

    private WordSyntax TakeWord()
    {
        var word = (WordSyntax)Current.Element;
        _hasCurrent = false;
        return word;
    }

    private Lexeme SyntheticEndOfFile()
        => new(new SyntaxToken(SyntaxKind.EndOfFileToken, string.Empty, default, default, isMissing: true), SyntaxKind.EndOfFileToken, _pos, _pos);

    /// <summary>Turns the line breaks under the cursor into trivia of the next token: the grammar allows any number of them here.</summary>
    private void SkipLinebreaks()
    {
        while (!_tooDeep && CurrentKind == SyntaxKind.NewLineToken)
        {
            var newline = TakeToken();
            _pendingTrivia.AddRange(newline.LeadingTrivia.AsSpan());
            _pendingTrivia.Add(new SyntaxTrivia(SyntaxKind.EndOfLineTrivia, newline.Width == 1 ? "\n" : newline.Text));
            _pendingTrivia.AddRange(newline.TrailingTrivia.AsSpan());
        }
    }

    /// <summary>Position of the next character the shell sees: backslash-newline pairs are invisible to it outside single quotes and comments.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Logical(int position) => ShellChars.Logical(_text, position);

    /// <summary>The <paramref name="ahead"/>-th character the shell sees from the cursor, or <see cref="EndOfInput"/>.</summary>
    private int Peek(int ahead = 0)
    {
        var p = LogicalAhead(_text, _pos, ahead);
        return p < _text.Length ? _text[p] : EndOfInput;
    }

    /// <summary>Moves the cursor past <paramref name="count"/> characters the shell sees.</summary>
    private void Advance(int count = 1)
    {
        for (var i = 0; i < count; i++)
        {
            _pos = Math.Min(Logical(_pos) + 1, _text.Length);
        }
    }

    private ImmutableArray<SyntaxTrivia> ScanLeadingTrivia()
    {
        // Most tokens have no trivia: do not allocate for them.
        if (_pendingTrivia.Count == 0 && (_pos >= _text.Length || _text[_pos] is not (' ' or '\t' or '\\' or '#')))
        {
            return ImmutableArray<SyntaxTrivia>.Empty;
        }

        if (_pendingTrivia.Count == 0 && TryScanBlanksOnly(out var blanks))
        {
            return blanks;
        }

        var trivia = _buffers.Trivia;
        trivia.Clear();
        ScanOwnLeadingTrivia(trivia);

        // Line breaks waiting to become trivia are being skipped by SkipLinebreaks, which alone
        // leaves them pending: a further line break joins them there rather than carrying them,
        // so a run of blank or comment lines is copied once, into the token after it.
        if (_pendingTrivia.Count > 0 && Peek() != '\n')
        {
            trivia.InsertRange(0, _pendingTrivia);
            _pendingTrivia.Clear();
        }

        return trivia.Count == 0 ? ImmutableArray<SyntaxTrivia>.Empty : ImmutableArray.Create<SyntaxTrivia>(CollectionsMarshal.AsSpan(trivia));
    }

    /// <summary>Reads the blanks, line continuations and comment before the token under the cursor into <paramref name="trivia"/>.</summary>
    private void ScanOwnLeadingTrivia(List<SyntaxTrivia> trivia)
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            var start = _pos;
            if (c is ' ' or '\t')
            {
                while (_pos < _text.Length && _text[_pos] is ' ' or '\t')
                {
                    _pos++;
                }

                trivia.Add(new SyntaxTrivia(SyntaxKind.WhitespaceTrivia, Slice(start, _pos)));
            }
            else if (c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] == '\n')
            {
                _pos += 2;
                trivia.Add(new SyntaxTrivia(SyntaxKind.LineContinuationTrivia, "\\\n"));
            }
            else if (c == '#')
            {
                // A comment runs to the end of the line; a backslash at its end does not continue it.
                var end = _text.IndexOf('\n', _pos);
                _pos = end < 0 ? _text.Length : end;
                trivia.Add(new SyntaxTrivia(SyntaxKind.CommentTrivia, Slice(start, _pos)));
            }
            else
            {
                break;
            }
        }
    }

    /// <summary>
    /// The commonest trivia, one run of blanks and then the token: such runs are shared (a trivia
    /// list is immutable), so the words of a command line allocate no trivia.
    /// </summary>
    private bool TryScanBlanksOnly(out ImmutableArray<SyntaxTrivia> blanks)
    {
        blanks = default;
        var length = _text.AsSpan(_pos).IndexOfAnyExcept(' ', '\t');
        var end = length < 0 ? _text.Length : _pos + length;
        if (length == 0 || length > ParseBuffers.MaxSharedTextLength || (end < _text.Length && _text[end] is '\\' or '#'))
        {
            return false;
        }

        blanks = SharedBlanks(_text.AsSpan(_pos, end - _pos));
        _pos = end;
        return true;
    }

    private ImmutableArray<SyntaxTrivia> SharedBlanks(ReadOnlySpan<char> span)
    {
        // Runs of one kind of blank (a space, an indentation) are found by length, the rest by text.
        var uniform = span.Length < ParseBuffers.UniformBlankRuns && !span.ContainsAnyExcept(span[0]);
        var runs = span[0] == ' ' ? _buffers.SpaceRuns : _buffers.TabRuns;
        if (uniform && !runs[span.Length].IsDefault)
        {
            return runs[span.Length];
        }

        var table = _buffers.SharedBlanks;
        if (!table.TryGetValue(span, out var blanks))
        {
            var text = span.ToString();
            blanks = [new SyntaxTrivia(SyntaxKind.WhitespaceTrivia, text)];
            table[text] = blanks;
        }

        if (uniform)
        {
            runs[span.Length] = blanks;
        }

        return blanks;
    }

    private Lexeme Lex()
    {
        var leading = ScanLeadingTrivia();
        var start = _pos;
        var c = Peek();
        if (c == EndOfInput)
        {
            _pos = _text.Length;

            // dash accepts a here-document operator on the last line with no body at all.
            _pendingHereDocuments.Clear();
            return new Lexeme(new SyntaxToken(SyntaxKind.EndOfFileToken, string.Empty, leading, default), SyntaxKind.EndOfFileToken, start, start);
        }

        var (kind, length) = Operator(c, start);
        if (kind == SyntaxKind.None && c is >= '0' and <= '9' && TryLexIoNumber(leading, out var ioNumber))
        {
            return ioNumber;
        }

        if (kind == SyntaxKind.None)
        {
            var word = LexWord(leading);
            return new Lexeme(word, SyntaxKind.Word, start, _pos);
        }

        Advance(length);
        var end = _pos;
        var trailing = kind == SyntaxKind.NewLineToken ? ReadHereDocumentBodies() : default;
        var token = new SyntaxToken(kind, _text, start, end - start, leading, trailing);
        return new Lexeme(token, kind, start, end);
    }

    // The operator token that starts at the current position, or None (a word or a descriptor number).
    // The character after it is looked at only for the operators that may be two characters long.
    private (SyntaxKind Kind, int Length) Operator(int c, int start) => c switch
    {
        '\n' => (SyntaxKind.NewLineToken, 1),
        ';' => Peek(1) == ';' ? (SyntaxKind.DoubleSemicolonToken, 2) : (SyntaxKind.SemicolonToken, 1),
        '&' => Peek(1) == '&' ? (SyntaxKind.AmpersandAmpersandToken, 2) : (SyntaxKind.AmpersandToken, 1),
        '|' => Peek(1) == '|' ? (SyntaxKind.BarBarToken, 2) : (SyntaxKind.BarToken, 1),
        '(' => (SyntaxKind.OpenParenToken, 1),
        ')' => (SyntaxKind.CloseParenToken, 1),
        '<' => Peek(1) switch
        {
            '<' => Peek(2) == '-' ? (SyntaxKind.LessLessDashToken, 3) : (SyntaxKind.LessLessToken, 2),
            '&' => (SyntaxKind.LessAmpersandToken, 2),
            '>' => (SyntaxKind.LessGreaterToken, 2),
            _ => (SyntaxKind.LessToken, 1),
        },
        '>' => Peek(1) switch
        {
            '>' => (SyntaxKind.GreaterGreaterToken, 2),
            '&' => (SyntaxKind.GreaterAmpersandToken, 2),
            '|' => (SyntaxKind.GreaterBarToken, 2),
            _ => (SyntaxKind.GreaterToken, 1),
        },
        _ => (SyntaxKind.None, 1),
    };

    private bool TryLexIoNumber(ImmutableArray<SyntaxTrivia> leading, out Lexeme lexeme)
    {
        // dash takes only a single digit before `<` or `>` as a descriptor number; `12>x` is the word 12.
        const int ahead = 1;
        if (Peek(ahead) is not ('<' or '>'))
        {
            lexeme = default;
            return false;
        }

        var start = _pos;
        Advance(ahead);
        lexeme = new Lexeme(new SyntaxToken(SyntaxKind.IoNumberToken, _text, start, _pos - start, leading, default), SyntaxKind.IoNumberToken, start, _pos);
        return true;
    }

    /// <summary>
    /// Reads the bodies of the here-documents whose operators were on the line that just ended. A body
    /// with an unquoted delimiter is read the way dash reads it: its substitutions are parsed as they
    /// come, and a <c>$(...)</c> may run over lines (and over a line that looks like the delimiter).
    /// </summary>
    private ImmutableArray<SyntaxTrivia> ReadHereDocumentBodies()
    {
        if (_pendingHereDocuments.Count == 0)
        {
            return default;
        }

        // Substitutions in a body may hold here-documents of their own: they queue afresh.
        var pending = _pendingHereDocuments.ToArray();
        _pendingHereDocuments.Clear();
        var bodies = ImmutableArray.CreateBuilder<SyntaxTrivia>(pending.Length);
        foreach (var heredoc in pending)
        {
            var start = _pos;
            var terminated = false;
            while (_pos < _text.Length && !_tooDeep)
            {
                var lineEnd = _text.IndexOf('\n', _pos);
                var end = lineEnd < 0 ? _text.Length : lineEnd;
                if (IsDelimiterLine(_pos, end, heredoc))
                {
                    _pos = lineEnd < 0 ? _text.Length : lineEnd + 1;
                    terminated = true;
                    break;
                }

                if (heredoc.Quoted)
                {
                    _pos = lineEnd < 0 ? _text.Length : lineEnd + 1;
                    continue;
                }

                _wordLeadingTrivia = default;
                _hereDocumentBeingRead = heredoc;
                // The body's parts are read for their diagnostics; the body is kept as trivia.
                var mark = _parts.Mark;
                ParseParts(PartContext.HereDocument);
                _parts.DropFrom(mark);
                _hereDocumentBeingRead = null;
                _pos = Math.Min(Logical(_pos) + 1, _text.Length);
            }

            if (!terminated)
            {
                Report(SyntaxDiagnostics.UnterminatedHereDocument, heredoc.OperatorStart, heredoc.OperatorStart + 2, heredoc.Delimiter);
            }

            bodies.Add(new SyntaxTrivia(SyntaxKind.HereDocumentBodyTrivia, Slice(start, _pos)));
        }

        return bodies.ToImmutable();
    }

    /// <summary>
    /// The here-document whose body is being read, while it is read outside a <c>$(...)</c>: dash
    /// checks for its delimiter at every line start, even inside an unfinished <c>${...}</c>.
    /// </summary>
    private PendingHereDocument? _hereDocumentBeingRead;

    private bool IsDelimiterLineAfter(int newline)
    {
        if (_hereDocumentBeingRead is null)
        {
            return false;
        }

        var lineEnd = _text.IndexOf('\n', newline + 1);
        return IsDelimiterLine(newline + 1, lineEnd < 0 ? _text.Length : lineEnd, _hereDocumentBeingRead);
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

        return lineEnd - lineStart == heredoc.Delimiter.Length
            && string.CompareOrdinal(_text, lineStart, heredoc.Delimiter, 0, heredoc.Delimiter.Length) == 0;
    }
}
