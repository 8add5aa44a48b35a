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
        var diagnostics = parser._diagnostics
            .OrderBy(d => d.Start)
            .Select(d => d.ToDiagnostic(path, source))
            .ToImmutableArray();
        return new SyntaxTree(source, path, root, diagnostics);
    }

    /// <summary>
    /// Parses a whole script as <see cref="Parse"/> does, handing out its top-level statements in
    /// segments as they are parsed, each with the diagnostics inside it. A segment ends after a
    /// statement when no here-document waits for its body: a body belongs to the statement whose line
    /// it follows, and an unterminated one is reported at its operator, which may lie in an earlier
    /// statement of the same line. Every diagnostic reported later starts at or after the segment's
    /// end, so the segments' diagnostics, one after the other, are the whole parse's.
    /// </summary>
    public static IEnumerable<ScriptSegment> ParseSegments(SourceText source, string? path)
    {
        var parser = new Parser(source.Text, 0);
        parser.ReportEncodingWarnings();
        var position = 0;
        var statements = new List<StatementSyntax>();
        var width = 0;
        foreach (var statement in parser.StatementsUntil(SyntaxKind.EndOfFileToken))
        {
            statements.Add(statement);
            width += statement.FullWidth;
            if (parser._pendingHereDocuments.Count == 0)
            {
                yield return parser.Segment(source, path, position, statements, null, position + width);
                position += width;
                width = 0;
                statements.Clear();
            }
        }

        var (stopped, endOfFile) = parser.ParseEndOfScript();
        if (stopped is not null)
        {
            statements.Add(stopped);
        }

        yield return parser.Segment(source, path, position, statements, endOfFile, int.MaxValue);
    }

    // The statements as a segment, with the diagnostics reported so far that start before `end`.
    private ScriptSegment Segment(SourceText source, string? path, int position, List<StatementSyntax> statements, SyntaxToken? endOfFile, int end)
    {
        var inside = _diagnostics.Count > 0 ? TakeDiagnosticsBefore(source, path, end) : ImmutableArray<Diagnostic>.Empty;
        return new ScriptSegment(position, SyntaxList<StatementSyntax>.Create(CollectionsMarshal.AsSpan(statements)), endOfFile, inside);
    }

    // Apart from Segment, whose every call would otherwise allocate the lambdas' closure.
    private ImmutableArray<Diagnostic> TakeDiagnosticsBefore(SourceText source, string? path, int end)
    {
        ImmutableArray<Diagnostic> inside = [.. _diagnostics.Where(d => d.Start < end).OrderBy(d => d.Start).Select(d => d.ToDiagnostic(path, source))];
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

        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            Report(SyntaxDiagnostics.ByteOrderMark, 0, 1);
        }

        var nul = _text.IndexOf('\0');
        if (nul >= 0)
        {
            Report(SyntaxDiagnostics.NulByte, nul, nul + 1);
        }

        var cr = _text.IndexOf("\r\n", StringComparison.Ordinal);
        if (cr >= 0)
        {
            Report(SyntaxDiagnostics.CarriageReturn, cr, cr + 1);
        }
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
        public Diagnostic ToDiagnostic(string? path, SourceText source)
            => Diagnostic.Create(Descriptor, Location.Create(path, source, TextSpan.FromBounds(Start, End)), Args);

    }

    /// <summary>A token or a word, with where its own text (trivia excluded) starts and ends.</summary>
    private readonly record struct Lexeme(SyntaxElement Element, SyntaxKind Kind, int Start, int End)
    {
        public bool IsWord => Kind == SyntaxKind.Word;

        public bool IsPlainWord(string text) => Element is WordSyntax word && IsReservedSpelling(word, out var t) && t.SequenceEqual(text);
    }

    private sealed record PendingHereDocument(string Delimiter, bool StripTabs, bool Quoted, int OperatorStart);
}
