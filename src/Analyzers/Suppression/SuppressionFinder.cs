using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Suppression;

/// <summary>
/// Finds the suppression comments of a module. In a config, a comment <c># ngx-convert disable=IDS</c>
/// before the first command covers the whole file; anywhere else it covers the lines of the statement
/// that follows it (an <c>if</c> ... <c>fi</c> whole). In C, <c>/* ngx-convert disable IDS */</c> before
/// the first token covers the whole file; after code on its line, that line; otherwise the next line.
/// </summary>
internal static class SuppressionFinder
{
    public static IEnumerable<SuppressionDirective> InConfig(SyntaxTree tree)
    {
        // A directive names the marker: a config without it has none, and its statements and comments are not walked for one.
        if (!tree.Text.Text.Contains(SuppressionDirective.Marker, StringComparison.Ordinal))
        {
            yield break;
        }

        var path = tree.FilePath ?? string.Empty;
        // In the order the comments look them up: by start, and the outermost first of those that start together.
        var statements = tree.GetRoot().DescendantNodes().OfType<StatementSyntax>().Select(s => tree.GetSpan(s.Command))
            .OrderBy(s => s.Start).ThenByDescending(s => s.Length).ToArray();
        var firstCommand = statements.Length == 0 ? int.MaxValue : statements[0].Start;
        foreach (var (span, text) in Comments(tree))
        {
            if (SuppressionDirective.ParseConfigComment(text) is not { } ids)
            {
                continue;
            }

            var comment = Location.Create(path, tree.Text, span);
            if (span.Start < firstCommand)
            {
                yield return new SuppressionDirective(path, ids, comment, WholeFile: true, 1, int.MaxValue);
                continue;
            }

            // The outermost statement that starts first after the comment.
            var next = SortedSearch.CountLeading(statements.Length, i => statements[i].Start < span.End);
            var (first, last) = next < statements.Length
                ? (tree.Text.GetLinePosition(statements[next].Start).Line, tree.Text.GetLinePosition(statements[next].End).Line)
                : (0, -1);
            yield return new SuppressionDirective(path, ids, comment, WholeFile: false, first, last);
        }
    }

    public static IEnumerable<SuppressionDirective> InCSource(CSourceDocument document)
    {
        var file = document.File;
        // The comment's raw text must hold the marker; a file without it has none, and is not tokenized for it.
        if (!file.Contains(SuppressionDirective.Marker))
        {
            yield break;
        }

        var firstToken = file.Tokens.IsEmpty ? int.MaxValue : file.Tokens[0].Start;
        foreach (var token in file.Comments)
        {
            if (SuppressionDirective.ParseCComment(file.Text.Text.Substring(token.Start, token.Length)) is not { } ids)
            {
                continue;
            }

            var comment = file.GetLocation(token.Span);
            if (token.Start < firstToken)
            {
                yield return new SuppressionDirective(file.Path, ids, comment, WholeFile: true, 1, int.MaxValue);
                continue;
            }

            var line = HasCodeBefore(file, token) ? comment.Start.Line : comment.End.Line + 1;
            yield return new SuppressionDirective(file.Path, ids, comment, WholeFile: false, line, line);
        }
    }

    /// <summary>
    /// True when a token ends on the comment's line before it starts: the comment trails code. Tokens
    /// neither overlap each other nor a comment, so the last token that ends before the comment is the
    /// one to look at; finding it by halving keeps a file of many directives linear, not quadratic.
    /// </summary>
    private static bool HasCodeBefore(CSourceFile file, CToken comment)
    {
        var before = SortedSearch.CountLeading(file.Tokens.Length, i => file.Tokens[i].End <= comment.Start);
        return before > 0 && file.GetLinePosition(file.Tokens[before - 1].End).Line == file.GetLinePosition(comment.Start).Line;
    }

    /// <summary>Every comment of the script with its span; a here-document body is not a comment.</summary>
    private static IEnumerable<(TextSpan Span, string Text)> Comments(SyntaxTree tree)
    {
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            var position = tree.GetFullSpan(token).Start;
            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Kind == SyntaxKind.CommentTrivia)
                {
                    yield return (new TextSpan(position, trivia.FullWidth), trivia.Text);
                }

                position += trivia.FullWidth;
            }

            position += token.Width;
            foreach (var trivia in token.TrailingTrivia)
            {
                if (trivia.Kind == SyntaxKind.CommentTrivia)
                {
                    yield return (new TextSpan(position, trivia.FullWidth), trivia.Text);
                }

                position += trivia.FullWidth;
            }
        }
    }

    /// <summary>The directives of a module's config and C files.</summary>
    public static ImmutableArray<SuppressionDirective> InModule(SyntaxTree? config, IEnumerable<CSourceDocument> sources)
        => [.. (config is null ? [] : InConfig(config)).Concat(sources.SelectMany(InCSource))];
}
