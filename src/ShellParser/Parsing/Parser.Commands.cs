using ConfigConvert.Diagnostics;
using static ConfigConvert.ShellParser.ShellChars;

namespace ConfigConvert.ShellParser;

internal sealed partial class Parser
{
    /// <summary>
    /// True when <paramref name="word"/> is spelled as a reserved word can be: unquoted, unescaped
    /// (line continuations aside, which the shell never sees). Whether it counts as one depends on
    /// where it stands, which only the parser knows.
    /// </summary>
    private static bool IsReservedSpelling(WordSyntax word, out ReadOnlySpan<char> text)
    {
        text = default;
        if (word.PartCount != 1 || word.PartAt(0) is not LiteralPartSyntax { Token: { Kind: SyntaxKind.LiteralToken } token })
        {
            return false;
        }

        var spelling = token.Chars;
        if (HasBackslash(spelling))
        {
            // Rare: a reserved word split by line continuations (`th\<newline>en`).
            var joined = spelling.ToString().Replace("\\\n", string.Empty, StringComparison.Ordinal);
            if (joined.Contains('\\'))
            {
                return false;
            }

            spelling = joined;
        }

        text = spelling;
        return true;
    }

    // Words asked about are mostly a few characters long (command names, keywords): for those, a loop
    // costs less than a vectorized search's call.
    private static bool HasBackslash(ReadOnlySpan<char> text)
    {
        if (text.Length > 8)
        {
            return text.Contains('\\');
        }

        foreach (var c in text)
        {
            if (c == '\\')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsListTerminator(Lexeme lexeme)
        => lexeme.Kind is SyntaxKind.EndOfFileToken or SyntaxKind.CloseParenToken or SyntaxKind.DoubleSemicolonToken
           || (lexeme.Element is WordSyntax word && IsReservedSpelling(word, out var text) && IsListTerminatorSpelling(text));

    private static bool IsListTerminatorSpelling(ReadOnlySpan<char> text)
        => text is "then" or "else" or "elif" or "fi" or "do" or "done" or "esac" or "}";

    private static bool IsRedirectOperator(SyntaxKind kind) => kind is SyntaxKind.LessToken or SyntaxKind.GreaterToken
        or SyntaxKind.GreaterGreaterToken or SyntaxKind.LessLessToken or SyntaxKind.LessLessDashToken
        or SyntaxKind.LessAmpersandToken or SyntaxKind.GreaterAmpersandToken or SyntaxKind.LessGreaterToken or SyntaxKind.GreaterBarToken;

    /// <summary>Parses statements up to <paramref name="closer"/> (the end of input, or the <c>)</c> of <c>$(</c>), keeping stray closing keywords as bad commands.</summary>
    private SyntaxList<StatementSyntax> ParseStatementsUntil(SyntaxKind closer)
        => new(StatementsUntil(closer).ToArray());

    /// <summary>
    /// The statements up to <paramref name="closer"/>, each parsed when it is asked for: a caller that
    /// drops each one once it is done with it (<see cref="ParseSegments"/>) never holds the whole tree.
    /// </summary>
    private IEnumerable<StatementSyntax> StatementsUntil(SyntaxKind closer)
    {
        var stopAtUnexpected = _isBackquoteBody && closer == SyntaxKind.EndOfFileToken;
        while (true)
        {
            while (ParseNextStatement(stopAtUnexpected, out var last) is { } statement)
            {
                yield return statement;
                if (last)
                {
                    break;
                }
            }

            if (_tooDeep || CurrentKind == closer || CurrentKind == SyntaxKind.EndOfFileToken)
            {
                yield break;
            }

            if (_isBackquoteBody)
            {
                // dash parses a backquote body as one list and ignores whatever follows the first
                // token that ends a list (`)`, `;;`, `fi`...), without an error.
                var stray = Current;
                Report(SyntaxDiagnostics.IgnoredAfterTerminator, stray.Start, stray.End, ShortDescription(stray));
                _skipFrom = stray.Start - stray.Element.LeadingTriviaWidth;
                _hasCurrent = false;
                _pos = _text.Length;
                yield break;
            }

            ReportUnexpected(Current, closer == SyntaxKind.CloseParenToken ? "`)`" : null);
            yield return new StatementSyntax(Bad(TakeElement()), null);
        }
    }

    /// <summary>Parses statements until a closing keyword, <c>)</c>, <c>;;</c> or the end of input, which it leaves for the caller.</summary>
    private SyntaxList<StatementSyntax> ParseStatementList()
    {
        var mark = _statements.Mark;
        while (ParseNextStatement(stopAtUnexpected: false, out _) is { } statement)
        {
            _statements.Add(statement);
        }

        return _statements.PopList(mark);
    }

    /// <summary>
    /// Parses the next statement of a list, or returns null at a closing keyword, <c>)</c>, <c>;;</c>
    /// or the end of input, which it leaves for the caller.
    /// </summary>
    /// <param name="stopAtUnexpected">
    /// True for the top level of a backquote body: dash ends that list at the first token that cannot
    /// follow a command, without an error, and ignores the rest.
    /// </param>
    /// <param name="last">Set when the list ends after this statement (see <paramref name="stopAtUnexpected"/>).</param>
    private StatementSyntax? ParseNextStatement(bool stopAtUnexpected, out bool last)
    {
        last = false;
        SkipLinebreaks();
        if (_tooDeep)
        {
            return null;
        }

        var lookahead = Current;
        if (IsListTerminator(lookahead))
        {
            return null;
        }

        if (lookahead.Kind is SyntaxKind.SemicolonToken or SyntaxKind.AmpersandToken or SyntaxKind.AmpersandAmpersandToken
            or SyntaxKind.BarBarToken or SyntaxKind.BarToken)
        {
            ReportUnexpected(lookahead, null);
            return new StatementSyntax(Bad(TakeElement()), null);
        }

        var before = (_pos, _hasCurrent);
        var command = ParseAndOr();
        SyntaxToken? separator = null;
        var next = Current;
        if (next.Kind is SyntaxKind.SemicolonToken or SyntaxKind.AmpersandToken or SyntaxKind.NewLineToken)
        {
            separator = TakeToken();
        }
        else if (stopAtUnexpected)
        {
            last = true;
        }
        else if (!IsListTerminator(next))
        {
            ReportUnexpected(next, "`;` or a line break");
            if (before == (_pos, _hasCurrent) && !_tooDeep)
            {
                // Nothing was consumed: keep the lexeme so the loop moves on.
                command = Bad(TakeElement());
            }
        }

        return new StatementSyntax(command, separator);
    }

    private SyntaxList<StatementSyntax> ParseNonEmptyList(string where)
    {
        var statements = ParseStatementList();
        if (statements.Count == 0 && !_tooDeep && !(CurrentKind == SyntaxKind.EndOfFileToken && _unterminatedAtEnd >= 0))
        {
            ReportUnexpected(Current, $"a command after {where}");
        }

        return statements;
    }

    private CommandSyntax ParseAndOr()
    {
        var first = ParsePipeline();
        if (CurrentKind is not (SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken))
        {
            return first;
        }

        var mark = _chains.Mark;
        _chains.Add(first);
        while (CurrentKind is SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken)
        {
            _chains.Add(TakeToken());
            SkipLinebreaks();
            _chains.Add(ParsePipeline());
        }

        return new AndOrListSyntax(_chains.PopList(mark));
    }

    private CommandSyntax ParsePipeline()
    {
        SyntaxToken? bang = null;
        if (Current.IsPlainWord("!"))
        {
            bang = KeywordFromWord(TakeWord(), SyntaxKind.BangToken);
        }

        var first = ParseCommand();
        if (CurrentKind != SyntaxKind.BarToken && bang is null)
        {
            return first;
        }

        var mark = _chains.Mark;
        _chains.Add(first);
        while (CurrentKind == SyntaxKind.BarToken)
        {
            _chains.Add(TakeToken());
            SkipLinebreaks();
            _chains.Add(ParseCommand());
        }

        return new PipelineSyntax(bang, _chains.PopList(mark));
    }

    private CommandSyntax ParseCommand()
    {
        var lookahead = Current;
        CommandSyntax command;
        if (lookahead.Element is WordSyntax word && IsReservedSpelling(word, out var text) && IsCommandKeyword(text))
        {
            switch (text)
            {
                case "if":
                    command = ParseIf();
                    break;
                case "case":
                    command = ParseCase();
                    break;
                case "for":
                    command = ParseFor();
                    break;
                case "while":
                    command = ParseWhile("while");
                    break;
                case "until":
                    command = ParseWhile("until");
                    break;
                case "{":
                    command = ParseBraceGroup();
                    break;
                default:
                    ReportUnexpected(lookahead, "a command");
                    return Bad();
            }
        }
        else if (lookahead.Kind == SyntaxKind.OpenParenToken)
        {
            command = ParseSubshell();
        }
        else if (lookahead.IsWord || lookahead.Kind == SyntaxKind.IoNumberToken || IsRedirectOperator(lookahead.Kind))
        {
            return ParseSimpleCommand(null);
        }
        else
        {
            ReportUnexpected(lookahead, "a command");
            return Bad();
        }

        if (CurrentKind != SyntaxKind.IoNumberToken && !IsRedirectOperator(CurrentKind))
        {
            return command;
        }

        var redirects = new List<RedirectSyntax>();
        while (CurrentKind == SyntaxKind.IoNumberToken || IsRedirectOperator(CurrentKind))
        {
            redirects.Add(ParseRedirect());
        }

        return new RedirectedCommandSyntax(command, new SyntaxList<RedirectSyntax>(redirects.ToArray()));
    }

    // `in` and a second `!` are reserved words where a command may start, so errors there, though they end no list.
    private static bool IsCommandKeyword(ReadOnlySpan<char> text) => text is "if" or "case" or "for" or "while" or "until" or "{" or "in" or "!"
        || IsListTerminatorSpelling(text);

    private CommandSyntax ParseSimpleCommand(WordSyntax? firstWord)
    {
        var mark = _commandElements.Mark;
        var sawWord = firstWord is not null;
        if (firstWord is not null)
        {
            _commandElements.Add(firstWord);
        }

        while (!_tooDeep)
        {
            var lookahead = Current;
            if (lookahead.IsWord)
            {
                var word = TakeWord();
                if (!sawWord && TrySplitAssignment(word, out var assignment))
                {
                    _commandElements.Add(assignment);
                    continue;
                }

                _commandElements.Add(word);

                if (!sawWord && _commandElements.CountFrom(mark) == 1 && CurrentKind == SyntaxKind.OpenParenToken)
                {
                    _commandElements.DropFrom(mark);
                    return ParseFunctionDefinition(word, lookahead.Start);
                }

                sawWord = true;
            }
            else if (lookahead.Kind == SyntaxKind.IoNumberToken || IsRedirectOperator(lookahead.Kind))
            {
                _commandElements.Add(ParseRedirect());
            }
            else
            {
                break;
            }
        }

        return new SimpleCommandSyntax(_commandElements.PopList(mark));
    }

    private static bool TrySplitAssignment(WordSyntax word, out AssignmentSyntax assignment)
    {
        assignment = null!;
        if (word.PartAt(0) is not LiteralPartSyntax { Token: { Kind: SyntaxKind.LiteralToken } literal })
        {
            return false;
        }

        var text = literal.Chars;
        if (text.Length == 0 || !IsNameStart(text[0]))
        {
            return false;
        }

        var i = 1;
        while (i < text.Length && IsNameChar(text[i]))
        {
            i++;
        }

        // Only `=` makes an assignment: dash reads bash's `NAME+=value` as a command name.
        if (i >= text.Length || text[i] != '=')
        {
            return false;
        }

        var name = literal.Part(SyntaxKind.NameToken, 0, i, literal.LeadingTrivia);
        var equals = literal.Part(SyntaxKind.EqualsToken, i, 1, default);
        var rest = i + 1 < text.Length ? new LiteralPartSyntax(literal.Part(SyntaxKind.LiteralToken, i + 1, text.Length - i - 1, default)) : null;
        var others = word.PartCount - 1;
        var value = (rest, others) switch
        {
            (null, 0) => null,
            (not null, 0) => new WordSyntax(rest),
            (null, 1) => new WordSyntax(word.PartAt(1)),
            _ => new WordSyntax(new SyntaxList<WordPartSyntax>(ValueParts(word, rest, others))),
        };
        assignment = new AssignmentSyntax(name, equals, value);
        return true;
    }

    // The parts of an assignment's value: the rest of the first part after `=`, if any, then the word's other parts.
    private static WordPartSyntax[] ValueParts(WordSyntax word, LiteralPartSyntax? rest, int others)
    {
        var parts = new WordPartSyntax[(rest is null ? 0 : 1) + others];
        if (rest is not null)
        {
            parts[0] = rest;
        }

        for (var k = 0; k < others; k++)
        {
            parts[parts.Length - others + k] = word.PartAt(k + 1);
        }

        return parts;
    }

    private RedirectSyntax ParseRedirect()
    {
        var ioNumber = CurrentKind == SyntaxKind.IoNumberToken ? TakeToken() : null;
        var lookahead = Current;
        SyntaxToken op;
        if (IsRedirectOperator(lookahead.Kind))
        {
            op = TakeToken();
        }
        else
        {
            ReportUnexpected(lookahead, "a redirection operator");
            op = MissingAt(SyntaxKind.GreaterToken);
        }

        _nextWordIsHereDocumentDelimiter = op.Kind is SyntaxKind.LessLessToken or SyntaxKind.LessLessDashToken && !_hasCurrent;
        var target = ExpectWord($"a word after `{op.Text}`");
        _nextWordIsHereDocumentDelimiter = false;
        // A missing delimiter is already an error (bash's `<<<` is one): no body is read for it.
        if (op.Kind is SyntaxKind.LessLessToken or SyntaxKind.LessLessDashToken && target.GetFirstToken() is { IsMissing: false })
        {
            _pendingHereDocuments.Add(new PendingHereDocument(HereDocumentDelimiter(target), op.Kind == SyntaxKind.LessLessDashToken, target.HasQuotes, lookahead.Start));
        }

        return new RedirectSyntax(ioNumber, op, target);
    }

    /// <summary>The delimiter a here-document ends with: the word with its quotes removed, nothing expanded.</summary>
    private static string HereDocumentDelimiter(WordSyntax word)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var token in word.DescendantTokens())
        {
            switch (token.Kind)
            {
                case SyntaxKind.SingleQuoteToken or SyntaxKind.DoubleQuoteToken:
                    break;
                case SyntaxKind.LiteralToken or SyntaxKind.QuotedLiteralToken:
                    builder.Append(new LiteralPartSyntax(token).Value);
                    break;
                default:
                    builder.Append(token.Text);
                    break;
            }
        }

        return builder.ToString();
    }

