using System.Collections.Immutable;
using System.Globalization;
using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.CSources;

/// <summary>
/// Finds, in one file's tokens, the module definitions (<c>ngx_module_t name = { ... };</c> at file
/// scope) and the module type constants (<c>#define NGX_FOO_MODULE 0x...</c>).
/// </summary>
/// <remarks>
/// Brace depth tells file scope from function bodies. Files often open a brace differently in two
/// branches of an <c>#if</c> (two spellings of one function header); like ctags, the depth is restored at
/// <c>#else</c> and taken from the first branch at <c>#endif</c>, and <c>extern "C" {</c> does not count.
/// </remarks>
internal sealed class CModuleDefinitionFinder
{
    /// <summary>The type every module definition is declared with.</summary>
    internal const string ModuleType = "ngx_module_t";

    /// <summary>nginx's own module types and their values, for initializers that spell the number.</summary>
    internal static readonly ImmutableDictionary<ulong, string> BuiltInTypes = new Dictionary<ulong, string>
    {
        [0x45524F43] = "NGX_CORE_MODULE",
        [0x464E4F43] = "NGX_CONF_MODULE",
        [0x544E5645] = "NGX_EVENT_MODULE",
        [0x50545448] = "NGX_HTTP_MODULE",
        [0x4C49414D] = "NGX_MAIL_MODULE",
        [0x4D525453] = "NGX_STREAM_MODULE",
    }.ToImmutableDictionary();

    /// <summary>Values of the leading, index-and-version part of an initializer written without <c>NGX_MODULE_V1</c>.</summary>
    private static readonly ImmutableHashSet<string> HeaderNames = ImmutableHashSet.Create(
        StringComparer.Ordinal, "NULL", "NGX_MODULE_UNSET_INDEX", "nginx_version", "NGX_MODULE_SIGNATURE");

    private readonly CSourceFile _file;
    private readonly string _text;
    private readonly ImmutableArray<CToken> _tokens;
    private readonly List<CModuleDefinition> _definitions;
    private readonly List<CModuleTypeConstant> _constants;
    private readonly List<Diagnostic> _diagnostics;

    /// <summary>
    /// The last token an initializer scan has read. No definition is looked for before it: a definition
    /// inside another's initializer is not C in any configuration, and never scanning a token twice keeps
    /// the search linear even for hostile nesting of braces and conditional groups.
    /// </summary>
    private int _scannedUntil = -1;

    /// <summary>True when a definition was read on to the last token: in a prefix of a file, what followed may have mattered.</summary>
    private bool _ranOut;

    private CModuleDefinitionFinder(CSourceFile file, List<CModuleDefinition> definitions, List<CModuleTypeConstant> constants, List<Diagnostic> diagnostics)
    {
        _file = file;
        _text = file.Text.Text;
        _tokens = file.Tokens;
        _definitions = definitions;
        _constants = constants;
        _diagnostics = diagnostics;
    }

    /// <summary>Adds what <paramref name="file"/> defines to the lists.</summary>
    public static void Find(CSourceFile file, List<CModuleDefinition> definitions, List<CModuleTypeConstant> constants, List<Diagnostic> diagnostics)
    {
        // A file whose text proves it defines nothing (most of a module's files, even most of those that name
        // ngx_module_t) is not tokenized here, nor is a file's text after its last definition. Its comments are read
        // only when a scan for an open comment (without keeping tokens) cannot rule one out.
        var mayDefine = !DefinitionScan.ProvesNone(file.Bytes, file.MaySplitIdentifier);
        if (file.MayHaveUnterminated)
        {
            foreach (var comment in file.Comments)
            {
                if (comment.IsUnterminated)
                {
                    diagnostics.Add(Diagnostic.Create(SourceDiagnostics.UnterminatedComment, file.GetLocation(new TextSpan(comment.Start, 2))));
                }
            }
        }

        if (mayDefine && !SearchedPrefix(file, definitions, constants, diagnostics))
        {
            Search(file, definitions, constants, diagnostics);
        }
    }

