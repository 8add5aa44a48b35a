using System.Buffers;
using System.Text;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Converter.Emit;

/// <summary>
/// Writes the new config as edits of the old text: each registration statement is cut out (with the
/// comment lines above it) and moved, indented, into the <c>else</c> branch of a block that takes the
/// place of the last one; every other byte stays where it was.
/// </summary>
internal static class ConfigWriter
{
    /// <summary>Characters a shell word may hold unquoted and mean the same: no expansion, splitting or globbing.</summary>
    private static readonly SearchValues<char> PlainCharacters = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./,:+=");

    /// <summary>
    /// Characters of a list word that may go on a line of its own inside double quotes: plain text and
    /// expansions of names (<c>$x</c>, <c>${x}</c>), which no line break inside the quotes can change.
    /// </summary>
    private static readonly SearchValues<char> ListWordCharacters = SearchValues.Create(
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./,:+=${}");

    public static string Write(SyntaxTree tree, ConversionPlan plan)
    {
        if (plan.Collected is { } collected)
        {
            return WriteCollected(tree, plan, collected);
        }

        var text = tree.Text.Text;
        var newline = "\n";
        var moved = new StringBuilder();
        var cuts = new List<TextSpan>();
        var last = plan.Registrations[^1];
        var indent = LineIndent(text, tree.GetSpan(last).Start);

        // Indent the way the file does: with a tab where the block's own line starts with one.
        var step = indent.EndsWith('\t') ? "\t" : "    ";
        foreach (var statement in plan.Registrations)
        {
            // Blank lines above the first registration stay where they are; between two
            // registrations they move with the second, keeping the old spacing in the old text.
            var (cut, piece) = Cut(tree, statement, keepBlankLines: cuts.Count == 0);
            cuts.Add(cut);
            moved.Append(Indent(tree, statement, piece, cut.Start, step));
        }

        if (moved.Length > 0 && moved[^1] != '\n')
        {
            moved.Append(newline);
        }

        var block = Block(plan, indent, step, moved.ToString());
        var output = new StringBuilder(text.Length + block.Length);
        var position = 0;
        for (var i = 0; i < cuts.Count; i++)
        {
            output.Append(text, position, cuts[i].Start - position);
            if (i == cuts.Count - 1)
            {
                output.Append(block);
            }

            position = cuts[i].End;
        }

        output.Append(text, position, text.Length - position);
        return output.ToString();
    }

    /// <summary>
    /// Rewrites each append in place to collect into the module's variable, empties the variables that
    /// do not start at the top level before the first statement that registers anything, and puts the
    /// description after the last one, with the old branch appending the variables to configure's lists.
    /// </summary>
    private static string WriteCollected(SyntaxTree tree, ConversionPlan plan, CollectedLists collected)
    {
        var text = tree.Text.Text;
        var edits = collected.Rewrites.Select(r => (Span: tree.GetSpan(r.Assignment), r.Text)).ToList();
        foreach (var (before, initialisation) in collected.Initialisations)
        {
            var lineStart = text.LastIndexOf('\n', Math.Max(0, tree.GetSpan(before).Start - 1)) + 1;
            edits.Add((new TextSpan(lineStart, 0), initialisation));
        }

        var after = tree.GetFullSpan(collected.Last).End;
        var step = text.Contains("\n\t", StringComparison.Ordinal) && !text.Contains("\n    ", StringComparison.Ordinal) ? "\t" : "    ";
        var moved = string.Concat(collected.LegacyAppends.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => step + l + "\n"));
        var separator = after > 0 && text[after - 1] != '\n' ? "\n\n" : "\n";
        edits.Add((new TextSpan(after, 0), separator + Block(plan, string.Empty, step, moved)));

        var output = new StringBuilder(text.Length + 512);
        var position = 0;
        foreach (var (span, replacement) in edits.OrderBy(e => e.Span.Start).ThenBy(e => e.Span.Length))
        {
            output.Append(text, position, span.Start - position).Append(replacement);
            position = span.End;
        }

        return output.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>
    /// The text a statement takes with it: from the lines above it that belong to it (comments, and
    /// blank lines unless kept) to the end of its line, here-document bodies included.
    /// </summary>
    private static (TextSpan Cut, string Piece) Cut(SyntaxTree tree, StatementSyntax statement, bool keepBlankLines)
    {
        var text = tree.Text.Text;
        var full = tree.GetFullSpan(statement);
        var start = full.Start;
        var first = statement.GetFirstToken()!;
        var offset = 0;
        var keep = 0;
        foreach (var trivia in first.LeadingTrivia)
        {
            offset += trivia.FullWidth;
            if (keepBlankLines && trivia.Kind == SyntaxKind.EndOfLineTrivia && text[start..(start + offset)].Trim().Length == 0)
            {
                // Blank lines above stay in place.
                keep = offset;
            }
        }

        var cut = TextSpan.FromBounds(start + keep, full.End);
        return (cut, text[cut.Start..cut.End]);
    }

    /// <summary>Adds one indentation step to each line that starts outside a multi-line string or here-document.</summary>
    private static string Indent(SyntaxTree tree, StatementSyntax statement, string piece, int pieceStart, string step)
    {
        var protectedSpans = new List<TextSpan>();
        var position = tree.GetFullSpan(statement).Start;
        foreach (var token in statement.DescendantTokens())
        {
            var leading = token.LeadingTriviaWidth;
            if (token.Text.Contains('\n'))
            {
                protectedSpans.Add(new TextSpan(position + leading, token.Width));
            }

            var trailingStart = position + leading + token.Width;
            foreach (var trivia in token.TrailingTrivia)
            {
                if (trivia.Kind == SyntaxKind.HereDocumentBodyTrivia)
                {
                    protectedSpans.Add(new TextSpan(trailingStart, trivia.FullWidth));
                }

                trailingStart += trivia.FullWidth;
            }

            position += token.FullWidth;
        }

        var builder = new StringBuilder(piece.Length + 32);
        var atLineStart = true;
        for (var i = 0; i < piece.Length; i++)
        {
            var absolute = pieceStart + i;
            if (atLineStart && piece[i] != '\n' && !protectedSpans.Any(s => absolute > s.Start && absolute < s.End))
            {
                builder.Append(step);
            }

            builder.Append(piece[i]);
            atLineStart = piece[i] == '\n';
        }

        return builder.ToString();
    }

    private static string LineIndent(string text, int position)
    {
        var lineStart = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
        var end = lineStart;
        while (end < text.Length && text[end] is ' ' or '\t')
        {
            end++;
        }

        return text[lineStart..end];
    }

    private static string Block(ConversionPlan plan, string indent, string step, string moved)
    {
        var inner = indent + step;
        var builder = new StringBuilder();
        switch (plan.Shape)
        {
            case PlanShape.Simple when !plan.Compatibility:
                Describe(builder, indent, plan.StaticCalls[0], blankBeforeCall: true);
                return builder.ToString();
            case PlanShape.Simple:
                builder.Append(indent).Append("if test -n \"$ngx_module_link\"; then\n");
                Describe(builder, inner, plan.StaticCalls[0], blankBeforeCall: true);
                break;
            case PlanShape.Positioned:
                builder.Append(indent).Append("if [ \"$ngx_module_link\" = DYNAMIC ]; then\n");
                Describe(builder, inner, plan.DynamicCall!, blankBeforeCall: true);

                // A static build keeps the old placement: the old text does it, for ADDON as for old nginx.
                builder.Append(indent).Append("else\n").Append(moved);
                builder.Append(indent).Append("fi\n");
                return builder.ToString();
            case PlanShape.MultiType:
                builder.Append(indent).Append("if [ \"$ngx_module_link\" = DYNAMIC ]; then\n");
                Describe(builder, inner, plan.DynamicCall!, blankBeforeCall: true);
                builder.Append(indent).Append("elif [ \"$ngx_module_link\" = ADDON ]; then\n");
                for (var i = 0; i < plan.StaticCalls.Length; i++)
                {
                    if (i > 0)
                    {
                        builder.Append('\n');
                    }

                    Describe(builder, inner, plan.StaticCalls[i], blankBeforeCall: false);
                }

                if (!plan.Compatibility)
                {
                    builder.Append(indent).Append("fi\n");
                    return builder.ToString();
                }

                break;
        }

        builder.Append(indent).Append("else\n").Append(moved);
        builder.Append(indent).Append("fi\n");
        return builder.ToString();
    }

    private static void Describe(StringBuilder builder, string indent, ModuleCall call, bool blankBeforeCall)
    {
        void Line(string name, string value, bool always)
        {
            if (value.Length > 0 || always)
            {
                var text = call.OneItemPerLine.Contains(name) ? OneItemPerLine(value, indent.Length + name.Length + 2) : value;
                builder.Append(indent).Append(name).Append('=').Append(Quote(text)).Append('\n');
            }
        }

        Line(AutoModuleVariables.Type, call.Type.Name, true);
        Line(AutoModuleVariables.Name, call.Names, true);
        Line(AutoModuleVariables.Incs, call.Incs, call.ResetUnused);
        Line(AutoModuleVariables.Deps, call.Deps, call.ResetUnused);
        Line(AutoModuleVariables.Sources, call.Sources, true);
        Line(AutoModuleVariables.Libs, call.Libs, call.ResetUnused);
        Line(AutoModuleVariables.Order, call.Order, call.ResetUnused);
        if (blankBeforeCall)
        {
            builder.Append('\n');
        }

        builder.Append(indent).Append(". auto/module\n");
    }

    /// <summary>
    /// The words of <paramref name="value"/> one a line, continued with backslash-newline and aligned under
    /// the first (at <paramref name="column"/>), when every word is plain text and expansions of names: a
    /// word with quotes, spaces or substitutions in it is left on one line rather than split wrongly.
    /// </summary>
    private static string OneItemPerLine(string value, int column)
    {
        var words = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var plain = words.All(w => !w.AsSpan().ContainsAnyExcept(ListWordCharacters));
        return words.Length < 2 || !plain ? value : string.Join(" \\\n" + new string(' ', column), words);
    }

    /// <summary>Plain words as they are; anything else in double quotes (the text is already valid there).</summary>
    private static string Quote(string value)
        => value.Length > 0 && !value.AsSpan().ContainsAnyExcept(PlainCharacters)
            ? value
            : "\"" + value + "\"";
}