    private FunctionDefinitionSyntax ParseFunctionDefinition(WordSyntax nameWord, int nameStart)
    {
        if (!IsReservedSpelling(nameWord, out var nameText) || !IsValidName(nameText))
        {
            Report(SyntaxDiagnostics.BadName, nameStart, nameStart + nameWord.ToString().Length, nameWord.ToString(), "function");
        }

        var name = TokenFromWord(nameWord, SyntaxKind.NameToken);
        SyntaxToken? open = null;
        SyntaxToken? close = null;
        if (CurrentKind == SyntaxKind.OpenParenToken)
        {
            open = TakeToken();
            close = Expect(SyntaxKind.CloseParenToken, "`)`");
        }

        SkipLinebreaks();

        // A body may itself be a function definition (`f() g() { :; }`, which dash accepts): it nests, and counts.
        EnterNesting();
        var body = ParseCommand();
        ExitNesting();
        return new FunctionDefinitionSyntax(name, open, close, body);
    }

    private IfCommandSyntax ParseIf()
    {
        var opener = Current;
        var ifKeyword = KeywordFromWord(TakeWord(), SyntaxKind.IfKeyword);
        EnterNesting();
        var condition = ParseNonEmptyList("`if`");
        var then = ExpectKeyword("then", SyntaxKind.ThenKeyword, opener, "`if` statement", "fi");
        var statements = ParseNonEmptyList("`then`");
        var clauses = new List<SyntaxNode>();
        while (Current.IsPlainWord("elif"))
        {
            var elif = KeywordFromWord(TakeWord(), SyntaxKind.ElifKeyword);
            var elifCondition = ParseNonEmptyList("`elif`");
            var elifThen = ExpectKeyword("then", SyntaxKind.ThenKeyword, opener, "`if` statement", "fi");
            clauses.Add(new ElifClauseSyntax(elif, elifCondition, elifThen, ParseNonEmptyList("`then`")));
        }

        if (Current.IsPlainWord("else"))
        {
            var elseKeyword = KeywordFromWord(TakeWord(), SyntaxKind.ElseKeyword);
            clauses.Add(new ElseClauseSyntax(elseKeyword, ParseNonEmptyList("`else`")));
        }

        var fi = ExpectKeyword("fi", SyntaxKind.FiKeyword, opener, "`if` statement", "fi");
        ExitNesting();
        return new IfCommandSyntax(ifKeyword, condition, then, statements, new SyntaxList<SyntaxNode>(clauses.ToArray()), fi);
    }