    /// <summary>
    /// Searches only the prefix of <paramref name="file"/> that holds every place a definition may be
    /// (<see cref="DefinitionScan.ReadingEnd"/>), tokenized apart: a module's main file is mostly the functions after
    /// its definition, and most such files are tokenized for nothing else. False, with nothing added, when the
    /// prefix is not the whole story: the search read on to its end, the prefix may open the file's include guard
    /// (whose condition the whole file's conditions leave out), or its text may decode otherwise alone (UTF-8 or
    /// Latin-1 is decided on the whole file).
    /// </summary>
    private static bool SearchedPrefix(CSourceFile file, List<CModuleDefinition> definitions, List<CModuleTypeConstant> constants, List<Diagnostic> diagnostics)
    {
        var bytes = file.Bytes;
        if (DefinitionScan.ReadingEnd(bytes, file.MaySplitIdentifier) is not { } end || end >= bytes.Length || !DecodesAlike(bytes, end))
        {
            return false;
        }

        // A file that opens as an include guard does is only one if its last line closes the guard: a prefix cannot tell.
        var prefix = CSourceFile.Create(file.Path, bytes[..end].ToArray());
        if (prefix.MayOpenIncludeGuard())
        {
            return false;
        }

        var finder = new CModuleDefinitionFinder(prefix, [], [], []);
        finder.Run();
        if (finder._ranOut)
        {
            return false;
        }

        definitions.AddRange(finder._definitions);
        constants.AddRange(finder._constants);
        diagnostics.AddRange(finder._diagnostics);
        return true;
    }

    /// <summary>
    /// True when the first <paramref name="end"/> bytes, a prefix ending at a line break, decode alone to what they
    /// decode to in the whole: ASCII, which UTF-8 and Latin-1 read alike, or part of a file that is UTF-8 throughout.
    /// </summary>
    private static bool DecodesAlike(ReadOnlySpan<byte> bytes, int end)
        => System.Text.Ascii.IsValid(bytes[..end]) || System.Text.Unicode.Utf8.IsValid(bytes);

    /// <summary>Reads the tokens of <paramref name="file"/> for definitions and type constants, whatever its text (the tests hold the scan to this).</summary>
    internal static void Search(CSourceFile file, List<CModuleDefinition> definitions, List<CModuleTypeConstant> constants, List<Diagnostic> diagnostics)
        => new CModuleDefinitionFinder(file, definitions, constants, diagnostics).Run();

