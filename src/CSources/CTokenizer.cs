using System.Buffers;
using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using ConfigConvert.Text;

namespace ConfigConvert.CSources;

/// <summary>The tokens of a C text and, apart, its comments.</summary>
internal readonly record struct CTokenList(ImmutableArray<CToken> Tokens, ImmutableArray<CToken> Comments);

/// <summary>
/// Splits C source, as nginx modules write it, into tokens: identifiers, numbers, string and character
/// literals, punctuators, and whole preprocessor lines. Comments are kept apart so that code reading the
/// tokens never sees them. This is not a preprocessor: macros are not expanded and every branch of an
/// <c>#if</c> is tokenized, because an index must see the code whatever the build configuration is.
/// </summary>
/// <remarks>
/// Any input is accepted (binary garbage, NULs, unterminated comments and literals) and every step
/// consumes at least one character, so tokenizing never throws and is linear in the length of the text.
/// Backslash-newline is removed before tokenization by a C compiler, so it may split any token; here it
/// is skipped wherever it occurs and the tokens containing one are flagged.
/// </remarks>
internal sealed class CTokenizer
{
    private const int EndOfInput = -1;

    /// <summary>For each ASCII character, 1 when it continues an identifier (letters, digits, <c>_</c>, <c>$</c>).</summary>
    private static ReadOnlySpan<byte> AsciiIdentifierPart =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];

    private readonly string _text;
    private readonly int _end;
    private readonly bool _recognizeDirectives;
    private readonly bool _rawStrings;
    private readonly bool _digitSeparators;
    private readonly TokenBuffer? _tokens;
    private readonly TokenBuffer? _comments;
    private bool _anyUnterminated;
    private int _pos;
    private bool _atLineStart = true;
    private int _backslashSearchedFrom = int.MaxValue;
    private int _nextBackslash;

    private CTokenizer(string text, int start, int end, bool recognizeDirectives, bool keepComments, bool rawStrings = false, bool digitSeparators = false, bool keepTokens = true)
    {
        _text = text;
        _pos = start;
        _end = end;
        _recognizeDirectives = recognizeDirectives;
        _rawStrings = rawStrings;
        _digitSeparators = digitSeparators;

        // Real C averages a token every four to six characters; starting near that avoids most regrowth.
        _tokens = keepTokens ? new TokenBuffer(Math.Max(16, (end - start) / 5)) : null;
        _comments = keepComments && keepTokens ? new TokenBuffer(16) : null;
    }

    /// <summary>
    /// Tokenizes a whole file: directives are recognized and comments collected. Raw string literals
    /// (<c>R"x(...)x"</c>, which hold quotes and line breaks) are read as gcc reads them in C++ and in the GNU C that
    /// nginx is compiled as (configure gives no <c>-std</c>), not as ISO C's name <c>R</c> and a string. <paramref name="cpp"/>
    /// adds C++'s digit separators (<c>1'000'000</c>), which in gcc's C are a number and a character constant.
    /// </summary>
    public static CTokenList Tokenize(string text, bool cpp = false)
    {
        var tokenizer = new CTokenizer(text, 0, text.Length, recognizeDirectives: true, keepComments: true, rawStrings: true, digitSeparators: cpp);
        tokenizer.Run();
        return new CTokenList(tokenizer._tokens!.Finish(kept: true), tokenizer._comments!.Finish(kept: true));
    }

    /// <summary>
    /// True when <see cref="Tokenize"/> would flag a token or a comment of <paramref name="text"/> as
    /// <see cref="CTokenFlags.Unterminated"/>: the same scan, keeping no token, so that a file no rule
    /// reads costs no token array to learn it has no open literal.
    /// </summary>
    public static bool HasUnterminated(string text, bool cpp = false)
    {
        var tokenizer = new CTokenizer(text, 0, text.Length, recognizeDirectives: true, keepComments: true, rawStrings: true, digitSeparators: cpp, keepTokens: false);
        tokenizer.Run();
        return tokenizer._anyUnterminated;
    }

    /// <summary>
    /// Tokenizes part of a text without recognizing directives and without collecting comments: used for
    /// the body of a directive, whose <c>#</c> tokens are operators rather than new directives.
    /// </summary>
    public static ImmutableArray<CToken> TokenizeRange(string text, TextSpan span)
    {
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        var tokenizer = new CTokenizer(text, start, end, recognizeDirectives: false, keepComments: false);
        tokenizer.Run();
        return tokenizer._tokens!.Finish(kept: false);
    }

    /// <summary>The token's text as the compiler sees it: backslash-newlines removed.</summary>
    public static string GetText(string text, CToken token)
    {
        if (!token.HasLineContinuation)
        {
            return text.Substring(token.Start, token.Length);
        }

        var builder = new StringBuilder(token.Length);
        var end = token.End;
        for (var i = token.Start; i < end; i++)
        {
            var length = ContinuationLength(text, i, end);
            if (length > 0)
            {
                i += length - 1;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    /// <summary>True when the token's text (as the compiler sees it) is <paramref name="value"/>; allocates only for tokens with continuations.</summary>
    public static bool TextEquals(string text, CToken token, string value)
        => token.HasLineContinuation
            ? GetText(text, token) == value
            : token.Length == value.Length && text.AsSpan(token.Start, token.Length).SequenceEqual(value);

    /// <summary>Length of the backslash-newline (or backslash-CR-LF) at <paramref name="position"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ContinuationLength(string text, int position, int end) => ContinuationLength(text.AsSpan(), position, end);

    /// <summary>
    /// <see cref="ContinuationLength(string, int, int)"/> of characters or of the bytes of a file not yet decoded: the
    /// lexical rules here read only ASCII, which UTF-8 and Latin-1 bytes hold as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int ContinuationLength<T>(ReadOnlySpan<T> text, int position, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (position >= end || Code(text[position]) != '\\')
        {
            return 0;
        }

        if (position + 1 < end && Code(text[position + 1]) == '\n')
        {
            return 2;
        }

        return position + 2 < end && Code(text[position + 1]) == '\r' && Code(text[position + 2]) == '\n' ? 3 : 0;
    }

    /// <summary>A character's or a byte's code, to compare with ASCII characters.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Code<T>(T unit)
        where T : unmanaged, IBinaryInteger<T>
        => int.CreateTruncating(unit);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsIdentifierStart(int c)
        => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or '$' || (c >= 0x80 && c != '\uFEFF');

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsIdentifierPart(int c) => (uint)c < 128 ? AsciiIdentifierPart[c] != 0 : c >= 0x80 && c != '\uFEFF';

    private static bool IsDigit(int c) => c is >= '0' and <= '9';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SkipContinuations(int position) => SkipContinuations(_text, position, _end);

    /// <summary>The first position at or after <paramref name="position"/> that starts no backslash-newline.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SkipContinuations(string text, int position, int end) => SkipContinuations(text.AsSpan(), position, end);

    /// <summary><see cref="SkipContinuations(string, int, int)"/> of characters or of bytes (see <see cref="ContinuationLength{T}"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SkipContinuations<T>(ReadOnlySpan<T> text, int position, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        // Nearly every character is no backslash: settled without a call.
        if (position >= end || Code(text[position]) != '\\')
        {
            return position;
        }

        while (true)
        {
            var length = ContinuationLength(text, position, end);
            if (length == 0)
            {
                return position;
            }

            position += length;
        }
    }

    /// <summary>The next character the compiler sees, or <see cref="EndOfInput"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Peek()
    {
        var p = SkipContinuations(_pos);
        return p < _end ? _text[p] : EndOfInput;
    }

    /// <summary>The character after the next one, continuations skipped.</summary>
    private int PeekSecond()
    {
        var p = SkipContinuations(_pos);
        if (p >= _end)
        {
            return EndOfInput;
        }

        p = SkipContinuations(p + 1);
        return p < _end ? _text[p] : EndOfInput;
    }

    private int PeekThird()
    {
        var p = SkipContinuations(_pos);
        for (var i = 0; i < 2; i++)
        {
            if (p >= _end)
            {
                return EndOfInput;
            }

            p = SkipContinuations(p + 1);
        }

        return p < _end ? _text[p] : EndOfInput;
    }

    /// <summary>Consumes the next character; callers have checked it is not the end of the input.</summary>
    private void Advance() => _pos = SkipContinuations(_pos) + 1;

    private void Advance(int count)
    {
        // Nearly always no backslash is near: the characters are consecutive.
        if (_pos + count <= NextBackslash(_pos))
        {
            _pos += count;
            return;
        }

        for (var i = 0; i < count; i++)
        {
            Advance();
        }
    }

    private void Run()
    {
        while (true)
        {
            var c = SkipTrivia();
            if (c == EndOfInput)
            {
                return;
            }

            var start = _pos;
            if (c == '#' && _atLineStart && _recognizeDirectives)
            {
                ScanDirective(start);
                _atLineStart = false;
                continue;
            }

            _atLineStart = false;
            var kind = ScanToken(c, out var unterminated);
            Add(_tokens, kind, start, _pos, unterminated);
        }
    }

    /// <summary>Adds a token to <paramref name="list"/>; where nothing is kept (null), only whether it was left open counts.</summary>
    private void Add(TokenBuffer? list, CTokenKind kind, int start, int end, bool unterminated)
    {
        if (list is null)
        {
            _anyUnterminated |= unterminated;
            return;
        }

        var flags = unterminated ? CTokenFlags.Unterminated : CTokenFlags.None;
        if (ContainsContinuation(start, end))
        {
            flags |= CTokenFlags.HasLineContinuation;
        }

        list.Add(new CToken(kind, flags, start, end - start));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ContainsContinuation(int start, int end)
        => NextBackslash(start) < end && ContainsContinuationFrom(start, end);

    private bool ContainsContinuationFrom(int start, int end)
    {
        var i = start;
        while (true)
        {
            var backslash = NextBackslash(i);
            if (backslash >= end)
            {
                return false;
            }

            if (ContinuationLength(_text, backslash, end) > 0)
            {
                return true;
            }

            i = backslash + 1;
        }
    }

    /// <summary>
    /// The first backslash at or after <paramref name="from"/> (<see cref="int.MaxValue"/> when none): the last
    /// search is reused while it still answers, so that most tokens, which hold none, cost no search of their own.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextBackslash(int from)
    {
        // The last answer holds for any later start up to it: nothing between its start and it is a backslash.
        // A directive's span starts before the comments inside it, which are added first; it searches again.
        if (from < _backslashSearchedFrom || _nextBackslash < from)
        {
            var found = from < _end ? _text.IndexOf('\\', from, _end - from) : -1;
            _nextBackslash = found < 0 ? int.MaxValue : found;
            _backslashSearchedFrom = from;
        }

        return _nextBackslash;
    }

    /// <summary>Skips whitespace and comments; returns the next character with <see cref="_pos"/> on it.</summary>
    private int SkipTrivia()
    {
        var text = _text;
        var end = _end;
        var pos = _pos;
        while (true)
        {
            // Blanks and line breaks, the most common characters of C, in a plain loop.
            while (pos < end)
            {
                var blank = text[pos];
                if (blank is ' ' or '\t')
                {
                    pos++;
                }
                else if (blank == '\n')
                {
                    _atLineStart = true;
                    pos++;
                }
                else
                {
                    break;
                }
            }

            _pos = pos = SkipContinuations(pos);
            if (pos >= end)
            {
                return EndOfInput;
            }

            var c = text[pos];
            switch (c)
            {
                case '\n':
                    continue;
                case ' ' or '\t' or '\r' or '\v' or '\f' or '\uFEFF':
                    pos++;
                    continue;
                case '/':
                    var next = PeekSecond();
                    if (next == '*')
                    {
                        ScanBlockComment();
                        pos = _pos;
                        continue;
                    }

                    if (next == '/')
                    {
                        ScanLineComment();
                        pos = _pos;
                        continue;
                    }

                    return c;
                default:
                    return c;
            }
        }
    }

    private void ScanBlockComment()
    {
        var start = _pos;
        Advance(2);
        var end = EndOfBlockComment(_text, _pos, _end);
        _pos = end < 0 ? _end : end;
        Add(_comments, CTokenKind.Comment, start, _pos, unterminated: end < 0);
    }

    /// <summary>
    /// The position after the <c>*/</c> that closes a block comment whose body starts at <paramref name="body"/> (a
    /// backslash-newline may part the two characters), or -1 when the text ends first.
    /// </summary>
    internal static int EndOfBlockComment(string text, int body, int end) => EndOfBlockComment(text.AsSpan(), body, end);

    /// <summary><see cref="EndOfBlockComment(string, int, int)"/> of characters or of bytes (see <see cref="ContinuationLength{T}"/>).</summary>
    internal static int EndOfBlockComment<T>(ReadOnlySpan<T> text, int body, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        var p = body;
        while (true)
        {
            var star = p < end ? text[p..end].IndexOf(T.CreateTruncating('*')) : -1;
            if (star < 0)
            {
                return -1;
            }

            star += p;
            var after = SkipContinuations(text, star + 1, end);
            if (after < end && Code(text[after]) == '/')
            {
                return after + 1;
            }

            p = star + 1;
        }
    }

    /// <summary>Scans a <c>//</c> comment up to (not including) the line break that ends it.</summary>
    private void ScanLineComment()
    {
        var start = _pos;
        _pos = EndOfLineComment(_text, start, _end);
        var end = _pos;
        if (end > start && _text[end - 1] == '\r')
        {
            end--;
        }

        Add(_comments, CTokenKind.Comment, start, end, unterminated: false);
    }

    /// <summary>
    /// The line break that ends the <c>//</c> comment starting at <paramref name="start"/>, or <paramref name="end"/>:
    /// a backslash before a line break continues the comment onto the next line.
    /// </summary>
    internal static int EndOfLineComment(string text, int start, int end) => EndOfLineComment(text.AsSpan(), start, end);

    /// <summary><see cref="EndOfLineComment(string, int, int)"/> of characters or of bytes (see <see cref="ContinuationLength{T}"/>).</summary>
    internal static int EndOfLineComment<T>(ReadOnlySpan<T> text, int start, int end)
        where T : unmanaged, IBinaryInteger<T>
    {
        var p = start + 2;
        while (true)
        {
            var newline = p < end ? text[p..end].IndexOf(T.CreateTruncating('\n')) : -1;
            if (newline < 0)
            {
                return end;
            }

            newline += p;
            var before = newline - 1;
            if (before > start && Code(text[before]) == '\r')
            {
                before--;
            }

            if (before > start && Code(text[before]) == '\\')
            {
                p = newline + 1;
                continue;
            }

            return newline;
        }
    }

    /// <summary>
    /// Scans a preprocessor line. Comments inside it go to the comment list; a block comment may carry the
    /// line past a line break, and literals are scanned so that <c>"//"</c> in a <c>#define</c> is no comment.
    /// </summary>
    private void ScanDirective(int start)
    {
        Advance();
        var end = _pos;
        while (true)
        {
            var c = Peek();
            if (c is EndOfInput or '\n')
            {
                break;
            }

            if (c == '/')
            {
                var next = PeekSecond();
                if (next == '*')
                {
                    ScanBlockComment();
                    continue;
                }

                if (next == '/')
                {
                    ScanLineComment();
                    break;
                }
            }

            if (c is '"' or '\'')
            {
                ScanQuoted((char)c);
                end = _pos;
                continue;
            }

            Advance();
            if (c is not (' ' or '\t' or '\r' or '\v' or '\f'))
            {
                end = _pos;
            }
        }

        // The span stops at the last character that is not a blank or a comment, so that trailing
        // `/* NGX_FOO */` remarks and CRs stay out of the directive's text.
        Add(_tokens, CTokenKind.Directive, start, end, unterminated: false);
    }

    private CTokenKind ScanToken(int c, out bool unterminated)
    {
        unterminated = false;
        if (IsIdentifierStart(c))
        {
            var start = _pos;
            ScanIdentifierTail();

            var next = Peek();
            if (_rawStrings && _pos < _end && _text[_pos] == '"' && IsRawStringPrefix(start, _pos))
            {
                unterminated = !ScanRawString();
                return CTokenKind.StringLiteral;
            }

            if (next is '"' or '\'' && IsLiteralPrefix(start, _pos))
            {
                unterminated = !ScanQuoted((char)next);
                return next == '"' ? CTokenKind.StringLiteral : CTokenKind.CharLiteral;
            }

            return CTokenKind.Identifier;
        }

        if (IsDigit(c) || (c == '.' && IsDigit(PeekSecond())))
        {
            ScanNumber();
            return CTokenKind.Number;
        }

        if (c is '"' or '\'')
        {
            unterminated = !ScanQuoted((char)c);
            return c == '"' ? CTokenKind.StringLiteral : CTokenKind.CharLiteral;
        }

        var length = PunctuatorLength(c);
        if (length > 0)
        {
            Advance(length);
            return CTokenKind.Punctuator;
        }

        Advance();
        return CTokenKind.Unknown;
    }

    /// <summary>
    /// Consumes the identifier whose first character <see cref="_pos"/> is on: a plain loop over the
    /// characters, leaving the slower continuation-aware peeking to the rare identifier a backslash-newline splits.
    /// </summary>
    private void ScanIdentifierTail()
    {
        var text = _text;
        var end = _end;
        var p = _pos + 1;
        while (true)
        {
            while (p < end && IsIdentifierPart(text[p]))
            {
                p++;
            }

            var resumed = SkipContinuations(p);
            if (resumed == p || resumed >= end || !IsIdentifierPart(text[resumed]))
            {
                _pos = p;
                return;
            }

            p = resumed;
        }
    }

    private bool IsLiteralPrefix(int start, int end)
    {
        var span = _text.AsSpan(start, end - start);
        return span is "L" or "u" or "U" or "u8";
    }

    private bool IsRawStringPrefix(int start, int end)
    {
        var span = _text.AsSpan(start, end - start);
        return span is "R" or "LR" or "uR" or "UR" or "u8R";
    }

    /// <summary>
    /// Scans a C++ raw string from its opening quote, <c>"delimiter( ... )delimiter"</c>: no escapes, and no line
    /// splicing, so the text is searched as it is. False when the input ends first. A delimiter the compiler rejects
    /// (over 16 characters, or holding a blank, a backslash or a parenthesis) is read as an ordinary string.
    /// </summary>
    private bool ScanRawString()
    {
        var open = _pos;
        var paren = _text.IndexOf('(', open + 1, Math.Min(MaxRawDelimiter + 1, _end - open - 1));
        var delimiter = paren < 0 ? default : _text.AsSpan(open + 1, paren - open - 1);
        if (paren < 0 || delimiter.ContainsAny(RawDelimiterExcluded))
        {
            return ScanQuoted('"');
        }

        var closing = string.Concat(")", delimiter, "\"");
        var close = _text.IndexOf(closing, paren + 1, _end - paren - 1, StringComparison.Ordinal);
        _pos = close < 0 ? _end : close + closing.Length;
        return close >= 0;
    }

    /// <summary>The longest delimiter of a raw string the C++ standard allows.</summary>
    private const int MaxRawDelimiter = 16;

    private static readonly System.Buffers.SearchValues<char> RawDelimiterExcluded = System.Buffers.SearchValues.Create(" ()\\\t\v\f\r\n\"");

    /// <summary>A preprocessing number: digits, letters, dots, and signs after an exponent letter.</summary>
    private void ScanNumber()
    {
        var previous = Peek();
        Advance();
        while (true)
        {
            var c = Peek();
            if (IsIdentifierPart(c) || c == '.')
            {
                Advance();
            }
            else if (c is '+' or '-' && previous is 'e' or 'E' or 'p' or 'P')
            {
                Advance();
            }
            else if (c == '\'' && _digitSeparators && IsIdentifierPart(PeekSecond()))
            {
                Advance();
            }
            else
            {
                return;
            }

            previous = c;
        }
    }

    /// <summary>Scans a quoted literal from its opening quote; false when the line or input ends first.</summary>
    private bool ScanQuoted(char quote)
    {
        Advance();
        while (true)
        {
            var c = Peek();
            if (c is EndOfInput or '\n')
            {
                return false;
            }

            Advance();
            if (c == quote)
            {
                return true;
            }

            if (c == '\\' && Peek() is not (EndOfInput or '\n'))
            {
                Advance();
            }
        }
    }

    private int PunctuatorLength(int c)
    {
        switch (c)
        {
            case '(' or ')' or '[' or ']' or '{' or '}' or ';' or ',' or '~' or '?' or ':':
                return 1;
            case '.':
                return PeekSecond() == '.' && PeekThird() == '.' ? 3 : 1;
            case '<' or '>':
                var second = PeekSecond();
                if (second == c)
                {
                    return PeekThird() == '=' ? 3 : 2;
                }

                return second == '=' ? 2 : 1;
            case '-':
                return PeekSecond() is '-' or '=' or '>' ? 2 : 1;
            case '+' or '&' or '|':
                var next = PeekSecond();
                return next == c || next == '=' ? 2 : 1;
            case '#':
                return PeekSecond() == '#' ? 2 : 1;
            case '*' or '/' or '%' or '^' or '=' or '!':
                return PeekSecond() == '=' ? 2 : 1;
            default:
                return 0;
        }
    }

    /// <summary>
    /// Tokens gathered in a rented array, copied once into an array of their exact number when the text
    /// is done: a large file's estimate is neither allocated and cleared for every file nor copied twice.
    /// </summary>
    private sealed class TokenBuffer(int capacity)
    {
        /// <summary>How many tokens a file's array holds from which it is allocated where the collector does not move it: some 4 KB.</summary>
        private const int PinnedFromTokens = 256;

        private CToken[] _items = ArrayPool<CToken>.Shared.Rent(capacity);
        private int _count;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(CToken token)
        {
            var items = _items;
            var count = _count;
            if ((uint)count < (uint)items.Length)
            {
                items[count] = token;
                _count = count + 1;
                return;
            }

            Grow();
            _items[_count++] = token;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void Grow()
        {
            var larger = ArrayPool<CToken>.Shared.Rent(_items.Length * 2);
            _items.AsSpan(0, _count).CopyTo(larger);
            ArrayPool<CToken>.Shared.Return(_items);
            _items = larger;
        }

        /// <summary>
        /// The tokens added; the rented array goes back to the pool. A file's tokens, <paramref name="kept"/> as long as its
        /// bytes, are allocated where a file's bytes are and for the same reason (see <c>BoundedFile</c>): where the
        /// collector never moves them, unless there are few. A directive's, short-lived, are left to the young generation.
        /// </summary>
        public ImmutableArray<CToken> Finish(bool kept)
        {
            // Every element is written at once, so the array need not be cleared first (a token holds no reference).
            var tokens = GC.AllocateUninitializedArray<CToken>(_count, pinned: kept && _count >= PinnedFromTokens);
            _items.AsSpan(0, _count).CopyTo(tokens);
            ArrayPool<CToken>.Shared.Return(_items);
            _items = [];
            _count = 0;
            return ImmutableCollectionsMarshal.AsImmutableArray(tokens);
        }
    }
}