    private CaseCommandSyntax ParseCase()
    {
        var opener = Current;
        var caseKeyword = KeywordFromWord(TakeWord(), SyntaxKind.CaseKeyword);
        EnterNesting();
        var subject = ExpectWord("a word after `case`");
        SkipLinebreaks();
        var inKeyword = ExpectKeyword("in", SyntaxKind.InKeyword, opener, "`case` statement", "esac");
        var items = new List<CaseItemSyntax>();
        while (!_tooDeep)
        {
            SkipLinebreaks();
            if (Current.IsPlainWord("esac") || CurrentKind == SyntaxKind.EndOfFileToken)
            {
                break;
            }

            var item = ParseCaseItem();
            items.Add(item);
            if (item.Terminator is null)
            {
                break;
            }
        }

        SkipLinebreaks();
        var esac = ExpectKeyword("esac", SyntaxKind.EsacKeyword, opener, "`case` statement", "esac");
        ExitNesting();
        return new CaseCommandSyntax(caseKeyword, subject, inKeyword, new SyntaxList<CaseItemSyntax>(items.ToArray()), esac);
    }

    private CaseItemSyntax ParseCaseItem()
    {
        var open = CurrentKind == SyntaxKind.OpenParenToken ? TakeToken() : null;
        var patterns = new List<SyntaxElement> { TakePattern() };
        while (CurrentKind == SyntaxKind.BarToken)
        {
            patterns.Add(TakeToken());
            patterns.Add(TakePattern());
        }

        var close = Expect(SyntaxKind.CloseParenToken, "`)`");
        var statements = ParseStatementList();
        var terminator = CurrentKind == SyntaxKind.DoubleSemicolonToken ? TakeToken() : null;
        return new CaseItemSyntax(open, new SyntaxList<SyntaxElement>(patterns.ToArray()), close, statements, terminator);
    }