    /// <summary>Parses a C integer literal (decimal, octal, hexadecimal or binary, with any suffix).</summary>
    internal static bool TryParseInteger(string literal, out ulong value)
    {
        var span = literal.AsSpan().TrimEnd("uUlLzZ");
        if (span.Length > 2 && span[0] == '0' && span[1] is 'x' or 'X')
        {
            return ulong.TryParse(span[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (span.Length > 2 && span[0] == '0' && span[1] is 'b' or 'B')
        {
            return ulong.TryParse(span[2..], NumberStyles.AllowBinarySpecifier, CultureInfo.InvariantCulture, out value);
        }

        if (span.Length > 1 && span[0] == '0')
        {
            value = 0;
            foreach (var c in span[1..])
            {
                if (c is < '0' or > '7' || value > ulong.MaxValue / 8)
                {
                    return false;
                }

                value = (value * 8) + (ulong)(c - '0');
            }

            return true;
        }

        return ulong.TryParse(span, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    private void Run()
    {
        var depth = 0;
        var linkageBlocks = 0;
        var groups = new List<BraceGroup>();
        for (var i = 0; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            switch (token.Kind)
            {
                case CTokenKind.Directive:
                    OnDirective(i, groups, ref depth);
                    break;
                case CTokenKind.Punctuator when token.IsPunctuator(_text, '{'):
                    if (depth == 0 && _file.IsIdentifier(i - 2, "extern") && _tokens[i - 1].Kind == CTokenKind.StringLiteral)
                    {
                        linkageBlocks++;
                    }
                    else
                    {
                        depth++;
                    }

                    break;
                case CTokenKind.Punctuator when token.IsPunctuator(_text, '}'):
                    if (depth > 0)
                    {
                        depth--;
                    }
                    else if (linkageBlocks > 0)
                    {
                        linkageBlocks--;
                    }

                    break;
                case CTokenKind.Identifier when depth == 0 && i > _scannedUntil && _file.TextEquals(token, ModuleType):
                    TryReadDefinitions(i);
                    break;
            }
        }
    }

    private void OnDirective(int index, List<BraceGroup> groups, ref int depth)
    {
        var name = CDirective.GetName(_text, _tokens[index]);
        switch (name)
        {
            case "if" or "ifdef" or "ifndef":
                groups.Add(new BraceGroup(depth, -1));
                break;
            case "elif" or "elifdef" or "elifndef" or "else" when groups.Count > 0:
                var group = groups[^1];
                if (group.DepthAfterFirstBranch < 0)
                {
                    groups[^1] = group with { DepthAfterFirstBranch = depth };
                }

                depth = group.DepthAtStart;
                break;
            case "endif" when groups.Count > 0:
                var closed = groups[^1];
                groups.RemoveAt(groups.Count - 1);
                if (closed.DepthAfterFirstBranch >= 0)
                {
                    depth = closed.DepthAfterFirstBranch;
                }

                break;
            case "define":
                ReadTypeConstant(index);
                break;
        }
    }

    /// <summary>How the name of a module type constant ends (<c>NGX_RTMP_MODULE</c>).</summary>
    internal const string TypeSuffix = "_MODULE";

    /// <summary>Records <c>#define NAME_MODULE number</c>, the way a package declares a module type of its own.</summary>
    private void ReadTypeConstant(int index)
    {
        // Most #defines name no module type; only a line split by a backslash-newline may hide the suffix.
        var token = _tokens[index];
        if (!token.HasLineContinuation && !_text.AsSpan(token.Start, token.Length).Contains(TypeSuffix, StringComparison.Ordinal))
        {
            return;
        }

        var directive = _file.GetDirective(token);
        var body = directive.Body.AsSpan();
        if (body.Length < 2 || body[0].Kind != CTokenKind.Identifier)
        {
            return;
        }

        var name = _file.GetText(body[0]);
        if (!name.EndsWith(TypeSuffix, StringComparison.Ordinal) || name.Length == TypeSuffix.Length)
        {
            return;
        }

        // `#define NGX_FOO_MODULE(x)` is a function-like macro, not a constant.
        if (body[1].IsPunctuator(_text, '(') && body[1].Start == body[0].End)
        {
            return;
        }

        var value = StripParentheses(body[1..]);
        if (value.Length != 1 || value[0].Kind != CTokenKind.Number || !TryParseInteger(_file.GetText(value[0]), out _))
        {
            return;
        }

        var position = _file.GetLinePosition(body[0].Start);
        _constants.Add(new CModuleTypeConstant(name, _file.GetText(value[0]), _file.Path, position.Line, position.Column, _file.GetCondition(index)));
    }

    /// <summary>
    /// Reads <c>ngx_module_t name = { ... }</c> starting at the type name; also further declarators
    /// (<c>, other = { ... }</c>). Anything else (<c>extern ngx_module_t x;</c>, <c>ngx_module_t *m;</c>,
    /// a tentative <c>ngx_module_t x;</c>) is a declaration and is left alone.
    /// </summary>
    private void TryReadDefinitions(int typeIndex)
    {
        var isStatic = IsDeclaredStatic(typeIndex);
        var i = NextCodeToken(typeIndex);
        while (true)
        {
            var nameIndex = i;
            var equalsIndex = NextCodeToken(nameIndex);
            var braceIndex = NextCodeToken(equalsIndex);
            if (nameIndex >= _tokens.Length || _tokens[nameIndex].Kind != CTokenKind.Identifier
                || !_file.IsPunctuator(equalsIndex, '=') || !_file.IsPunctuator(braceIndex, '{'))
            {
                _ranOut |= braceIndex >= _tokens.Length;
                return;
            }

            var elements = ReadInitializer(braceIndex, out var endIndex);
            AddDefinition(nameIndex, elements, isStatic);
            var comma = NextCodeToken(endIndex);
            if (!_file.IsPunctuator(comma, ','))
            {
                _ranOut |= comma >= _tokens.Length;
                return;
            }

            i = NextCodeToken(comma);
        }
    }

    private bool IsDeclaredStatic(int typeIndex)
    {
        for (var i = typeIndex - 1; i >= 0 && _tokens[i].Kind == CTokenKind.Identifier; i--)
        {
            if (_file.TextEquals(_tokens[i], "static"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The index of the next token after <paramref name="index"/> that is not a directive.</summary>
    private int NextCodeToken(int index)
    {
        var i = index + 1;
        while (i < _tokens.Length && _tokens[i].Kind == CTokenKind.Directive)
        {
            i++;
        }

        return i;
    }

    /// <summary>
    /// Splits an initializer into its top-level elements, each a list of token indices. Only the first
    /// branch of a conditional group inside the initializer is read, as if its condition held: reading
    /// both would count two elements where the compiler sees one.
    /// </summary>
    private List<List<int>> ReadInitializer(int braceIndex, out int endIndex)
    {
        var elements = new List<List<int>> { new() };
        var nesting = 0;
        var groups = new List<bool>();
        var inactiveGroups = 0;
        var i = braceIndex + 1;
        for (; i < _tokens.Length; i++)
        {
            var token = _tokens[i];
            if (token.Kind == CTokenKind.Directive)
            {
                if (!TrackInitializerDirective(i, groups, ref inactiveGroups))
                {
                    // An #else or #endif of a group opened before the definition: the initializer cannot
                    // go on past it in the configuration it started in.
                    break;
                }

                continue;
            }

            if (inactiveGroups > 0)
            {
                continue;
            }

            if (token.Kind == CTokenKind.Punctuator && token.Length == 1)
            {
                var c = _text[token.Start];
                if (c is '{' or '(' or '[')
                {
                    nesting++;
                }
                else if (c is '}' or ')' or ']')
                {
                    if (nesting == 0)
                    {
                        // A `)` or `]` here is unbalanced; ending at it keeps a broken file from being read to its end.
                        break;
                    }

                    nesting--;
                }
                else if (nesting == 0 && c == ',')
                {
                    elements.Add([]);
                    continue;
                }
                else if (nesting == 0 && c == ';')
                {
                    break;
                }
            }

            elements[^1].Add(i);
        }

        _ranOut |= i >= _tokens.Length;
        endIndex = Math.Min(i, _tokens.Length - 1);
        _scannedUntil = Math.Max(_scannedUntil, endIndex);
        if (elements[^1].Count == 0)
        {
            elements.RemoveAt(elements.Count - 1);
        }

        return elements;
    }

    /// <summary>Follows a conditional directive inside an initializer; false when it belongs to a group opened outside.</summary>
    private bool TrackInitializerDirective(int index, List<bool> groups, ref int inactiveGroups)
    {
        switch (CDirective.GetName(_text, _tokens[index]))
        {
            case "if" or "ifdef" or "ifndef":
                groups.Add(true);
                break;
            case "elif" or "elifdef" or "elifndef" or "else":
                if (groups.Count == 0)
                {
                    return false;
                }

                if (groups[^1])
                {
                    groups[^1] = false;
                    inactiveGroups++;
                }

                break;
            case "endif":
                if (groups.Count == 0)
                {
                    return false;
                }

                if (!groups[^1])
                {
                    inactiveGroups--;
                }

                groups.RemoveAt(groups.Count - 1);
                break;
        }

        return true;
    }

    private void AddDefinition(int nameIndex, List<List<int>> elements, bool isStatic)
    {
        var name = _file.GetText(_tokens[nameIndex]);
        var nameSpan = _tokens[nameIndex].Span;
        var type = FindType(elements);
        if (type.Length == 0)
        {
            _diagnostics.Add(Diagnostic.Create(SourceDiagnostics.ModuleTypeNotFound, _file.GetLocation(nameSpan), name));
        }

        if (isStatic)
        {
            _diagnostics.Add(Diagnostic.Create(SourceDiagnostics.StaticModuleDefinition, _file.GetLocation(nameSpan), name));
        }

        var position = _file.GetLinePosition(nameSpan.Start);
        _definitions.Add(new CModuleDefinition(name, type, _file.Path, position.Line, position.Column, _file.GetCondition(nameIndex)));
    }

    /// <summary>
    /// The module type element: <c>.type = X</c> when designated; the fourth element after
    /// <c>NGX_MODULE_V1</c> (or the pre-0.5 <c>NGX_MODULE</c>); after ctx and commands when the index and
    /// version fields are spelled out (seven values for V1, two before it); otherwise the first element
    /// that looks like a type.
    /// </summary>
    private string FindType(List<List<int>> elements)
    {
        foreach (var element in elements)
        {
            if (element.Count > 3 && _file.IsPunctuator(element[0], '.') && _file.IsIdentifier(element[1], "type") && _file.IsPunctuator(element[2], '='))
            {
                return TypeText(element.GetRange(3, element.Count - 3));
            }
        }

        if (elements.Count == 0)
        {
            return string.Empty;
        }

        int position;
        if (IsSingleIdentifier(elements[0], "NGX_MODULE_V1") || IsSingleIdentifier(elements[0], "NGX_MODULE"))
        {
            position = 3;
        }
        else
        {
            var header = 0;
            while (header < elements.Count && IsHeaderValue(elements[header]))
            {
                header++;
            }

            position = header switch
            {
                7 => 9,
                2 => 4,
                _ => -1,
            };
        }

        if (position >= 0 && position < elements.Count)
        {
            var text = TypeText(elements[position]);
            if (text.Length > 0)
            {
                return text;
            }
        }

        foreach (var element in elements)
        {
            var tokens = StripParentheses(Tokens(element).AsSpan());
            if (tokens.Length == 1 && LooksLikeType(tokens[0]))
            {
                return TypeText(element);
            }
        }

        return string.Empty;
    }

    private bool LooksLikeType(CToken token)
    {
        var text = _file.GetText(token);
        if (token.Kind == CTokenKind.Number)
        {
            return TryParseInteger(text, out var value) && BuiltInTypes.ContainsKey(value);
        }

        return token.Kind == CTokenKind.Identifier
            && text.EndsWith("_MODULE", StringComparison.Ordinal)
            && text != "NGX_MODULE"
            && text.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '_');
    }

    private bool IsHeaderValue(List<int> element)
    {
        if (element.Count != 1)
        {
            return false;
        }

        var token = _tokens[element[0]];
        return token.Kind == CTokenKind.Number || (token.Kind == CTokenKind.Identifier && HeaderNames.Contains(_file.GetText(token)));
    }

    private bool IsSingleIdentifier(List<int> element, string name) => element.Count == 1 && _file.IsIdentifier(element[0], name);

    /// <summary>The element's text, outer parentheses removed; a number naming a built-in type becomes that type's name.</summary>
    private string TypeText(List<int> element)
    {
        var tokens = StripParentheses(Tokens(element).AsSpan());
        if (tokens.Length == 0)
        {
            return string.Empty;
        }

        if (tokens.Length == 1 && tokens[0].Kind == CTokenKind.Number
            && TryParseInteger(_file.GetText(tokens[0]), out var value) && BuiltInTypes.TryGetValue(value, out var builtIn))
        {
            return builtIn;
        }

        return CDirective.JoinTokens(_text, tokens);
    }

    private CToken[] Tokens(List<int> element)
    {
        var tokens = new CToken[element.Count];
        for (var i = 0; i < tokens.Length; i++)
        {
            tokens[i] = _tokens[element[i]];
        }

        return tokens;
    }

    /// <summary>Removes parentheses that enclose the whole of <paramref name="tokens"/>, as in <c>(0x504D5452)</c>.</summary>
    private ReadOnlySpan<CToken> StripParentheses(ReadOnlySpan<CToken> tokens)
    {
        while (tokens.Length >= 2 && tokens[0].IsPunctuator(_text, '(') && tokens[^1].IsPunctuator(_text, ')') && EnclosesAll(tokens))
        {
            tokens = tokens[1..^1];
        }

        return tokens;
    }

    private bool EnclosesAll(ReadOnlySpan<CToken> tokens)
    {
        var depth = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].IsPunctuator(_text, '('))
            {
                depth++;
            }
            else if (tokens[i].IsPunctuator(_text, ')') && --depth == 0 && i < tokens.Length - 1)
            {
                return false;
            }
        }

        return depth == 0;
    }

    /// <summary>Brace depth when a conditional group opened, and after its first branch (-1 until known).</summary>
    private readonly record struct BraceGroup(int DepthAtStart, int DepthAfterFirstBranch);
}
