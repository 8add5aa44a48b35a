using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// CC2210: bash syntax in a config, which configure runs with <c>/bin/sh</c> (dash on Debian and
/// Ubuntu). The parser reads a script as dash does, so each bash-ism is found in the shape dash gives
/// it: <c>[[</c>, <c>source</c> and <c>NAME+=...</c> are command names, <c>function</c> is a command name
/// followed by words dash then rejects, <c>&amp;&gt;</c> is <c>&amp;</c> then <c>&gt;</c>, <c>&lt;&lt;&lt;</c>
/// is <c>&lt;&lt;</c> then <c>&lt;</c>, <c>((</c> is two subshells, <c>$'...'</c> is a <c>$</c> then a
/// single-quoted string. Backquote bodies are not searched.
/// </summary>
internal sealed partial class BashIsm : ModuleAnalyzer
{
    public static readonly DiagnosticDescriptor Rule = new(
        "CC2210", "Bash-ism", "{0} is a bash-ism; /bin/sh (dash on Debian) {1}",
        RuleCategories.Config, DiagnosticSeverity.Warning,
        "nginx's configure sources module configs with /bin/sh, which is dash on Debian and Ubuntu. Bash-only syntax is a syntax error there, or runs as something else: a command that does not exist, a background job, a subshell.",
        RuleDocumentation.HelpLink("CC2210"));

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Rule];

    public override void Initialize(AnalysisContext context) => context.RegisterConfigAction(Analyze);

    private static void Analyze(ConfigAnalysisContext context)
    {
        var tree = context.Config;
        var root = tree.GetRoot();
        var found = new List<(TextSpan Span, string Construct, string Consequence)>();
        foreach (var command in root.DescendantNodes().OfType<SimpleCommandSyntax>())
        {
            found.AddRange(InCommand(tree, command));
        }

        found.AddRange(root.DescendantNodes().OfType<ParameterExpansionSyntax>().Select(e => InExpansion(tree, e)).OfType<(TextSpan, string, string)>());
        found.AddRange(root.DescendantNodes().OfType<WordSyntax>().SelectMany(w => DollarSingleQuotes(tree, w)));
        found.AddRange(root.DescendantNodes().OfType<SubshellSyntax>().Select(s => DoubleParen(tree, s)).OfType<(TextSpan, string, string)>());
        found.AddRange(InOperators(tree, root));
        foreach (var (span, construct, consequence) in found)
        {
            context.Report(Diagnostic.Create(Rule, Location.Create(tree.FilePath, tree.Text, span), construct, consequence));
        }
    }

    private static IEnumerable<(TextSpan, string, string)> InCommand(SyntaxTree tree, SimpleCommandSyntax command)
    {
        var words = command.Words.ToList();
        if (words.Count == 0)
        {
            yield break;
        }

        var name = words[0].GetLiteralValue();
        var nameSpan = tree.GetSpan(words[0]);
        switch (name)
        {
            case "[[":
                yield return (tree.GetSpan(command), "`[[ ... ]]`", "runs it as a command named `[[`, which does not exist (\"[[: not found\"); use `[` or `test`");
                break;
            case "source":
                yield return (nameSpan, "`source`", "has no `source` builtin (\"source: not found\"); use `.`");
                break;
            case "function" when words.Count > 1 && words[1].GetLiteralValue() is { } f && IsName(f):
                yield return (nameSpan, "`function`", "runs `function` as a command, and rejects the `{ ... }` or `()` after the name with a syntax error; write `name() { ...; }`");
                break;
            case "[" or "test":
                foreach (var equals in DoubleEqualsOperators(words))
                {
                    yield return (tree.GetSpan(equals), "`==` in `test`", "fails with \"unexpected operator\"; use `=`");
                }

                break;
        }

        if (PlusEqualsLength(words[0]) is var length and > 0)
        {
            yield return (new TextSpan(nameSpan.Start, length), "`+=`", "runs `NAME+=...` as a command (\"not found\") and leaves the variable unchanged; write `NAME=\"$NAME ...\"`");
        }
    }

    /// <summary>The <c>==</c> arguments of <c>[</c> or <c>test</c> in the place of an operator: not the operand of a binary operator.</summary>
    private static IEnumerable<WordSyntax> DoubleEqualsOperators(List<WordSyntax> words)
    {
        for (var i = 2; i < words.Count; i++)
        {
            if (words[i].GetLiteralValue() == "==" && words[i - 1].GetLiteralValue() is not ("=" or "!=" or "==" or "-eq" or "-ne" or "-lt" or "-le" or "-gt" or "-ge"))
            {
                yield return words[i];
            }
        }
    }

    /// <summary>The length of <c>NAME+=</c> at the start of an unquoted word, or 0.</summary>
    private static int PlusEqualsLength(WordSyntax word)
    {
        if (word.Parts.FirstOrDefault() is not LiteralPartSyntax { Token.Kind: SyntaxKind.LiteralToken } literal)
        {
            return 0;
        }

        var text = literal.Token.Text;
        var plus = text.IndexOf("+=", StringComparison.Ordinal);
        return plus > 0 && IsName(text[..plus]) ? plus + 2 : 0;
    }

    private static (TextSpan, string, string)? InExpansion(SyntaxTree tree, ParameterExpansionSyntax expansion)
    {
        var op = expansion.OperatorText;
        var bash = op is not null && expansion.ParameterName.Length > 0 && expansion.Hash is null
            && (op[0] is '/' or '^' or ',' || (op[0] == ':' && op.Length > 1 && op[1] is not ('-' or '=' or '?' or '+')));
        if (!bash)
        {
            return null;
        }

        var shown = $"`${{{expansion.ParameterName}{(op![0] == ':' ? ":" : op)}...}}`";
        return (tree.GetSpan(expansion), shown, "fails with \"Bad substitution\" when it runs this line; use `sed`, `expr` or the POSIX `${x#...}` and `${x%...}`");
    }

    /// <summary><c>$'...'</c>: an unquoted, unescaped <c>$</c> at the end of a literal, right before a single-quoted part.</summary>
    private static IEnumerable<(TextSpan, string, string)> DollarSingleQuotes(SyntaxTree tree, WordSyntax word)
    {
        for (var i = 0; i + 1 < word.Parts.Count; i++)
        {
            if (word.Parts[i] is LiteralPartSyntax { Token: { Kind: SyntaxKind.LiteralToken, Text: var text } } literal && EndsWithBareDollar(text)
                && word.Parts[i + 1] is SingleQuotedPartSyntax quoted)
            {
                var start = tree.GetSpan(literal).End - 1;
                yield return (TextSpan.FromBounds(start, tree.GetSpan(quoted).End), "`$'...'`", "reads it as `$` followed by a single-quoted string, without escapes: `$'\\t'` is the three characters `$\\t`");
            }
        }
    }

    private static bool EndsWithBareDollar(string text)
    {
        if (!text.EndsWith('$'))
        {
            return false;
        }

        var backslashes = text.Length - 1 - text[..^1].TrimEnd('\\').Length;
        return backslashes % 2 == 0;
    }

    /// <summary><c>((</c> with nothing between: bash's arithmetic command, dash's two subshells.</summary>
    private static (TextSpan, string, string)? DoubleParen(SyntaxTree tree, SubshellSyntax outer)
    {
        if (outer.Statements.FirstOrDefault()?.Command is not SubshellSyntax inner || tree.GetSpan(inner).Start != tree.GetSpan(outer.OpenParen).End)
        {
            return null;
        }

        return (TextSpan.FromBounds(tree.GetSpan(outer.OpenParen).Start, tree.GetSpan(inner.OpenParen).End), "`((...))`", "runs two nested subshells, not arithmetic; use `: $((...))` or `[ ... ]`");
    }

    /// <summary><c>&amp;&gt;</c> and <c>&lt;&lt;&lt;</c>, which dash lexes as two operators with nothing between.</summary>
    private static IEnumerable<(TextSpan, string, string)> InOperators(SyntaxTree tree, ScriptSyntax root)
    {
        SyntaxToken? previous = null;
        foreach (var token in root.DescendantTokens().Where(t => t.FullWidth > 0))
        {
            // The kinds first: finding a token's position looks it up in the tree, and nearly every pair is neither.
            var ampersandGreater = previous?.Kind == SyntaxKind.AmpersandToken && token.Kind is SyntaxKind.GreaterToken or SyntaxKind.GreaterGreaterToken;
            var tripleLess = previous?.Kind == SyntaxKind.LessLessToken && token.Kind == SyntaxKind.LessToken;
            if ((ampersandGreater || tripleLess) && tree.GetSpan(token).Start == tree.GetSpan(previous!).End)
            {
                var span = TextSpan.FromBounds(tree.GetSpan(previous!).Start, tree.GetSpan(token).End);
                yield return ampersandGreater
                    ? (span, "`&>`", "runs the command in the background, then truncates the file with an empty command; write `>file 2>&1`")
                    : (span, "`<<<`", "rejects it with a syntax error (\"redirection unexpected\"); use a here-document or `echo ... |`");
            }

            previous = token;
        }
    }

    private static bool IsName(string text) => text.Length > 0 && (char.IsAsciiLetter(text[0]) || text[0] == '_') && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