    /// <summary>
    /// A case pattern. dash takes whatever token stands there as a pattern, operators included
    /// (`;|x)` is accepted), so only the end of the input is an error.
    /// </summary>
    private SyntaxElement TakePattern()
        => CurrentKind is SyntaxKind.Word or SyntaxKind.EndOfFileToken or SyntaxKind.NewLineToken ? ExpectWord("a pattern") : TakeElement();

    private ForCommandSyntax ParseFor()
    {
        var opener = Current;
        var forKeyword = KeywordFromWord(TakeWord(), SyntaxKind.ForKeyword);
        EnterNesting();
        SyntaxToken name;
        if (Current.Element is WordSyntax nameWord)
        {
            var nameLexeme = Current;
            TakeWord();
            if (!IsReservedSpelling(nameWord, out var text) || !IsValidName(text))
            {
                Report(SyntaxDiagnostics.BadName, nameLexeme.Start, nameLexeme.End, nameWord.ToString(), "loop variable");
            }

            name = TokenFromWord(nameWord, SyntaxKind.NameToken);
        }
        else
        {
            ReportUnexpected(Current, "a loop variable name");
            name = MissingAt(SyntaxKind.NameToken);
        }

        SkipLinebreaks();
        SyntaxToken? inKeyword = null;
        SyntaxToken? separator = null;
        var words = new List<WordSyntax>();
        if (Current.IsPlainWord("in"))
        {
            inKeyword = KeywordFromWord(TakeWord(), SyntaxKind.InKeyword);
            while (Current.IsWord)
            {
                words.Add(TakeWord());
            }

            if (CurrentKind is SyntaxKind.SemicolonToken or SyntaxKind.NewLineToken)
            {
                separator = TakeToken();
            }
            else
            {
                ReportUnexpected(Current, "`;` or a line break");
            }
        }
        else if (CurrentKind == SyntaxKind.SemicolonToken)
        {
            separator = TakeToken();
        }

        SkipLinebreaks();
        var doKeyword = ExpectKeyword("do", SyntaxKind.DoKeyword, opener, "`for` loop", "done");
        var statements = ParseNonEmptyList("`do`");
        var done = ExpectKeyword("done", SyntaxKind.DoneKeyword, opener, "`for` loop", "done");
        ExitNesting();
        return new ForCommandSyntax(forKeyword, name, inKeyword, new SyntaxList<WordSyntax>(words.ToArray()), separator, doKeyword, statements, done);
    }

