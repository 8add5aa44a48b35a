using System.Collections.Immutable;

namespace ConfigConvert.ShellParser;

/// <summary>A whole script: its statements and the end of the input.</summary>
public sealed class ScriptSyntax : SyntaxNode
{
    private ImmutableArray<SyntaxNode> _allDescendantNodes;

    internal ScriptSyntax(SyntaxList<StatementSyntax> statements, SyntaxToken endOfFile)
        : base(SyntaxKind.Script, statements, endOfFile)
    {
    }

    /// <summary>The top-level statements.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(0);

    /// <summary>The end of the input; its leading trivia holds comments and blank lines after the last statement.</summary>
    public SyntaxToken EndOfFile => Slot<SyntaxToken>(1);

    /// <summary>Returns the script with other statements.</summary>
    public ScriptSyntax WithStatements(SyntaxList<StatementSyntax> statements) => (ScriptSyntax)WithSlot(0, statements);

    /// <summary>
    /// Every node of the script, depth first, walked once: the rules of a check each look through a module's whole
    /// config for the commands they read, a score of walks over the same immutable tree.
    /// </summary>
    internal ImmutableArray<SyntaxNode> AllDescendantNodes
    {
        get
        {
            if (_allDescendantNodes.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref _allDescendantNodes, [.. WalkDescendantNodes()]);
            }

            return _allDescendantNodes;
        }
    }

    /// <summary>Returns the script with another end-of-file token.</summary>
    public ScriptSyntax WithEndOfFile(SyntaxToken endOfFile) => (ScriptSyntax)WithSlot(1, endOfFile);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new ScriptSyntax((SyntaxList<StatementSyntax>)s[0]!, (SyntaxToken)s[1]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitScript(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitScript(this);
}

/// <summary>A command and the token that ends it (<c>;</c>, <c>&amp;</c>, a line break, or none before a closing keyword).</summary>
public sealed class StatementSyntax : SyntaxNode
{
    internal StatementSyntax(CommandSyntax command, SyntaxToken? separator)
        : base(SyntaxKind.Statement, command, separator)
    {
    }

    /// <summary>The command.</summary>
    public CommandSyntax Command => Slot<CommandSyntax>(0);

    /// <summary>The separator, or null when a closing keyword or the end of input follows directly.</summary>
    public SyntaxToken? Separator => OptionalSlot<SyntaxToken>(1);

    /// <summary>True when the command runs in the background (<c>&amp;</c>).</summary>
    public bool IsAsync => Separator?.Kind == SyntaxKind.AmpersandToken;

    /// <summary>Returns the statement with another command.</summary>
    public StatementSyntax WithCommand(CommandSyntax command) => (StatementSyntax)WithSlot(0, command);

    /// <summary>Returns the statement with another separator.</summary>
    public StatementSyntax WithSeparator(SyntaxToken? separator) => (StatementSyntax)WithSlot(1, separator);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new StatementSyntax((CommandSyntax)s[0]!, (SyntaxToken?)s[1]);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitStatement(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitStatement(this);
}
