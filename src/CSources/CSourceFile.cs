using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.CSources;

/// <summary>
/// One C file of a module: its text and, made when first read, its tokens (comments apart) and the
/// preprocessor condition every token sits under. Analyzers that look for code blocking dynamic loading
/// read this.
/// </summary>
/// <remarks>
/// Most files of a module hold nothing any rule looks for, and a check reads them only to learn that: the
/// questions that settle it from the text (<see cref="MayHaveIdentifierContaining"/>,
/// <see cref="MayHaveUnterminated"/>) cost a search, where the tokens cost an array of a token for every
/// few characters that the collector then carries. So the tokens are made only when a reader asks for them, and
/// the text is decoded only when a reader asks for it: those questions read the bytes of the file as it was read
/// (what they look for is ASCII, which UTF-8 and Latin-1 hold as it is), so most files of a check are never
/// decoded, and cost the collector a byte a character rather than two.
/// </remarks>
internal sealed class CSourceFile
{
    private readonly Lexing _lexing;

    private CSourceFile(string path, Lexing lexing)
    {
        Path = path;
        _lexing = lexing;
    }

    /// <summary>The path relative to the module directory, with <c>/</c> separators.</summary>
    public string Path { get; }

    /// <summary>The decoded text, decoded when first read.</summary>
    public SourceText Text => _lexing.Text;

    /// <summary>The tokens, directives included as one token each, comments excluded.</summary>
    public ImmutableArray<CToken> Tokens => _lexing.Result.Tokens;

    /// <summary>The comments, in order.</summary>
    public ImmutableArray<CToken> Comments => _lexing.Result.Comments;

    /// <summary>A file of <paramref name="text"/>, tokenized when its tokens are first read.</summary>
    public static CSourceFile Create(string path, SourceText text)
        => new(path, new Lexing(new FileContent(System.Text.Encoding.UTF8.GetBytes(text.Text)), text, SourceFileNames.IsCpp(path)));

    /// <summary>A file of <paramref name="bytes"/> as read, decoded (<see cref="SourceText.From(ReadOnlySpan{byte})"/>) when its text is first read.</summary>
    public static CSourceFile Create(string path, byte[] bytes) => Create(path, new FileContent(bytes));

    /// <summary>A file of <paramref name="content"/> as read; one read into a <see cref="FileArena"/> is readable until the arena is released.</summary>
    public static CSourceFile Create(string path, FileContent content) => new(path, new Lexing(content, null, SourceFileNames.IsCpp(path)));

    /// <summary>The same file, tokenized once, under another path (a caller that locates by full path shares the index's tokens).</summary>
    public CSourceFile WithPath(string path) => path == Path ? this : new CSourceFile(path, _lexing);

    /// <summary>The bytes as read (or, for a file made from a text, its text in UTF-8).</summary>
    public ReadOnlySpan<byte> Bytes => _lexing.Bytes;

    /// <summary>True when the file holds a NUL character anywhere.</summary>
    public bool ContainsNul => _lexing.Bytes.Contains((byte)0);

    /// <summary>True when the text holds <paramref name="sought"/> (anywhere: in code, comments or literals).</summary>
    public bool Contains(string sought) => Contains(sought.AsSpan());

    /// <summary>
    /// False when no string or character literal and no block comment of the file lacks its closing
    /// delimiter (<see cref="CToken.IsUnterminated"/> holds of no token and no comment). Asked before the
    /// tokens exist, a scan of the quotes and slashes (<see cref="UnterminatedScan"/>) settles most texts, and
    /// the tokenizer runs over the rest without keeping a token.
    /// </summary>
    public bool MayHaveUnterminated => _lexing.MayHaveUnterminated;

    /// <summary>The token's text as the compiler sees it.</summary>
    public string GetText(CToken token) => CTokenizer.GetText(Text.Text, token);

    /// <summary>True when the token's text is <paramref name="value"/>.</summary>
    public bool TextEquals(CToken token, string value) => CTokenizer.TextEquals(Text.Text, token, value);

    /// <summary>True when token <paramref name="index"/> is the identifier <paramref name="name"/>.</summary>
    public bool IsIdentifier(int index, string name)
        => (uint)index < (uint)Tokens.Length && Tokens[index].Kind == CTokenKind.Identifier && TextEquals(Tokens[index], name);

    /// <summary>True when token <paramref name="index"/> is the one-character punctuator <paramref name="c"/>.</summary>
    public bool IsPunctuator(int index, char c) => (uint)index < (uint)Tokens.Length && Tokens[index].IsPunctuator(Text.Text, c);

