using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser;

/// <summary>
/// A parsed shell script, made by <c>SyntaxTree.ParseText</c> (see <see cref="SyntaxTreeParsing"/>).
/// Parsing never throws and always gives a tree whose <see cref="SyntaxElement.ToFullString"/> is the input, character for character, valid or not;
/// syntax problems come from <see cref="GetDiagnostics"/>.
/// </summary>
public sealed class SyntaxTree
{
    private readonly ScriptSyntax _root;
    private readonly ImmutableArray<Diagnostic> _diagnostics;
    private Dictionary<SyntaxElement, (int Position, SyntaxNode? Parent)>? _positions;

    internal SyntaxTree(SourceText text, string? filePath, ScriptSyntax root, ImmutableArray<Diagnostic> diagnostics)
    {
        Text = text;
        FilePath = filePath;
        _root = root;
        _diagnostics = diagnostics.IsDefault ? [] : diagnostics;
    }

    /// <summary>The text the tree was parsed from.</summary>
    public SourceText Text { get; }

    /// <summary>The path used in diagnostics, if any.</summary>
    public string? FilePath { get; }

    /// <summary>The root of the tree.</summary>
    public ScriptSyntax GetRoot() => _root;

    /// <summary>The syntax errors and warnings, in the order they appear in the text.</summary>
    public ImmutableArray<Diagnostic> GetDiagnostics() => _diagnostics;

    /// <summary>True when some diagnostic is an error.</summary>
    public bool HasErrors => _diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>
    /// A tree with another root, for example one returned by a <see cref="SyntaxRewriter"/>. Its text is
    /// the new root's text; it has no diagnostics (parse that text again to check it).
    /// </summary>
    public SyntaxTree WithRoot(ScriptSyntax root) => ReferenceEquals(root, _root) ? this : new SyntaxTree(Text.WithText(root.ToFullString()), FilePath, root, []);

    /// <summary>An indented dump of the tree, one node or token a line with its 1-based start and end, for people reading a parse.</summary>
    public string Dump() => SyntaxTreePrinter.Print(this);

    /// <summary>The span of an element's own text (trivia excluded) in this tree.</summary>
    public TextSpan GetSpan(SyntaxElement element)
    {
        var start = GetFullStart(element) + element.LeadingTriviaWidth;
        var trailing = element.GetLastToken() is { } last ? last.TrailingTrivia.Sum(t => t.FullWidth) : 0;
        return TextSpan.FromBounds(start, Math.Max(start, GetFullStart(element) + element.FullWidth - trailing));
    }

    /// <summary>The span of an element with its trivia.</summary>
    public TextSpan GetFullSpan(SyntaxElement element) => new(GetFullStart(element), element.FullWidth);

    /// <summary>The file, span and 1-based line and column of an element.</summary>
    public Location GetLocation(SyntaxElement element) => Location.Create(FilePath, Text, GetSpan(element));

    /// <summary>The node that contains <paramref name="element"/>, or null for the root.</summary>
    public SyntaxNode? GetParent(SyntaxElement element) => Lookup(element).Parent;

    /// <summary>The nodes that contain <paramref name="element"/>, innermost first.</summary>
    public IEnumerable<SyntaxNode> GetAncestors(SyntaxElement element)
    {
        for (var parent = GetParent(element); parent is not null; parent = GetParent(parent))
        {
            yield return parent;
        }
    }

    private int GetFullStart(SyntaxElement element) => Lookup(element).Position;

    private (int Position, SyntaxNode? Parent) Lookup(SyntaxElement element)
    {
        var positions = _positions ??= BuildPositions();
        return positions.TryGetValue(element, out var entry)
            ? entry
            : throw new ArgumentException("The element is not part of this tree.", nameof(element));
    }

    // Nodes keep no positions, so that unchanged nodes can be shared between trees; one walk records
    // where each element of this tree starts and which node holds it. The map is made at its final size,
    // counted by a first walk: grown as it filled, the arrays it left behind were as large as the map, and
    // the model asks for a position in every config it evaluates (docs/performance.md, the twenty-second round).
    private Dictionary<SyntaxElement, (int, SyntaxNode?)> BuildPositions()
    {
        var map = new Dictionary<SyntaxElement, (int, SyntaxNode?)>(Walk(_root, null), ReferenceEqualityComparer.Instance);
        Walk(_root, map);
        return map;
    }

    /// <summary>
    /// Visits every element under <paramref name="root"/> in the order of the text, with an explicit stack (a tree may
    /// nest a million deep), recording each one's position and parent in <paramref name="map"/> when there is one;
    /// returns how many it visited.
    /// </summary>
    private static int Walk(ScriptSyntax root, Dictionary<SyntaxElement, (int, SyntaxNode?)>? map)
    {
        var visited = 0;
        var stack = new Stack<(SyntaxElement Element, int Position, SyntaxNode? Parent)>();
        var children = new List<(SyntaxElement, int, SyntaxNode?)>();
        stack.Push((root, 0, null));
        while (stack.Count > 0)
        {
            var (element, position, parent) = stack.Pop();
            visited++;
            map?.TryAdd(element, (position, parent));
            if (element is SyntaxNode node)
            {
                children.Clear();
                var offset = position;
                for (var next = 0; SyntaxNode.NextChild(node, ref next) is { } child;)
                {
                    children.Add((child, offset, node));
                    offset += child.FullWidth;
                }

                for (var i = children.Count - 1; i >= 0; i--)
                {
                    stack.Push(children[i]);
                }
            }
        }

        return visited;
    }
}