    private WhileCommandSyntax ParseWhile(string keywordText)
    {
        var opener = Current;
        var kind = keywordText == "while" ? SyntaxKind.WhileKeyword : SyntaxKind.UntilKeyword;
        var keyword = KeywordFromWord(TakeWord(), kind);
        EnterNesting();
        var condition = ParseNonEmptyList($"`{keywordText}`");
        var doKeyword = ExpectKeyword("do", SyntaxKind.DoKeyword, opener, $"`{keywordText}` loop", "done");
        var statements = ParseNonEmptyList("`do`");
        var done = ExpectKeyword("done", SyntaxKind.DoneKeyword, opener, $"`{keywordText}` loop", "done");
        ExitNesting();
        return new WhileCommandSyntax(kind == SyntaxKind.WhileKeyword ? SyntaxKind.WhileCommand : SyntaxKind.UntilCommand, keyword, condition, doKeyword, statements, done);
    }

    private BraceGroupSyntax ParseBraceGroup()
    {
        var opener = Current;
        var open = KeywordFromWord(TakeWord(), SyntaxKind.OpenBraceToken);
        EnterNesting();
        var statements = ParseNonEmptyList("`{`");
        var close = ExpectKeyword("}", SyntaxKind.CloseBraceToken, opener, "`{` group", "}");
        ExitNesting();
        return new BraceGroupSyntax(open, statements, close);
    }

