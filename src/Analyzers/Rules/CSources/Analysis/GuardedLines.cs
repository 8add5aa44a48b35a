using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>
/// Builds the replacement of whole lines by <c>#if (nginx_version &gt;= 1009011)</c> new lines
/// <c>#else</c> the old lines <c>#endif</c>, as real modules keep both APIs: each preprocessor line stands
/// on its own line, and the old text is kept byte for byte, so nginx before 1.9.11 compiles what it did.
/// </summary>
internal static class GuardedLines
{
    /// <summary>The condition of the new branch: nginx 1.9.11 brought cycle->modules and ngx_count_modules.</summary>
    public const string NewApiCondition = "#if (nginx_version >= 1009011)";

    /// <summary>
    /// The whole lines around <c>[start, end)</c>, newline included, or null with the reason they cannot be
    /// guarded: a comment or literal crosses their first or last line break, or a preprocessor line is among them.
    /// </summary>
    public static (TextSpan? Lines, string? WhyNot) WholeLines(CSourceFile file, int start, int end)
    {
        var text = file.Text.Text;
        var lineStart = start > 0 ? text.LastIndexOf('\n', start - 1) + 1 : 0;
        var newline = text.IndexOf('\n', end);
        var lineEnd = newline < 0 ? text.Length : newline + 1;
        foreach (var token in Overlapping(file.Tokens, lineStart, lineEnd).Concat(Overlapping(file.Comments, lineStart, lineEnd)))
        {
            if (token.Start < lineEnd && token.End > lineStart && token.Kind == CTokenKind.Directive)
            {
                return (null, "a preprocessor line is among its lines");
            }

            if (Crosses(token, lineStart) || Crosses(token, lineEnd))
            {
                return (null, "a comment or literal runs across its first or last line");
            }
        }

        return (TextSpan.FromBounds(lineStart, lineEnd), null);
    }

    /// <summary>The line break of each file's text, looked for once: a file with thousands of fixes asks for each.</summary>
    private static readonly ConditionalWeakTable<string, string> Newlines = new();

    /// <summary>The guarded text replacing <paramref name="oldLines"/> (whole lines) of <paramref name="text"/>.</summary>
    public static string Guard(string text, string newLines, string oldLines)
    {
        var newline = Newlines.GetValue(text, t => t.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n");
        string Terminated(string lines) => lines.EndsWith('\n') ? lines : lines + newline;
        return NewApiCondition + newline + Terminated(newLines) + "#else" + newline + Terminated(oldLines) + "#endif" + newline;
    }

    /// <summary>The leading blanks of the line that holds <paramref name="position"/>.</summary>
    public static string IndentAt(string text, int position)
    {
        var lineStart = position > 0 ? text.LastIndexOf('\n', position - 1) + 1 : 0;
        var end = lineStart;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[lineStart..end];
    }

    /// <summary>
    /// The tokens (or comments) that overlap <c>[start, end]</c>, by halving: they are in order and do
    /// not overlap one another, and only they can be among the lines or cross their ends.
    /// </summary>
    private static IEnumerable<CToken> Overlapping(ImmutableArray<CToken> tokens, int start, int end)
    {
        for (var i = SortedSearch.CountLeading(tokens.Length, i => tokens[i].End <= start); i < tokens.Length && tokens[i].Start < end; i++)
        {
            yield return tokens[i];
        }
    }

    private static bool Crosses(CToken token, int position) => token.Start < position && position < token.End;
}
