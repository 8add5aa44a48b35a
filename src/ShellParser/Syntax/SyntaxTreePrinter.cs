using System.Text;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>Writes a tree as indented text: one node or token a line, with its 1-based position.</summary>
internal sealed class SyntaxTreePrinter
{
    private readonly SyntaxTree _tree;
    private readonly StringBuilder _builder = new();

    private SyntaxTreePrinter(SyntaxTree tree) => _tree = tree;

    public static string Print(SyntaxTree tree)
    {
        var printer = new SyntaxTreePrinter(tree);
        printer.Write(tree.GetRoot(), 0);
        return printer._builder.ToString();
    }

    private void Write(SyntaxElement element, int indent)
    {
        // Lists are an artefact of the tree's shape, not something a reader looks for: their items
        // are shown directly under the node that owns the list.
        if (element is SyntaxNode { Kind: SyntaxKind.List } list)
        {
            foreach (var child in list.ChildElements())
            {
                Write(child, indent);
            }

            return;
        }

        var span = _tree.GetSpan(element);
        var start = _tree.Text.GetLinePosition(span.Start);
        _builder.Append(' ', indent * 2).Append(element.Kind).Append(' ').Append(Format(start)).Append('-').Append(Format(_tree.Text.GetLinePosition(span.End)));
        if (element is SyntaxToken token)
        {
            _builder.Append(' ').Append(Quote(token.Text));
            if (token.IsMissing)
            {
                _builder.Append(" (missing)");
            }

            AppendTrivia("leading", token.LeadingTrivia);
            AppendTrivia("trailing", token.TrailingTrivia);
            _builder.Append('\n');
            return;
        }

        if (element is BackquoteSubstitutionSyntax backquote)
        {
            _builder.Append('\n');
            foreach (var child in backquote.ChildElements())
            {
                Write(child, indent + 1);
            }

            _builder.Append(' ', (indent + 1) * 2).Append("Body (parsed from the unescaped text)\n");
            foreach (var line in Print(backquote.Body).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                _builder.Append(' ', (indent + 2) * 2).Append(line).Append('\n');
            }

            return;
        }

        _builder.Append('\n');
        foreach (var child in ((SyntaxNode)element).ChildElements())
        {
            Write(child, indent + 1);
        }
    }

    private void AppendTrivia(string label, IReadOnlyList<SyntaxTrivia> trivia)
    {
        if (trivia.Count == 0)
        {
            return;
        }

        _builder.Append(' ').Append(label).Append(": ");
        _builder.AppendJoin(' ', trivia.Select(t => t.Kind.ToString().Replace("Trivia", string.Empty, StringComparison.Ordinal) + Quote(t.Text)));
    }

    private static string Format(LinePosition position) => $"{position.Line}:{position.Column}";

    private static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }
}