    private SubshellSyntax ParseSubshell()
    {
        var open = TakeToken();
        EnterNesting();
        var statements = ParseNonEmptyList("`(`");
        var close = Expect(SyntaxKind.CloseParenToken, "`)`");
        ExitNesting();
        return new SubshellSyntax(open, statements, close);
    }

    private SyntaxToken ExpectKeyword(string text, SyntaxKind kind, Lexeme opener, string construct, string closer)
    {
        if (Current.IsPlainWord(text))
        {
            return KeywordFromWord(TakeWord(), kind);
        }

        if (CurrentKind != SyntaxKind.EndOfFileToken)
        {
            ReportUnexpected(Current, $"`{text}`");
        }
        else if (_unterminatedAtEnd != opener.Start)
        {
            Report(SyntaxDiagnostics.UnterminatedConstruct, opener.Start, opener.End, construct, $"`{closer}`");
            _unterminatedAtEnd = opener.Start;
        }

        return MissingAt(kind);
    }

    private SyntaxToken Expect(SyntaxKind kind, string description)
    {
        if (CurrentKind == kind)
        {
            return TakeToken();
        }

        ReportUnexpected(Current, description);
        return MissingAt(kind);
    }

    private SyntaxToken ExpectedButFound(DiagnosticDescriptor descriptor, SyntaxKind kind, int start, int end, params object?[] args)
    {
        Report(descriptor, start, end, args);
        return MissingAt(kind);
    }