    /// <summary>Takes apart a directive token.</summary>
    public CDirective GetDirective(CToken directive) => CDirective.Parse(Text.Text, directive);

    /// <summary>The 1-based line and column of a position.</summary>
    public LinePosition GetLinePosition(int position) => Text.GetLinePosition(position);

    /// <summary>A diagnostic location in this file.</summary>
    public Location GetLocation(TextSpan span) => Location.Create(Path, Text, span);

    /// <summary>
    /// The innermost conditional branch token <paramref name="tokenIndex"/> is in, or null when it is
    /// compiled unconditionally. A conditional directive itself is in the scope around its group.
    /// </summary>
    public CConditionScope? GetConditionScope(int tokenIndex)
    {
        var changes = ConditionChanges.AsSpan();
        int low = 0, high = changes.Length - 1, found = -1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            if (changes[middle].TokenIndex <= tokenIndex)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return found < 0 ? null : changes[found].Scope;
    }

    /// <summary>
    /// Where the scope changes, in token order: from each change's token on, until the next change, every
    /// token is in its scope (<see cref="GetConditionScope"/> of them); tokens before the first are in none.
    /// A reader walking every token in order follows these instead of searching once per token.
    /// </summary>
    public ImmutableArray<ConditionChange> ConditionChanges => _lexing.Result.ConditionChanges;

    /// <summary>The text of the conditions token <paramref name="tokenIndex"/> is compiled under, or null.</summary>
    public string? GetCondition(int tokenIndex) => GetConditionScope(tokenIndex)?.Text;

    /// <summary>
    /// Whether some backslash-newline may lie inside an identifier, which a search of the text cannot follow (see
    /// <see cref="MayHaveIdentifierContaining"/>).
    /// </summary>
    public bool MaySplitIdentifier => _lexing.MaySplitIdentifier;

    /// <summary>
    /// False when no identifier of the file can hold any of <paramref name="texts"/>: the raw text holds none of them,
    /// and no identifier is split by a backslash-newline (which the raw text would not show). A rule that starts from
    /// names passes over most files so, rather than reading every identifier.
    /// </summary>
    public bool MayHaveIdentifierContaining(params ReadOnlySpan<string> texts)
    {
        foreach (var part in texts)
        {
            // Searched without its trailing underscores: the search stops wherever the text has the first and the last
            // character of what it seeks that far apart, and `_`, the commonest character of C identifiers, made the
            // search for `ndk_` stop at every `ngx_` (three times as long). Finding more can only say "may" more often.
            var sought = part.AsSpan().TrimEnd('_');
            if (Contains(sought.IsEmpty ? part : sought))
            {
                return true;
            }
        }

        return _lexing.MaySplitIdentifier;
    }

    /// <summary>
    /// False when no identifier of the file can start with any of <paramref name="prefixes"/> (ASCII): the raw text holds
    /// none of them where no identifier character comes before it, and no identifier is split by a backslash-newline.
    /// Sharper than <see cref="MayHaveIdentifierContaining"/> for a prefix that longer names hold: lua-nginx-module's
    /// files name <c>ngx_http_lua_ndk_...</c> and include <c>ndk.h</c>, and few of them call an <c>ndk_</c> function. A
    /// byte past ASCII before the prefix counts as no identifier character (it may be a byte order mark, which the
    /// tokenizer skips), so that the answer there is "may".
    /// </summary>
    public bool MayHaveIdentifierStartingWith(params ReadOnlySpan<string> prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (StartsSomeIdentifier(_lexing.Bytes, prefix))
            {
                return true;
            }
        }

