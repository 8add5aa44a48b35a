using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Preprocessor;
using ConfigConvert.CSources;

namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>
/// The code tokens of a C file that are compiled for the target versions, in order: directives, comments
/// and code under a false condition are gone, so a function header written twice under
/// <c>#if (nginx_version &gt;= 1009011)</c> / <c>#else</c> reads once. Positions here index this view;
/// <see cref="TokenIndex"/> maps back to the file's tokens. Brackets are matched once, up front.
/// </summary>
internal sealed class CodeView
{
    private readonly ImmutableArray<int> _indices;
    private readonly int[] _match;
    private readonly ImmutableArray<(int Open, int Close, int ParametersOpen)> _functions;
    private Dictionary<string, List<int>>? _identifiers;

    private CodeView(CSourceDocument document, ImmutableArray<int> indices)
    {
        Document = document;
        _indices = indices;
        _match = MatchBrackets();
        _functions = FindFunctions();
    }

    public CSourceDocument Document { get; }

    public CSourceFile File => Document.File;

    public int Count => _indices.Length;

    /// <summary>The view of <paramref name="document"/> for <paramref name="target"/>, made once and shared by every rule that reads it.</summary>
    public static CodeView Of(CSourceDocument document, NginxVersionRange target) => document.GetAnalysis(target, Create);

    /// <summary>
    /// Walks the tokens and the file's scope changes together, so that each scope is decided once rather
    /// than searched for and decided again at every token.
    /// </summary>
    private static CodeView Create(CSourceDocument document, NginxVersionRange target)
    {
        var tokens = document.File.Tokens;
        var changes = document.File.ConditionChanges;
        var indices = ImmutableArray.CreateBuilder<int>(tokens.Length);
        var next = 0;
        CConditionScope? scope = null;
        ConditionTruth? truth = null;
        for (var i = 0; i < tokens.Length; i++)
        {
            for (; next < changes.Length && changes[next].TokenIndex <= i; next++)
            {
                scope = changes[next].Scope;
                truth = null;
            }

            if (tokens[i].Kind is not (CTokenKind.Directive or CTokenKind.Comment))
            {
                truth ??= document.GetCompilation(scope, target);
                if (truth != ConditionTruth.False)
                {
                    indices.Add(i);
                }
            }
        }

        return new CodeView(document, indices.DrainToImmutable());
    }

    /// <summary>The index in the file's tokens of view position <paramref name="position"/>.</summary>
    public int TokenIndex(int position) => _indices[position];

    public CToken Token(int position) => File.Tokens[_indices[position]];

    public string Text(int position) => File.GetText(Token(position));

    /// <summary>True when <paramref name="position"/> is in the view and is the identifier <paramref name="name"/>.</summary>
    public bool IsIdentifier(int position, string name) => InRange(position) && File.IsIdentifier(_indices[position], name);

    /// <summary>True when <paramref name="position"/> is an identifier.</summary>
    public bool IsIdentifier(int position) => InRange(position) && Token(position).Kind == CTokenKind.Identifier;

    /// <summary>True when <paramref name="position"/> is the punctuator <paramref name="punctuator"/> (<c>-&gt;</c>, <c>++</c>, <c>;</c>).</summary>
    public bool IsPunctuator(int position, string punctuator)
        => InRange(position) && Token(position).Kind == CTokenKind.Punctuator && File.TextEquals(Token(position), punctuator);

    /// <summary>The position of the bracket matching the one at <paramref name="position"/>, or -1.</summary>
    public int Match(int position) => InRange(position) ? _match[position] : -1;

    /// <summary>
    /// The function whose body holds <paramref name="position"/>: the positions of its <c>{</c> and <c>}</c>
    /// and of the <c>(</c> of its parameter list; null at file scope.
    /// </summary>
    public (int Open, int Close, int ParametersOpen)? FunctionAt(int position)
    {
        // The bodies are in file order and do not overlap: the only one that can hold the position is
        // the last that opens before it (a file of many functions asks for each use).
        var opening = SortedSearch.CountLeading(_functions.Length, i => _functions[i].Open < position);
        return opening > 0 && position < _functions[opening - 1].Close ? _functions[opening - 1] : null;
    }

    /// <summary>The view positions of the identifier <paramref name="name"/>, in order; every identifier is indexed on the first call.</summary>
    public IReadOnlyList<int> PositionsOf(string name)
    {
        var identifiers = LazyInitializer.EnsureInitialized(ref _identifiers, IndexIdentifiers);
        return identifiers.TryGetValue(name, out var positions) ? positions : [];
    }

    private Dictionary<string, List<int>> IndexIdentifiers()
    {
        var identifiers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var p = 0; p < _indices.Length; p++)
        {
            if (IsIdentifier(p))
            {
                var name = Text(p);
                if (!identifiers.TryGetValue(name, out var positions))
                {
                    identifiers[name] = positions = [];
                }

                positions.Add(p);
            }
        }

        return identifiers;
    }

    /// <summary>The view position of file token <paramref name="tokenIndex"/>, or -1 when it is not compiled code.</summary>
    public int PositionOf(int tokenIndex)
    {
        var found = _indices.BinarySearch(tokenIndex);
        return found >= 0 ? found : -1;
    }

    private bool InRange(int position) => (uint)position < (uint)_indices.Length;

    private int[] MatchBrackets()
    {
        var match = new int[_indices.Length];
        Array.Fill(match, -1);
        var open = new Stack<int>();
        for (var p = 0; p < _indices.Length; p++)
        {
            switch (Bracket(p))
            {
                case '(' or '[' or '{':
                    open.Push(p);
                    break;
                case ')' or ']' or '}' when open.Count > 0:
                    var start = open.Pop();
                    match[start] = p;
                    match[p] = start;
                    break;
            }
        }

        return match;
    }

    /// <summary>The character of a one-character punctuator at <paramref name="position"/> (what <see cref="IsPunctuator"/> compares), else NUL.</summary>
    private char Bracket(int position)
    {
        var token = Token(position);
        if (token.Kind != CTokenKind.Punctuator)
        {
            return '\0';
        }

        if (!token.HasLineContinuation)
        {
            return token.Length == 1 ? File.Text.Text[token.Start] : '\0';
        }

        return File.GetText(token) is [var only] ? only : '\0';
    }

    /// <summary>Function bodies: a <c>{</c> at file scope right after the <c>)</c> of a parameter list.</summary>
    private ImmutableArray<(int Open, int Close, int ParametersOpen)> FindFunctions()
    {
        var functions = ImmutableArray.CreateBuilder<(int, int, int)>();
        var p = 0;
        while (p < _indices.Length)
        {
            var close = _match[p];
            if (IsPunctuator(p, "{") && close > p)
            {
                if (IsPunctuator(p - 1, ")") && _match[p - 1] >= 0)
                {
                    functions.Add((p, close, _match[p - 1]));
                }

                p = close + 1;
                continue;
            }

            p++;
        }

        return functions.DrainToImmutable();
    }
}
