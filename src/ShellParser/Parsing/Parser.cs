using System.Collections.Immutable;
using System.Runtime.InteropServices;
using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// A recursive-descent parser for the POSIX shell, driven one lexeme at a time. Lexing depends on where
/// the parser is (words are lexed with their quotes and substitutions, and <c>$(...)</c> parses a
/// whole command list from inside a word), so lexer and parser share this class, split by concern
/// over partial files. It never throws on bad input: it reports, inserts a missing token, and goes on.
/// </summary>
internal sealed partial class Parser
{
    /// <summary>How deep compound commands, quotes and substitutions may nest before the parser gives up.</summary>
    internal const int MaxNestingDepth = 100;

    private readonly string _text;
    private readonly List<RawDiagnostic> _diagnostics = [];
    private readonly List<SyntaxTrivia> _pendingTrivia = [];
    private readonly List<PendingHereDocument> _pendingHereDocuments = [];
    private int _pos;
    private int _depth;
    private bool _tooDeep;

    // Where the construct starts that was last reported unterminated at the end of the file: its other
    // keywords are missing there too (an `if` without `then` has no `fi`), and saying so again, or that
    // the list after the missing keyword is empty, would repeat one error (dash reports it once).
    private int _unterminatedAtEnd = -1;
    private int _skipFrom = -1;
    private readonly bool _isBackquoteBody;
    private Lexeme _current;
    private bool _hasCurrent;

    private readonly ParseBuffers _buffers;

    /// <summary>The parts, statements, commands and words of the lists being built, outermost first (see <see cref="ScratchStack{T}"/>).</summary>
    private readonly ScratchStack<WordPartSyntax> _parts;
    private readonly ScratchStack<StatementSyntax> _statements;
    private readonly ScratchStack<SyntaxElement> _chains;
    private readonly ScratchStack<SyntaxNode> _commandElements;

    private Parser(string text, int depth, ParseBuffers? buffers = null, bool isBackquoteBody = false)
    {
        _text = text;
        _depth = depth;
        _isBackquoteBody = isBackquoteBody;
        _buffers = buffers ?? new ParseBuffers();
        _parts = _buffers.Parts;
        _statements = _buffers.Statements;
        _chains = _buffers.Chains;
        _commandElements = _buffers.CommandElements;
    }

    /// <summary>Parses a whole script.</summary>
    public static SyntaxTree Parse(SourceText source, string? path)
    {
        var parser = new Parser(source.Text, 0);
        var root = parser.ParseScript();
        var placement = TextPlacement.Whole(path, source);
        var diagnostics = parser._diagnostics
            .OrderBy(d => d.Start)
            .Select(d => d.ToDiagnostic(placement))
            .ToImmutableArray();
        return new SyntaxTree(source, path, root, diagnostics);
    }

    /// <summary>
    /// Parses a whole script as <see cref="Parse"/> does, handing out its top-level statements in
    /// segments as they are parsed (see <see cref="Segments"/>).
    /// </summary>
    public static IEnumerable<ScriptSegment> ParseSegments(SourceText source, string? path)
    {
        var parser = new Parser(source.Text, 0);
        parser.ReportEncodingWarnings();
        return parser.Segments(TextPlacement.Whole(path, source), isWindow: false);
    }

    /// <summary>A parser of one window of a longer script (see <see cref="WindowedParse"/>), sharing the tables of the parses before it.</summary>
    internal static Parser ForWindow(string window, ParseBuffers buffers) => new(window, 0, buffers);

    /// <summary>True when the parse stopped because compound commands nested too deep: everything after is kept verbatim, to the script's end.</summary>
    internal bool StoppedTooDeep => _tooDeep;

    /// <summary>Reports one of the script's <see cref="EncodingWarnings"/> that falls in this parser's text.</summary>
    internal void ReportEncodingWarning(DiagnosticDescriptor descriptor, int position) => Report(descriptor, position, position + 1);

    /// <summary>Where the last segment this parser handed out ended, as a window's parser must start from it (null before the first).</summary>
    internal Boundary? LastBoundary { get; private set; }