        return _lexing.MaySplitIdentifier;
    }

    private static bool StartsSomeIdentifier(ReadOnlySpan<byte> bytes, string prefix)
    {
        Span<byte> whole = stackalloc byte[prefix.Length];
        System.Text.Ascii.FromUtf16(prefix, whole, out _);

        // Sought without its trailing underscores, as in MayHaveIdentifierContaining, then matched whole.
        var sought = whole.TrimEnd((byte)'_');
        for (var at = bytes.IndexOf(sought); at >= 0; at = AsciiScan.NextIndexOf(bytes, sought, at))
        {
            if ((at == 0 || !AsciiScan.IsIdentifierPart(bytes[at - 1])) && bytes[at..].StartsWith(whole))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// False when no identifier of the file can be <paramref name="name"/> (ASCII) followed by <c>=</c>, blanks
    /// apart: the raw text holds it nowhere with no identifier character on either side and then an <c>=</c> that is
    /// not <c>==</c>, and no identifier is split by a backslash-newline. Where the text has what this search does not
    /// read (a comment, a backslash, a byte past ASCII such as a byte order mark, which the tokenizer takes for a
    /// blank) the answer is "may". A rule that starts from an assignment to a name passes over the files that only
    /// read it, or name something longer that holds it (<c>ngx_http_lua_ssl_ctx_index</c>).
    /// </summary>
    public bool MayAssignIdentifier(string name)
    {
        var bytes = _lexing.Bytes;
        Span<byte> sought = stackalloc byte[name.Length];
        System.Text.Ascii.FromUtf16(name, sought, out _);
        for (var at = bytes.IndexOf(sought); at >= 0; at = AsciiScan.NextIndexOf(bytes, sought, at))
        {
            if (!AsciiScan.IsWholeIdentifier(bytes, at, at + sought.Length))
            {
                continue;
            }

            var end = AsciiScan.SkipBlanks(bytes, at + sought.Length);
            if (end < bytes.Length && ((bytes[end] == '=' && (end + 1 == bytes.Length || bytes[end + 1] != '=')) || bytes[end] is (byte)'/' or (byte)'\\' or (byte)'?' or >= 0x80))
            {
                return true;
            }
        }

        return _lexing.MaySplitIdentifier;
    }

    /// <summary>
    /// Searches the bytes for ASCII (the same as searching the text: UTF-8 and Latin-1 hold ASCII as it is, and no byte
    /// of a UTF-8 sequence is ASCII); anything else, rare, in the decoded text.
    /// </summary>
    private bool Contains(ReadOnlySpan<char> sought)
    {
        const int longestOnTheStack = 256;
        if (sought.Length > longestOnTheStack || !System.Text.Ascii.IsValid(sought))
        {
            return Text.Text.AsSpan().Contains(sought, StringComparison.Ordinal);
        }

        Span<byte> ascii = stackalloc byte[sought.Length];
        System.Text.Ascii.FromUtf16(sought, ascii, out _);
        return _lexing.Bytes.IndexOf(ascii) >= 0;
    }

    /// <summary>
    /// Every use of the identifier <paramref name="name"/>: in code, and in directive bodies (a macro that
    /// expands to <c>ngx_modules</c> uses it as much as code does). Comments and literals do not count.
    /// </summary>
    public IEnumerable<CIdentifierReference> FindReferences(string name)
    {
        var text = Text.Text;
        for (var i = 0; i < Tokens.Length; i++)
        {
            var token = Tokens[i];
            if (token.Kind == CTokenKind.Identifier)
            {
                if (TextEquals(token, name))
                {
                    yield return CreateReference(i, token, inDirective: false);
                }
            }
            else if (token.Kind == CTokenKind.Directive
                && (token.HasLineContinuation || text.AsSpan(token.Start, token.Length).Contains(name, StringComparison.Ordinal)))
            {
                foreach (var inner in CTokenizer.TokenizeRange(text, TextSpan.FromBounds(token.Start + 1, token.End)))
                {
                    if (inner.Kind == CTokenKind.Identifier && TextEquals(inner, name))
                    {
                        yield return CreateReference(i, inner, inDirective: true);
                    }
                }
            }
        }
    }

    private CIdentifierReference CreateReference(int tokenIndex, CToken token, bool inDirective)
        => new(Path, token.Span, Text.GetLinePosition(token.Start), inDirective, GetCondition(tokenIndex));

    /// <summary>
    /// One pass over the directives: every conditional directive changes the scope from the token after
    /// it. Unbalanced <c>#else</c>/<c>#endif</c> lines are ignored, as an index must survive broken files.
    /// </summary>
    private static ImmutableArray<ConditionChange> MapConditions(string text, ImmutableArray<CToken> tokens)
    {
        var changes = ImmutableArray.CreateBuilder<ConditionChange>();
        CConditionScope? scope = null;
        var guard = HasIncludeGuard(text, tokens);
        for (var i = guard ? 1 : 0; i < (guard ? tokens.Length - 1 : tokens.Length); i++)
        {
            if (tokens[i].Kind != CTokenKind.Directive)
            {
                continue;
            }

            var name = CDirective.GetName(text, tokens[i]);
            CConditionScope? next;
            switch (name)
            {
                case "if" or "ifdef" or "ifndef":
                    next = CConditionScope.If(scope, ConditionOf(text, tokens[i], name));
                    break;
                case "elif" or "elifdef" or "elifndef" when scope is not null:
                    next = scope.NextBranch(ConditionOf(text, tokens[i], name));
                    break;
                case "else" when scope is not null:
                    next = scope.NextBranch(null);
                    break;
                case "endif" when scope is not null:
                    next = scope.Parent;
                    break;
                default:
                    continue;
            }

            scope = next;
            changes.Add(new ConditionChange(i + 1, scope));
        }

        return changes.DrainToImmutable();
    }

    /// <summary>
    /// True when this text, a part of a file from its start, may be where the file's include guard opens: it opens
    /// as one does (<c>#ifndef X</c>, <c>#define X</c>), and the group of its first line neither closes before its last
    /// token nor has an <c>#else</c>. Whether the file has a guard then depends on the file's last line, which decides
    /// whether that condition is left out of the conditions of the code.
    /// </summary>
    internal bool MayOpenIncludeGuard()
    {
        var text = Text.Text;
        var tokens = Tokens;
        return OpensLikeIncludeGuard(text, tokens) && FirstGroupEnd(text, tokens) is var end && end != NotAGuard && (end < 0 || end == tokens.Length - 1);
    }

    private static bool OpensLikeIncludeGuard(string text, ImmutableArray<CToken> tokens)
    {
        if (tokens.Length < 2 || tokens[0].Kind != CTokenKind.Directive || tokens[1].Kind != CTokenKind.Directive)
        {
            return false;
        }

        var opening = CDirective.Parse(text, tokens[0]);
        var guardName = opening.Name switch
        {
            "ifndef" when opening.Body.Length == 1 => CTokenizer.GetText(text, opening.Body[0]),
            "if" => NegatedDefinedName(text, opening.Body.AsSpan()),
            _ => null,
        };
        var define = CDirective.Parse(text, tokens[1]);
        return guardName is not null && define.Name == "define" && define.Body.Length > 0 && CTokenizer.GetText(text, define.Body[0]) == guardName;
    }

    /// <summary>
    /// True when the whole file is wrapped in an include guard (<c>#ifndef X</c>, <c>#define X</c> ...
    /// <c>#endif</c>): that condition holds whenever the file matters, so it is left out of conditions.
    /// </summary>
    private static bool HasIncludeGuard(string text, ImmutableArray<CToken> tokens)
    {
        if (tokens.Length < 3 || tokens[^1].Kind != CTokenKind.Directive || !OpensLikeIncludeGuard(text, tokens))
        {
            return false;
        }

        // The group opened by the first line must close on the last one, not earlier.
        return FirstGroupEnd(text, tokens) == tokens.Length - 1;
    }

    /// <summary>What <see cref="FirstGroupEnd"/> gives for a first group with an <c>#else</c> or <c>#elif</c> of its own.</summary>
    private const int NotAGuard = -2;

    /// <summary>The index of the <c>#endif</c> that closes the group opened by the first token; -1 when none does, <see cref="NotAGuard"/> when the group has another branch.</summary>
    private static int FirstGroupEnd(string text, ImmutableArray<CToken> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind != CTokenKind.Directive)
            {
                continue;
            }

            switch (CDirective.GetName(text, tokens[i]))
            {
                case "if" or "ifdef" or "ifndef":
                    depth++;
                    break;
                case "elif" or "elifdef" or "elifndef" or "else" when depth == 1:
                    return NotAGuard;
                case "endif":
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    /// <summary>The name in <c>!defined(X)</c> or <c>!defined X</c>, or null.</summary>
    private static string? NegatedDefinedName(string text, ReadOnlySpan<CToken> body)
    {
        if (body.Length >= 3 && body[0].IsPunctuator(text, '!') && CTokenizer.TextEquals(text, body[1], "defined"))
        {
            if (body.Length == 3 && body[2].Kind == CTokenKind.Identifier)
            {
                return CTokenizer.GetText(text, body[2]);
            }

            if (body.Length == 5 && body[2].IsPunctuator(text, '(') && body[3].Kind == CTokenKind.Identifier && body[4].IsPunctuator(text, ')'))
            {
                return CTokenizer.GetText(text, body[3]);
            }
        }

        return null;
    }

    private static string ConditionOf(string text, CToken token, string name)
    {
        var directive = CDirective.Parse(text, token);
        var body = directive.GetBodyText();
        switch (name)
        {
            case "ifdef" or "elifdef":
                return "defined(" + FirstWord(directive, text, body) + ")";
            case "ifndef" or "elifndef":
                return "!defined(" + FirstWord(directive, text, body) + ")";
            default:
                // gcc rejects `#if` with no expression; reading it as false keeps the index going.
                return body.Length == 0 ? "0" : body;
        }
    }

    private static string FirstWord(CDirective directive, string text, string body)
        => directive.Body.Length > 0 && directive.Body[0].Kind == CTokenKind.Identifier ? CTokenizer.GetText(text, directive.Body[0]) : body;

    /// <summary>
    /// The text and the tokens of one file, each made once on first use and shared by every <see cref="CSourceFile"/> of
    /// it (<see cref="WithPath"/>); and what the bytes settle without them.
    /// </summary>
    private sealed class Lexing(FileContent content, SourceText? text, bool cpp)
    {
        private SourceText? _text = text;
        private LexedFile? _result;
        private int _unterminated = Unknown;
        private int _splitIdentifier = Unknown;

        private const int Unknown = 0;
        private const int No = 1;
        private const int Yes = 2;

        public ReadOnlySpan<byte> Bytes => content.Span;

        /// <summary>The text; decoded by one reader when several ask at once, so that all hold the same instance.</summary>
        public SourceText Text => _text ?? Decode();

        public LexedFile Result => _result ?? LazyInitializer.EnsureInitialized(ref _result, Lex);

        public bool MayHaveUnterminated
        {
            get
            {
                if (_unterminated == Unknown)
                {
                    // Once the tokens exist they answer; before, a quick scan settles most texts, and a run that keeps
                    // no token the rest.
                    var found = _result is { } lexed ? lexed.HasUnterminated : !UnterminatedScan.ProvesNone(Bytes, cpp) && CTokenizer.HasUnterminated(Text.Text, cpp);
                    _unterminated = found ? Yes : No;
                }

                return _unterminated == Yes;
            }
        }

        public bool MaySplitIdentifier
        {
            get
            {
                if (_splitIdentifier == Unknown)
                {
                    _splitIdentifier = HasIdentifierSplice(Bytes) ? Yes : No;
                }

                return _splitIdentifier == Yes;
            }
        }

        private SourceText Decode()
        {
            var decoded = SourceText.From(Bytes);
            return Interlocked.CompareExchange(ref _text, decoded, null) ?? decoded;
        }

        private LexedFile Lex()
        {
            var text = Text.Text;
            var tokens = CTokenizer.Tokenize(text, cpp);
            return new LexedFile(tokens.Tokens, tokens.Comments, MapConditions(text, tokens.Tokens));
        }

        /// <summary>
        /// True when some backslash-newline may lie inside an identifier: an identifier character before it, and one
        /// (or another backslash, the start of a further continuation) after it. A continuation inside an identifier
        /// has both, at the first of a run of continuations; one that has not splits no identifier. Read in the bytes:
        /// a byte past ASCII counts as part of an identifier, as every character past ASCII but U+FEFF does.
        /// </summary>
        private static bool HasIdentifierSplice(ReadOnlySpan<byte> text)
        {
            for (var backslash = text.IndexOf((byte)'\\'); backslash >= 0; backslash = NextBackslash(text, backslash))
            {
                var after = backslash + 1;
                if (after < text.Length && text[after] == '\r')
                {
                    after++;
                }

                if (after + 1 >= text.Length || text[after] != '\n' || backslash == 0)
                {
                    continue;
                }

                if (CTokenizer.IsIdentifierPart(text[backslash - 1]) && (CTokenizer.IsIdentifierPart(text[after + 1]) || text[after + 1] == '\\'))
                {
                    return true;
                }
            }

            return false;
        }

        private static int NextBackslash(ReadOnlySpan<byte> text, int backslash)
            => text[(backslash + 1)..].IndexOf((byte)'\\') is var next and >= 0 ? backslash + 1 + next : -1;
    }

    /// <summary>A file's tokens, comments and condition changes.</summary>
    private sealed record LexedFile(ImmutableArray<CToken> Tokens, ImmutableArray<CToken> Comments, ImmutableArray<ConditionChange> ConditionChanges)
    {
        public bool HasUnterminated => Tokens.Any(t => t.IsUnterminated) || Comments.Any(t => t.IsUnterminated);
    }
}

/// <summary>From token <paramref name="TokenIndex"/> on, tokens are in <paramref name="Scope"/> (null: compiled unconditionally).</summary>
internal readonly record struct ConditionChange(int TokenIndex, CConditionScope? Scope);

/// <summary>A use of an identifier: where it is and under which preprocessor condition.</summary>
/// <param name="Path">The file, relative to the module directory.</param>
/// <param name="Span">The identifier's span in the file's text.</param>
/// <param name="Position">Its 1-based line and column.</param>
/// <param name="InDirective">True when it is in a preprocessor line (a <c>#define</c> body, an <c>#if</c>).</param>
/// <param name="Condition">The conditions it is compiled under, or null when unconditional.</param>
internal readonly record struct CIdentifierReference(string Path, TextSpan Span, LinePosition Position, bool InDirective, string? Condition);
