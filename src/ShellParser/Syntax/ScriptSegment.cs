using System.Collections.Immutable;
using System.Text;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.ShellParser;

/// <summary>
/// A run of consecutive top-level statements of a script, with the syntax diagnostics that fall inside
/// it, made by <c>SyntaxTree.ParseSegments</c> (see <see cref="SyntaxTreeParsing"/>) while the rest
/// of the script is still unparsed. The segments of a script, one after the other, are exactly what
/// <c>SyntaxTree.ParseText</c> makes of it: the same statements, the same text character for character
/// (the last segment holds the end of the input), and the same diagnostics in the same order.
/// </summary>
public sealed class ScriptSegment
{
    internal ScriptSegment(int position, SyntaxList<StatementSyntax> statements, SyntaxToken? endOfFile, ImmutableArray<Diagnostic> diagnostics)
    {
        Position = position;
        Statements = statements;
        EndOfFile = endOfFile;
        Diagnostics = diagnostics;
    }

    /// <summary>Where the segment's text, trivia included, starts in the script (0-based, in characters).</summary>
    public int Position { get; }

    /// <summary>The statements, in the order of the text; empty in a last segment that holds only the end of the input.</summary>
    public SyntaxList<StatementSyntax> Statements { get; }

    /// <summary>The end of the input, with the comments and blank lines after the last statement: set on the last segment only.</summary>
    public SyntaxToken? EndOfFile { get; }

    /// <summary>True for the last segment of the script.</summary>
    public bool IsLast => EndOfFile is not null;

    /// <summary>The syntax errors and warnings that start inside this segment, in the order they appear in the text (the last segment takes those at the very end).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Length of the segment's text, trivia included.</summary>
    public int FullWidth => Statements.FullWidth + (EndOfFile?.FullWidth ?? 0);

    /// <summary>The exact text of the segment, trivia included.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(FullWidth);
        Statements.WriteTo(builder);
        EndOfFile?.WriteTo(builder);
        return builder.ToString();
    }
}