    /// <summary>
    /// What a parser carries from one top-level segment to the next, its positions counted from the
    /// segment's end: the cursor, the lexeme under it and the trivia before that lexeme, which it may
    /// have read already, and the diagnostics reported past the segment's end, such as a statement's
    /// complaint about the lexeme after it. Between two segments no here-document, word or nesting is
    /// under way, so the parser's other state is at rest. The encoding warnings are left out: each
    /// window's parser is told those in its window. Taken at every segment, because which segment is
    /// a window's last is known only after it; most carry neither trivia nor diagnostics, and then
    /// taking one allocates nothing.
    /// </summary>
    internal readonly struct Boundary
    {
        private readonly int _position;
        private readonly Lexeme? _current;
        private readonly ImmutableArray<SyntaxTrivia> _pendingTrivia;
        private readonly ImmutableArray<RawDiagnostic> _diagnostics;

        private Boundary(Parser parser, int end)
        {
            _position = parser._pos - end;
            _current = parser._hasCurrent ? parser._current with { Start = parser._current.Start - end, End = parser._current.End - end } : null;
            _pendingTrivia = parser._pendingTrivia.Count == 0 ? [] : [.. parser._pendingTrivia];
            _diagnostics = parser._diagnostics.Count == 0 ? [] : Carried(parser._diagnostics, end);
        }

        public static Boundary Of(Parser parser, int end) => new(parser, end);

        /// <summary>
        /// True when the parser carries nothing past the segment: its cursor is at the segment's end, with no lexeme,
        /// trivia or diagnostic read past it. A new parser started there parses the rest as this one would.
        /// </summary>
        public bool IsAtRest => _position == 0 && _current is null && _pendingTrivia.IsEmpty && _diagnostics.IsEmpty;

        /// <summary>Has <paramref name="parser"/>, at the start of its text, take up the parse where this boundary left it.</summary>
        public void ResumeIn(Parser parser)
        {
            parser._pos = _position;
            (parser._current, parser._hasCurrent) = _current is { } current ? (current, true) : (default, false);
            parser._pendingTrivia.AddRange(_pendingTrivia);
            parser._diagnostics.AddRange(_diagnostics);
        }

        private static ImmutableArray<RawDiagnostic> Carried(List<RawDiagnostic> diagnostics, int end)
        {
            var carried = ImmutableArray.CreateBuilder<RawDiagnostic>(diagnostics.Count);
            foreach (var diagnostic in diagnostics)
            {
                if (!EncodingWarnings.Includes(diagnostic.Descriptor))
                {
                    carried.Add(diagnostic with { Start = diagnostic.Start - end, End = diagnostic.End - end });
                }
            }

            return carried.DrainToImmutable();
        }
    }

    /// <summary>
    /// The top-level statements of the text, in segments as they are parsed, each with the diagnostics
    /// inside it. A segment ends after a statement when no here-document waits for its body: a body
    /// belongs to the statement whose line it follows, and an unterminated one is reported at its
    /// operator, which may lie in an earlier statement of the same line. Every diagnostic reported
    /// later starts at or after the segment's end, so the segments' diagnostics, one after the other,
    /// are the whole parse's. When the text is a window of a longer script, a segment is handed out
    /// only when nothing past the window could have changed it (<see cref="IsSettled"/>), and the
    /// parse stops at the first that is not, and at the window's end, for the caller to parse the rest
    /// again with more of the script.
    /// </summary>
    internal IEnumerable<ScriptSegment> Segments(TextPlacement placement, bool isWindow)
    {
        var position = 0;
        var statements = new List<StatementSyntax>();
        var width = 0;
        foreach (var statement in StatementsUntil(SyntaxKind.EndOfFileToken))
        {
            statements.Add(statement);
            width += statement.FullWidth;
            if (_pendingHereDocuments.Count == 0)
            {
                if (isWindow && !IsSettled())
                {
                    yield break;
                }

                var segment = Segment(placement, position, statements, null, position + width);
                if (isWindow)
                {
                    LastBoundary = Boundary.Of(this, position + width);
                }

                yield return segment;
                position += width;
                width = 0;
                statements.Clear();
            }
        }

        if (isWindow)
        {
            yield break;
        }

        var (stopped, endOfFile) = ParseEndOfScript();
        if (stopped is not null)
        {
            statements.Add(stopped);
        }

        yield return Segment(placement, position, statements, endOfFile, int.MaxValue);
    }

    /// <summary>
    /// True when what was parsed so far is what the whole script makes of it: the parse never ran into the
    /// window's end. The parser reads past its cursor only by scans that move the cursor to where they
    /// stop, by looking two characters ahead of it (<see cref="Peek"/>, line continuations skipped), and by
    /// looking into the line after a line break it reached (<see cref="IsDelimiterLineAfter"/>). So when
    /// the cursor and four characters after it lie before the window's last character, which is a line
    /// break that ends no line continuation, every character the parser looked at is the script's, and
    /// every line it looked into was whole. A parse that nested too deep keeps the rest of the script
    /// verbatim, which a window cannot hold.
    /// </summary>
    private bool IsSettled()
    {
        var p = _pos;
        for (var i = 0; i < 4 && p < _text.Length; i++)
        {
            p = Logical(p) + 1;
        }

        return !_tooDeep && p < _text.Length - 1;
    }

    // The statements as a segment, with the diagnostics reported so far that start before `end`.
    private ScriptSegment Segment(TextPlacement placement, int position, List<StatementSyntax> statements, SyntaxToken? endOfFile, int end)
    {
        var inside = _diagnostics.Count > 0 ? TakeDiagnosticsBefore(placement, end) : ImmutableArray<Diagnostic>.Empty;
        return new ScriptSegment(placement.Offset + position, SyntaxList<StatementSyntax>.Create(CollectionsMarshal.AsSpan(statements)), endOfFile, inside);
    }

