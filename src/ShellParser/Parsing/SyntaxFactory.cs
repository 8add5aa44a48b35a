namespace ConfigConvert.ShellParser;

/// <summary>
/// Builds syntax for rewriters and converters. Tokens and trivia are made from their text; words,
/// commands and statements are parsed from shell text, so that what is built is always what the
/// parser would make of the same text.
/// </summary>
public static class SyntaxFactory
{
    /// <summary>A single space.</summary>
    public static SyntaxTrivia Space { get; } = new(SyntaxKind.WhitespaceTrivia, " ");

    /// <summary>A line break between tokens where any number are allowed.</summary>
    public static SyntaxTrivia EndOfLine { get; } = new(SyntaxKind.EndOfLineTrivia, "\n");

    /// <summary>Spaces or tabs.</summary>
    public static SyntaxTrivia Whitespace(string text)
        => text.Length > 0 && text.All(c => c is ' ' or '\t') ? new(SyntaxKind.WhitespaceTrivia, text) : throw new ArgumentException("whitespace must be spaces and tabs", nameof(text));

    /// <summary>A comment; <paramref name="text"/> starts with <c>#</c> and holds no line break.</summary>
    public static SyntaxTrivia Comment(string text)
        => text.StartsWith('#') && !text.Contains('\n') ? new(SyntaxKind.CommentTrivia, text) : throw new ArgumentException("a comment starts with # and ends before the line break", nameof(text));

    /// <summary>A token of <paramref name="kind"/> with the given text and leading trivia.</summary>
    public static SyntaxToken Token(SyntaxKind kind, string text, params SyntaxTrivia[] leading) => new(kind, text, [.. leading], default);

    /// <summary>The line break that ends a statement.</summary>
    public static SyntaxToken NewLine() => Token(SyntaxKind.NewLineToken, "\n");

    /// <summary>A list node.</summary>
    public static SyntaxList<T> List<T>(IEnumerable<T> items)
        where T : SyntaxElement
        => new([.. items]);

    /// <summary>Parses one shell word, such as <c>"$ngx_addon_dir/src/a.c"</c>; throws when the text is not exactly one valid word.</summary>
    public static WordSyntax ParseWord(string text)
    {
        var statement = ParseSingleStatement("_ " + text);
        if (statement.Command is not SimpleCommandSyntax command || command.Words.Count() != 2 || command.Elements.Count != 2)
        {
            throw new ArgumentException($"`{text}` is not one shell word", nameof(text));
        }

        // The word was parsed after `_ `: it comes without that space.
        var word = command.Words.Last();
        var first = word.GetFirstToken()!;
        return (WordSyntax)new TokenReplacer(first, first.WithLeadingTrivia([])).Visit(word);
    }

    private sealed class TokenReplacer(SyntaxToken from, SyntaxToken to) : SyntaxRewriter
    {
        public override SyntaxToken VisitToken(SyntaxToken token) => ReferenceEquals(token, from) ? to : token;
    }

    /// <summary>Parses statements (each keeps its line break); throws when the text has syntax errors.</summary>
    public static SyntaxList<StatementSyntax> ParseStatements(string text)
    {
        var tree = SyntaxTree.ParseText(text);
        if (tree.HasErrors)
        {
            throw new ArgumentException("the text has syntax errors: " + string.Join("; ", tree.GetDiagnostics()), nameof(text));
        }

        if (tree.GetRoot().EndOfFile.FullWidth > 0)
        {
            throw new ArgumentException("the text ends with trivia that belongs to no statement", nameof(text));
        }

        return tree.GetRoot().Statements;
    }

    /// <summary><c>NAME=value</c> as a statement ending with a line break.</summary>
    public static StatementSyntax Assignment(string name, string valueText)
    {
        if (!ShellChars.IsValidName(name))
        {
            throw new ArgumentException($"`{name}` is not a shell name", nameof(name));
        }

        return ParseSingleStatement(name + "=" + valueText + "\n");
    }

    /// <summary>A script node from statements, with an end of file.</summary>
    public static ScriptSyntax Script(IEnumerable<StatementSyntax> statements)
        => new(List(statements), Token(SyntaxKind.EndOfFileToken, string.Empty));

    private static StatementSyntax ParseSingleStatement(string text)
    {
        var statements = ParseStatements(text);
        return statements.Count == 1 ? statements[0] : throw new ArgumentException($"`{text}` is not one statement", nameof(text));
    }
}
