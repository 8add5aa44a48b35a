using System.Collections.Immutable;

namespace ConfigConvert.ShellParser;

/// <summary>
/// What one parse reuses from token to token, shared with the parsers of its backquote bodies (which
/// run to their end inside it): the tables of shared texts and blanks, and the scratch stacks that
/// lists are built on. A parser of one backquote body thus costs no tables of its own.
/// </summary>
internal sealed class ParseBuffers
{
    /// <summary>Trivia texts up to this length are shared: each distinct one is one string per parse.</summary>
    public const int MaxSharedTextLength = 64;

    /// <summary>How many texts, and runs of blanks, the tables keep before <see cref="Bound"/> empties them.</summary>
    public const int MaxSharedEntries = 4096;

    /// <summary>Runs of spaces or of tabs shorter than this are found by their length.</summary>
    public const int UniformBlankRuns = 32;

    // Scripts repeat the same indentation and spacing over and over: a trivia's text is the table's
    // string when the table has it, so a parse allocates each short text once.
    public HashSet<string>.AlternateLookup<ReadOnlySpan<char>> SharedTexts { get; } = new HashSet<string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>One whitespace trivia per distinct run of blanks (a trivia list is immutable, so tokens share it).</summary>
    public Dictionary<string, ImmutableArray<SyntaxTrivia>>.AlternateLookup<ReadOnlySpan<char>> SharedBlanks { get; }
        = new Dictionary<string, ImmutableArray<SyntaxTrivia>>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public ImmutableArray<SyntaxTrivia>[] SpaceRuns { get; } = new ImmutableArray<SyntaxTrivia>[UniformBlankRuns];

    public ImmutableArray<SyntaxTrivia>[] TabRuns { get; } = new ImmutableArray<SyntaxTrivia>[UniformBlankRuns];

    /// <summary>
    /// Empties the tables of shared texts and blanks once they hold more than <see cref="MaxSharedEntries"/>. The parses
    /// of a script's windows (<see cref="WindowedParse"/>) share one set of tables, and they would otherwise keep every
    /// distinct short comment of the script, so that memory would grow with it. Tokens keep the texts they took.
    /// </summary>
    public void Bound()
    {
        if (SharedTexts.Set.Count > MaxSharedEntries)
        {
            SharedTexts.Set.Clear();
        }

        if (SharedBlanks.Dictionary.Count > MaxSharedEntries)
        {
            SharedBlanks.Dictionary.Clear();
        }
    }

    /// <summary>Trivia of the token being lexed.</summary>
    public List<SyntaxTrivia> Trivia { get; } = [];

    public ScratchStack<WordPartSyntax> Parts { get; } = new();

    public ScratchStack<StatementSyntax> Statements { get; } = new();

    public ScratchStack<SyntaxElement> Chains { get; } = new();

    public ScratchStack<SyntaxNode> CommandElements { get; } = new();
}