    // Apart from Segment, whose every call would otherwise allocate the lambdas' closure.
    private ImmutableArray<Diagnostic> TakeDiagnosticsBefore(TextPlacement placement, int end)
    {
        ImmutableArray<Diagnostic> inside = [.. _diagnostics.Where(d => d.Start < end).OrderBy(d => d.Start).Select(d => d.ToDiagnostic(placement))];
        _diagnostics.RemoveAll(d => d.Start < end);
        return inside;
    }

    /// <summary>Parses text nested in another script (a backquote substitution) and returns its tree and raw diagnostics.</summary>
    private (ScriptSyntax Root, List<RawDiagnostic> Diagnostics) ParseNested(string text)
    {
        var parser = new Parser(text, _depth, _buffers, isBackquoteBody: true);
        var root = parser.ParseScript();
        return (root, parser._diagnostics);
    }

    private ScriptSyntax ParseScript()
    {
        ReportEncodingWarnings();
        var statements = StatementsUntil(SyntaxKind.EndOfFileToken).ToList();
        var (stopped, endOfFile) = ParseEndOfScript();
        if (stopped is not null)
        {
            statements.Add(stopped);
        }

        return new ScriptSyntax(new SyntaxList<StatementSyntax>(statements.ToArray()), endOfFile);
    }

    /// <summary>
    /// After the last statement: the end of the input, and when parsing stopped early (nesting too
    /// deep, or the ignored rest of a backquote body), the lexeme it stopped at as a bad statement.
    /// </summary>
    private (StatementSyntax? Stopped, SyntaxToken EndOfFile) ParseEndOfScript()
    {
        if (!_tooDeep && _skipFrom < 0)
        {
            return (null, TakeToken());
        }

        StatementSyntax? stopped = null;
        if (_hasCurrent && !(_current.Element is SyntaxToken { IsMissing: true }))
        {
            // The lexeme under the cursor was read before parsing stopped and belongs to no node
            // yet. Everything built after it holds only missing tokens, so it goes last.
            stopped = new StatementSyntax(Bad(_current.Element), null);
            _hasCurrent = false;
        }

        // Everything after the point where parsing stopped is kept verbatim.
        var trivia = new List<SyntaxTrivia>(_pendingTrivia);
        _pendingTrivia.Clear();
        var from = _skipFrom >= 0 ? _skipFrom : _pos;
        if (from < _text.Length)
        {
            trivia.Add(new SyntaxTrivia(SyntaxKind.SkippedTextTrivia, _text[from..]));
            _pos = _text.Length;
        }

        return (stopped, new SyntaxToken(SyntaxKind.EndOfFileToken, string.Empty, trivia.ToImmutableArray(), default));
    }

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, shared with every equal short text of this parse.</summary>
    private string Slice(int start, int end)
    {
        var span = _text.AsSpan(start, end - start);
        if (span.IsEmpty)
        {
            return string.Empty;
        }

        if (span.Length > ParseBuffers.MaxSharedTextLength)
        {
            return span.ToString();
        }

        if (!_buffers.SharedTexts.TryGetValue(span, out var shared))
        {
            shared = span.ToString();
            _buffers.SharedTexts.Add(shared);
        }

        return shared;
    }

    private void ReportEncodingWarnings()
    {
        if (_depth > 0)
        {
            return;
        }

        var warnings = new EncodingWarnings();
        warnings.Find(_text);
        warnings.ReportTo(this, 0, _text.Length);
    }

    private void Report(DiagnosticDescriptor descriptor, int start, int end, params object?[] args)
    {
        if (_tooDeep && descriptor != SyntaxDiagnostics.NestingTooDeep)
        {
            return;
        }

        _diagnostics.Add(new RawDiagnostic(descriptor, start, Math.Max(start, end), args));
    }

    private bool EnterNesting()
    {
        _depth++;
        if (_depth <= MaxNestingDepth)
        {
            return true;
        }

        if (!_tooDeep)
        {
            Report(SyntaxDiagnostics.NestingTooDeep, _pos, _pos, MaxNestingDepth);
            _tooDeep = true;
        }

        return false;
    }

    private void ExitNesting() => _depth--;

    /// <summary>A diagnostic before its location is resolved to lines and columns.</summary>
    private readonly record struct RawDiagnostic(DiagnosticDescriptor Descriptor, int Start, int End, object?[] Args)
    {
        public Diagnostic ToDiagnostic(TextPlacement placement) => Diagnostic.Create(Descriptor, placement.Locate(Start, End), Args);

    }

    /// <summary>A token or a word, with where its own text (trivia excluded) starts and ends.</summary>
    private readonly record struct Lexeme(SyntaxElement Element, SyntaxKind Kind, int Start, int End)
    {
        public bool IsWord => Kind == SyntaxKind.Word;

        public bool IsPlainWord(string text) => Element is WordSyntax word && IsReservedSpelling(word, out var t) && t.SequenceEqual(text);
    }

    private sealed record PendingHereDocument(string Delimiter, bool StripTabs, bool Quoted, int OperatorStart);
}
