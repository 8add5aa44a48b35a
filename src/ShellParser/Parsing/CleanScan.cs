namespace ConfigConvert.ShellParser;

/// <summary>
/// A scan that proves top-level statements free of diagnostics without building a tree for them, for a caller that
/// wants only the diagnostics (<see cref="WindowedParse.Diagnostics"/>, as <c>dash -n</c> does). It follows the
/// <see cref="Parser"/>'s grammar decision for decision, but only on the paths where the parser reports nothing: at
/// anything the parser would report, and at anything rarer that the scan does not follow (here-documents waiting
/// across a substitution, bash's parameter operators, delimiters that are not plain names, nesting past half the parser's
/// limit, NUL bytes, carriage returns, a byte order mark), it stops and says so, and the parser takes over from the
/// last statement it proved. So it never claims a statement clean that the parser would report on; it may leave some
/// clean statements to the parser. <c>CleanScanTests</c> compare it with the parser over every script the tests read
/// and thousands of mutations of them.
/// </summary>
internal ref partial struct CleanScan
{
    /// <summary>What a scan of a window found.</summary>
    internal enum Verdict
    {
        /// <summary>The whole text, which ends where the script does, is free of diagnostics.</summary>
        Clean,

        /// <summary>The statements before the consumed end are clean; the next one runs past the window: scan it again with more of the script.</summary>
        NeedMore,

        /// <summary>The statements before the consumed end are clean; the next one is for the parser.</summary>
        Unsure,
    }

    private enum Outcome
    {
        Statement,
        None,
        Failed,
    }

    /// <summary>Half the parser's limit: the scan stops long before anything could nest too deep for the parser.</summary>
    private const int DepthLimit = Parser.MaxNestingDepth / 2;

    private readonly ReadOnlySpan<char> _text;
    private readonly bool _isWhole;
    private int _pos;
    private int _depth;

    // Set whenever the scan looks at the end of its text: in a window, what lies past it could change the statement.
    private bool _sawEnd;
    private bool _failed;

    // The lexer's state (CleanScan.Words.cs): all instance fields are declared here, in one part.
    private Token _current;
    private bool _hasCurrent;
    private bool _nextWordIsDelimiter;
    private bool _inHereDocumentBody;
    private PendingHereDocument[]? _pending;
    private int _pendingCount;

    private CleanScan(ReadOnlySpan<char> text, bool isWhole, int depth)
    {
        _text = text;
        _isWhole = isWhole;
        _depth = depth;
    }

    /// <summary>
    /// Scans the top-level statements of <paramref name="text"/>, a window that starts where a statement may start and
    /// ends with a line break that ends no line continuation, or the rest of the script when <paramref name="isWhole"/>.
    /// Returns how the scan ended and how many characters, from the start, hold statements it proved clean (all of
    /// them when <see cref="Verdict.Clean"/>). The statements end there with nothing pending: no here-document waits
    /// for its body, and the next lexeme is not read, so a parser started there parses what follows as the whole
    /// script's parse does.
    /// </summary>
    public static (Verdict Verdict, int Consumed) Scan(ReadOnlySpan<char> text, bool isWhole)
    {
        var unscannable = text.IndexOfAny(Unscannable);
        if (unscannable < 0)
        {
            return new CleanScan(text, isWhole, 0).TopLevel();
        }

        // The statements before the first such character are scanned; the one that holds it is the parser's.
        var (verdict, consumed) = new CleanScan(text[..unscannable], isWhole: false, 0).TopLevel();
        return (verdict == Verdict.NeedMore ? Verdict.Unsure : verdict, consumed);
    }

    /// <summary>The characters whose warnings (CC1102-CC1104) the parser gives: a byte order mark, a NUL, a carriage return.</summary>
    private static readonly System.Buffers.SearchValues<char> Unscannable = System.Buffers.SearchValues.Create("\0\r\uFEFF");

    private (Verdict, int) TopLevel()
    {
        var boundary = 0;
        while (true)
        {
            _sawEnd = false;
            var outcome = NextStatement(topLevel: true);
            var settled = _isWhole || !_sawEnd;
            if (!settled)
            {
                return (Verdict.NeedMore, boundary);
            }

            if (outcome == Outcome.Failed || _failed)
            {
                return (Verdict.Unsure, boundary);
            }

            if (outcome == Outcome.None)
            {
                return Current.Kind == Kind.EndOfInput ? (Verdict.Clean, _text.Length) : (Verdict.Unsure, boundary);
            }

            if (!_hasCurrent && _pendingCount == 0)
            {
                boundary = _pos;
            }
        }
    }

    /// <summary>True when the text, a backquote body, is one list of statements free of diagnostics.</summary>
    private static bool IsCleanBackquoteBody(ReadOnlySpan<char> body, int depth)
    {
        var (verdict, _) = new CleanScan(body, isWhole: true, depth).TopLevel();
        return verdict == Verdict.Clean;
    }

    private bool Fail()
    {
        _failed = true;
        return false;
    }

    private bool Enter()
    {
        _depth++;
        return _depth <= DepthLimit || Fail();
    }

    private void Exit() => _depth--;

    /// <summary>
    /// The next statement of a list (<c>Parser.ParseNextStatement</c>). At the top level of the script or of a
    /// backquote body, only a separator or the end of the text may follow a command; in a nested list, a token
    /// that ends the list may too, for the construct around it to check.
    /// </summary>
    private Outcome NextStatement(bool topLevel)
    {
        if (!SkipLinebreaks())
        {
            return Outcome.Failed;
        }

        var lookahead = Current;
        if (IsListTerminator(lookahead))
        {
            return _failed ? Outcome.Failed : Outcome.None;
        }

        if (lookahead.Kind is Kind.Semicolon or Kind.Ampersand or Kind.AmpersandAmpersand or Kind.BarBar or Kind.Bar or Kind.Failed
            || !AndOr())
        {
            return Outcome.Failed;
        }

        var next = Current;
        if (next.Kind is Kind.Semicolon or Kind.Ampersand or Kind.NewLine)
        {
            Take();
            return _failed ? Outcome.Failed : Outcome.Statement;
        }

        var ends = IsListTerminator(next) && (!topLevel || next.Kind == Kind.EndOfInput);
        return ends && !_failed ? Outcome.Statement : Outcome.Failed;
    }

    /// <summary>The statements of a list up to what ends it, which is left for the caller; -1 when the scan failed.</summary>
    private int StatementList()
    {
        var count = 0;
        while (true)
        {
            switch (NextStatement(topLevel: false))
            {
                case Outcome.Statement:
                    count++;
                    break;
                case Outcome.None:
                    return count;
                default:
                    return -1;
            }
        }
    }

    // An empty list where one is required is an error (`if then`).
    private bool NonEmptyList() => StatementList() > 0 || Fail();

    private bool SkipLinebreaks()
    {
        while (Current.Kind == Kind.NewLine)
        {
            Take();
        }

        return !_failed;
    }

    private bool IsListTerminator(Token token) => token.Kind switch
    {
        Kind.EndOfInput or Kind.CloseParen or Kind.DoubleSemicolon => true,
        Kind.Word => KeywordOf(token) is Keyword.Then or Keyword.Else or Keyword.Elif or Keyword.Fi or Keyword.Do or Keyword.Done
            or Keyword.Esac or Keyword.CloseBrace,
        _ => false,
    };

    private bool AndOr()
    {
        if (!Pipeline())
        {
            return false;
        }

        while (Current.Kind is Kind.AmpersandAmpersand or Kind.BarBar)
        {
            Take();
            if (!SkipLinebreaks() || !Pipeline())
            {
                return false;
            }
        }

        return !_failed;
    }

    private bool Pipeline()
    {
        if (Current.Kind == Kind.Word && KeywordOf(Current) == Keyword.Bang)
        {
            Take();
        }

        if (!Command())
        {
            return false;
        }

        while (Current.Kind == Kind.Bar)
        {
            Take();
            if (!SkipLinebreaks() || !Command())
            {
                return false;
            }
        }

        return !_failed;
    }

    private bool Command()
    {
        var lookahead = Current;
        bool parsed;
        switch (lookahead.Kind)
        {
            case Kind.Word:
                var keyword = KeywordOf(lookahead);
                if (keyword is Keyword.NotPlain or Keyword.Plain)
                {
                    return SimpleCommand();
                }

                parsed = keyword switch
                {
                    Keyword.If => If(),
                    Keyword.Case => Case(),
                    Keyword.For => For(),
                    Keyword.While or Keyword.Until => While(),
                    Keyword.OpenBrace => BraceGroup(),
                    _ => Fail(),
                };
                break;
            case Kind.OpenParen:
                parsed = Subshell();
                break;
            case Kind.IoNumber or Kind.Redirect or Kind.HereDocument:
                return SimpleCommand();
            default:
                return Fail();
        }

        while (parsed && Current.Kind is Kind.IoNumber or Kind.Redirect or Kind.HereDocument)
        {
            parsed = Redirect();
        }

        return parsed && !_failed;
    }

    private bool SimpleCommand()
    {
        var elements = 0;
        var sawWord = false;
        while (!_failed)
        {
            var lookahead = Current;
            if (lookahead.Kind == Kind.Word)
            {
                Take();
                elements++;
                if (!sawWord && lookahead.IsAssignment)
                {
                    continue;
                }

                if (!sawWord && elements == 1 && Current.Kind == Kind.OpenParen)
                {
                    return FunctionDefinition(lookahead);
                }

                sawWord = true;
            }
            else if (lookahead.Kind is Kind.IoNumber or Kind.Redirect or Kind.HereDocument)
            {
                elements++;
                if (!Redirect())
                {
                    return false;
                }
            }
            else
            {
                break;
            }
        }

        return !_failed;
    }

    private bool FunctionDefinition(Token name)
    {
        if (!IsValidName(name))
        {
            return Fail();
        }

        Take();
        if (Current.Kind != Kind.CloseParen)
        {
            return Fail();
        }

        Take();
        return SkipLinebreaks() && Enter() && Command() && Exited();
    }

    /// <summary>True when the word is a valid name as the parser checks one: a reserved spelling (unquoted, unescaped) of name characters.</summary>
    private bool IsValidName(Token word) => KeywordOf(word) is not Keyword.NotPlain && !_failed && ShellChars.IsValidName(_text[word.Start..word.End]);

    private bool Redirect()
    {
        if (Current.Kind == Kind.IoNumber)
        {
            Take();
        }

        var op = Current;
        if (op.Kind is not (Kind.Redirect or Kind.HereDocument))
        {
            return Fail();
        }

        Take();
        _nextWordIsDelimiter = op.Kind == Kind.HereDocument;
        var target = Current;
        _nextWordIsDelimiter = false;
        if (target.Kind != Kind.Word)
        {
            return Fail();
        }

        Take();
        return op.Kind != Kind.HereDocument || QueueHereDocument(target, op.StripTabs);
    }

    private bool If()
    {
        Take();
        if (!Enter() || !NonEmptyList() || !Expect(Keyword.Then) || !NonEmptyList())
        {
            return false;
        }

        while (Current.Kind == Kind.Word && KeywordOf(Current) == Keyword.Elif)
        {
            Take();
            if (!NonEmptyList() || !Expect(Keyword.Then) || !NonEmptyList())
            {
                return false;
            }
        }

        if (Current.Kind == Kind.Word && KeywordOf(Current) == Keyword.Else)
        {
            Take();
            if (!NonEmptyList())
            {
                return false;
            }
        }

        return Expect(Keyword.Fi) && Exited();
    }

    private bool Case()
    {
        Take();
        if (!Enter() || Current.Kind != Kind.Word)
        {
            return Fail();
        }

        Take();
        if (!SkipLinebreaks() || !Expect(Keyword.In))
        {
            return false;
        }

        while (!_failed)
        {
            SkipLinebreaks();
            if (Current.Kind == Kind.EndOfInput || (Current.Kind == Kind.Word && KeywordOf(Current) == Keyword.Esac))
            {
                break;
            }

            if (!CaseItem(out var terminated))
            {
                return false;
            }

            if (!terminated)
            {
                break;
            }
        }

        return SkipLinebreaks() && Expect(Keyword.Esac) && Exited();
    }

    private bool CaseItem(out bool terminated)
    {
        terminated = false;
        if (Current.Kind == Kind.OpenParen)
        {
            Take();
        }

        // The parser takes any token as a pattern (dash does); the scan follows only words.
        if (!Pattern())
        {
            return false;
        }

        while (Current.Kind == Kind.Bar)
        {
            Take();
            if (!Pattern())
            {
                return false;
            }
        }

        if (Current.Kind != Kind.CloseParen)
        {
            return Fail();
        }

        Take();
        if (StatementList() < 0)
        {
            return false;
        }

        if (Current.Kind == Kind.DoubleSemicolon)
        {
            Take();
            terminated = true;
        }

        return !_failed;
    }

    private bool Pattern()
    {
        if (Current.Kind != Kind.Word)
        {
            return Fail();
        }

        Take();
        return true;
    }

    private bool For()
    {
        Take();
        if (!Enter() || Current.Kind != Kind.Word || !IsValidName(Current))
        {
            return Fail();
        }

        Take();
        if (!SkipLinebreaks())
        {
            return false;
        }

        if (Current.Kind == Kind.Word && KeywordOf(Current) == Keyword.In)
        {
            Take();
            while (Current.Kind == Kind.Word)
            {
                Take();
            }

            if (Current.Kind is not (Kind.Semicolon or Kind.NewLine))
            {
                return Fail();
            }

            Take();
        }
        else if (Current.Kind == Kind.Semicolon)
        {
            Take();
        }

        return SkipLinebreaks() && Expect(Keyword.Do) && NonEmptyList() && Expect(Keyword.Done) && Exited();
    }

    private bool While()
    {
        Take();
        return Enter() && NonEmptyList() && Expect(Keyword.Do) && NonEmptyList() && Expect(Keyword.Done) && Exited();
    }

    private bool BraceGroup()
    {
        Take();
        return Enter() && NonEmptyList() && Expect(Keyword.CloseBrace) && Exited();
    }

    private bool Subshell()
    {
        Take();
        if (!Enter() || !NonEmptyList() || Current.Kind != Kind.CloseParen)
        {
            return Fail();
        }

        Take();
        return Exited();
    }

    private bool Expect(Keyword keyword)
    {
        if (Current.Kind == Kind.Word && KeywordOf(Current) == keyword)
        {
            Take();
            return !_failed;
        }

        return Fail();
    }

    private bool Exited()
    {
        Exit();
        return !_failed;
    }
}