    private WordSyntax ExpectWord(string description)
    {
        if (Current.IsWord)
        {
            return TakeWord();
        }

        ReportUnexpected(Current, description);
        return new WordSyntax(new SyntaxList<WordPartSyntax>([new LiteralPartSyntax(MissingAt(SyntaxKind.LiteralToken))]));
    }

    /// <summary>
    /// A token the parser expected and did not find. At the end of the input it takes over the end's
    /// trivia, so that nothing is lost when the end-of-file lexeme was already read inside a word.
    /// </summary>
    private SyntaxToken MissingAt(SyntaxKind kind)
    {
        if (!_tooDeep && CurrentKind == SyntaxKind.EndOfFileToken)
        {
            var endOfFile = TakeToken();
            return new SyntaxToken(kind, string.Empty, endOfFile.LeadingTrivia, default, isMissing: true);
        }

        return MissingToken(kind);
    }

    private SyntaxElement TakeElement()
    {
        var element = Current.Element;
        _hasCurrent = false;
        return element;
    }

    private static BadCommandSyntax Bad(params SyntaxElement[] elements) => new(new SyntaxList<SyntaxElement>(elements));

    private void ReportUnexpected(Lexeme lexeme, string? expected)
        => Report(SyntaxDiagnostics.UnexpectedToken, lexeme.Start, lexeme.Kind == SyntaxKind.NewLineToken ? lexeme.Start + 1 : lexeme.End, ShortDescription(lexeme), expected is null ? string.Empty : ", expected " + expected);

    private static string ShortDescription(Lexeme lexeme) => lexeme.Kind switch
    {
        SyntaxKind.EndOfFileToken => "end of file",
        SyntaxKind.NewLineToken => "line break",
        SyntaxKind.Word => $"`{Shorten(lexeme.Element.ToString())}`",
        _ => $"`{lexeme.Element}`",
    };

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..27] + "...";

    private static SyntaxToken KeywordFromWord(WordSyntax word, SyntaxKind kind)
    {
        var token = word.GetFirstToken()!;
        return token.WithKind(kind, token.LeadingTrivia);
    }

    private static SyntaxToken TokenFromWord(WordSyntax word, SyntaxKind kind)
    {
        var first = word.GetFirstToken()!;
        return new SyntaxToken(kind, word.ToFullString()[first.LeadingTriviaWidth..], first.LeadingTrivia, default);
    }
}
