namespace ConfigConvert.ShellParser;

/// <summary><c>{ list; }</c></summary>
public sealed class BraceGroupSyntax : CommandSyntax
{
    internal BraceGroupSyntax(SyntaxToken openBrace, SyntaxList<StatementSyntax> statements, SyntaxToken closeBrace)
        : base(SyntaxKind.BraceGroup, openBrace, statements, closeBrace)
    {
    }

    /// <summary><c>{</c></summary>
    public SyntaxToken OpenBrace => Slot<SyntaxToken>(0);

    /// <summary>The statements.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(1);

    /// <summary><c>}</c></summary>
    public SyntaxToken CloseBrace => Slot<SyntaxToken>(2);

    /// <summary>Returns the group with other statements.</summary>
    public BraceGroupSyntax WithStatements(SyntaxList<StatementSyntax> statements) => (BraceGroupSyntax)WithSlot(1, statements);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new BraceGroupSyntax((SyntaxToken)s[0]!, (SyntaxList<StatementSyntax>)s[1]!, (SyntaxToken)s[2]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitBraceGroup(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitBraceGroup(this);
}

/// <summary><c>( list )</c></summary>
public sealed class SubshellSyntax : CommandSyntax
{
    internal SubshellSyntax(SyntaxToken openParen, SyntaxList<StatementSyntax> statements, SyntaxToken closeParen)
        : base(SyntaxKind.Subshell, openParen, statements, closeParen)
    {
    }

    /// <summary><c>(</c></summary>
    public SyntaxToken OpenParen => Slot<SyntaxToken>(0);

    /// <summary>The statements.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(1);

    /// <summary><c>)</c></summary>
    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new SubshellSyntax((SyntaxToken)s[0]!, (SyntaxList<StatementSyntax>)s[1]!, (SyntaxToken)s[2]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitSubshell(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitSubshell(this);
}

/// <summary><c>if cond; then list; [elif ...] [else ...] fi</c></summary>
public sealed class IfCommandSyntax : CommandSyntax
{
    internal IfCommandSyntax(SyntaxToken ifKeyword, SyntaxList<StatementSyntax> condition, SyntaxToken thenKeyword, SyntaxList<StatementSyntax> statements, SyntaxList<SyntaxNode> elseClauses, SyntaxToken fiKeyword)
        : base(SyntaxKind.IfCommand, ifKeyword, condition, thenKeyword, statements, elseClauses, fiKeyword)
    {
    }

    /// <summary><c>if</c></summary>
    public SyntaxToken IfKeyword => Slot<SyntaxToken>(0);

    /// <summary>The condition.</summary>
    public SyntaxList<StatementSyntax> Condition => Slot<SyntaxList<StatementSyntax>>(1);

    /// <summary><c>then</c></summary>
    public SyntaxToken ThenKeyword => Slot<SyntaxToken>(2);

    /// <summary>The statements run when the condition holds.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(3);

    /// <summary><see cref="ElifClauseSyntax"/>s, then at most one <see cref="ElseClauseSyntax"/>.</summary>
    public SyntaxList<SyntaxNode> ElseClauses => Slot<SyntaxList<SyntaxNode>>(4);

    /// <summary><c>fi</c></summary>
    public SyntaxToken FiKeyword => Slot<SyntaxToken>(5);

    /// <summary>Returns the command with other statements in its <c>then</c> branch.</summary>
    public IfCommandSyntax WithStatements(SyntaxList<StatementSyntax> statements) => (IfCommandSyntax)WithSlot(3, statements);

    /// <summary>Returns the command with other elif/else clauses.</summary>
    public IfCommandSyntax WithElseClauses(SyntaxList<SyntaxNode> clauses) => (IfCommandSyntax)WithSlot(4, clauses);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new IfCommandSyntax((SyntaxToken)s[0]!, (SyntaxList<StatementSyntax>)s[1]!, (SyntaxToken)s[2]!, (SyntaxList<StatementSyntax>)s[3]!, (SyntaxList<SyntaxNode>)s[4]!, (SyntaxToken)s[5]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitIfCommand(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitIfCommand(this);
}

/// <summary><c>elif cond; then list</c></summary>
public sealed class ElifClauseSyntax : SyntaxNode
{
    internal ElifClauseSyntax(SyntaxToken elifKeyword, SyntaxList<StatementSyntax> condition, SyntaxToken thenKeyword, SyntaxList<StatementSyntax> statements)
        : base(SyntaxKind.ElifClause, elifKeyword, condition, thenKeyword, statements)
    {
    }

    /// <summary><c>elif</c></summary>
    public SyntaxToken ElifKeyword => Slot<SyntaxToken>(0);

    /// <summary>The condition.</summary>
    public SyntaxList<StatementSyntax> Condition => Slot<SyntaxList<StatementSyntax>>(1);

    /// <summary><c>then</c></summary>
    public SyntaxToken ThenKeyword => Slot<SyntaxToken>(2);

    /// <summary>The statements.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(3);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new ElifClauseSyntax((SyntaxToken)s[0]!, (SyntaxList<StatementSyntax>)s[1]!, (SyntaxToken)s[2]!, (SyntaxList<StatementSyntax>)s[3]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitElifClause(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitElifClause(this);
}

/// <summary><c>else list</c></summary>
public sealed class ElseClauseSyntax : SyntaxNode
{
    internal ElseClauseSyntax(SyntaxToken elseKeyword, SyntaxList<StatementSyntax> statements)
        : base(SyntaxKind.ElseClause, elseKeyword, statements)
    {
    }

    /// <summary><c>else</c></summary>
    public SyntaxToken ElseKeyword => Slot<SyntaxToken>(0);

    /// <summary>The statements.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(1);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new ElseClauseSyntax((SyntaxToken)s[0]!, (SyntaxList<StatementSyntax>)s[1]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitElseClause(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitElseClause(this);
}

/// <summary><c>case word in pattern) list;; ... esac</c></summary>
public sealed class CaseCommandSyntax : CommandSyntax
{
    internal CaseCommandSyntax(SyntaxToken caseKeyword, WordSyntax subject, SyntaxToken inKeyword, SyntaxList<CaseItemSyntax> items, SyntaxToken esacKeyword)
        : base(SyntaxKind.CaseCommand, caseKeyword, subject, inKeyword, items, esacKeyword)
    {
    }

    /// <summary><c>case</c></summary>
    public SyntaxToken CaseKeyword => Slot<SyntaxToken>(0);

    /// <summary>The word matched against the patterns.</summary>
    public WordSyntax Subject => Slot<WordSyntax>(1);

    /// <summary><c>in</c></summary>
    public SyntaxToken InKeyword => Slot<SyntaxToken>(2);

    /// <summary>The items.</summary>
    public SyntaxList<CaseItemSyntax> Items => Slot<SyntaxList<CaseItemSyntax>>(3);

    /// <summary><c>esac</c></summary>
    public SyntaxToken EsacKeyword => Slot<SyntaxToken>(4);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new CaseCommandSyntax((SyntaxToken)s[0]!, (WordSyntax)s[1]!, (SyntaxToken)s[2]!, (SyntaxList<CaseItemSyntax>)s[3]!, (SyntaxToken)s[4]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitCaseCommand(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitCaseCommand(this);
}

/// <summary><c>[(] pattern [| pattern]... ) list [;;]</c></summary>
public sealed class CaseItemSyntax : SyntaxNode
{
    internal CaseItemSyntax(SyntaxToken? openParen, SyntaxList<SyntaxElement> patterns, SyntaxToken closeParen, SyntaxList<StatementSyntax> statements, SyntaxToken? terminator)
        : base(SyntaxKind.CaseItem, openParen, patterns, closeParen, statements, terminator)
    {
    }

    /// <summary>The optional <c>(</c> before the patterns.</summary>
    public SyntaxToken? OpenParen => OptionalSlot<SyntaxToken>(0);

    /// <summary>Pattern words and <c>|</c> tokens, alternating.</summary>
    public SyntaxList<SyntaxElement> Patterns => Slot<SyntaxList<SyntaxElement>>(1);

    /// <summary>The pattern words.</summary>
    public IEnumerable<WordSyntax> PatternWords => Patterns.OfType<WordSyntax>();

    /// <summary><c>)</c></summary>
    public SyntaxToken CloseParen => Slot<SyntaxToken>(2);

    /// <summary>The statements.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(3);

    /// <summary><c>;;</c>; null for a last item without one.</summary>
    public SyntaxToken? Terminator => OptionalSlot<SyntaxToken>(4);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new CaseItemSyntax((SyntaxToken?)s[0], (SyntaxList<SyntaxElement>)s[1]!, (SyntaxToken)s[2]!, (SyntaxList<StatementSyntax>)s[3]!, (SyntaxToken?)s[4]);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitCaseItem(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitCaseItem(this);
}

/// <summary><c>for name [in words]; do list; done</c></summary>
public sealed class ForCommandSyntax : CommandSyntax
{
    internal ForCommandSyntax(SyntaxToken forKeyword, SyntaxToken name, SyntaxToken? inKeyword, SyntaxList<WordSyntax> words, SyntaxToken? separator, SyntaxToken doKeyword, SyntaxList<StatementSyntax> statements, SyntaxToken doneKeyword)
        : base(SyntaxKind.ForCommand, forKeyword, name, inKeyword, words, separator, doKeyword, statements, doneKeyword)
    {
    }

    /// <summary><c>for</c></summary>
    public SyntaxToken ForKeyword => Slot<SyntaxToken>(0);

    /// <summary>The loop variable.</summary>
    public SyntaxToken Name => Slot<SyntaxToken>(1);

    /// <summary><c>in</c>, if written (without it the loop runs over <c>"$@"</c>).</summary>
    public SyntaxToken? InKeyword => OptionalSlot<SyntaxToken>(2);

    /// <summary>The words after <c>in</c>.</summary>
    public SyntaxList<WordSyntax> Words => Slot<SyntaxList<WordSyntax>>(3);

    /// <summary>The <c>;</c> or line break before <c>do</c>, if any.</summary>
    public SyntaxToken? Separator => OptionalSlot<SyntaxToken>(4);

    /// <summary><c>do</c></summary>
    public SyntaxToken DoKeyword => Slot<SyntaxToken>(5);

    /// <summary>The body.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(6);

    /// <summary><c>done</c></summary>
    public SyntaxToken DoneKeyword => Slot<SyntaxToken>(7);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new ForCommandSyntax((SyntaxToken)s[0]!, (SyntaxToken)s[1]!, (SyntaxToken?)s[2], (SyntaxList<WordSyntax>)s[3]!, (SyntaxToken?)s[4], (SyntaxToken)s[5]!, (SyntaxList<StatementSyntax>)s[6]!, (SyntaxToken)s[7]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitForCommand(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitForCommand(this);
}

/// <summary><c>while cond; do list; done</c> or <c>until ...</c> (see <see cref="SyntaxElement.Kind"/>).</summary>
public sealed class WhileCommandSyntax : CommandSyntax
{
    internal WhileCommandSyntax(SyntaxKind kind, SyntaxToken keyword, SyntaxList<StatementSyntax> condition, SyntaxToken doKeyword, SyntaxList<StatementSyntax> statements, SyntaxToken doneKeyword)
        : base(kind, keyword, condition, doKeyword, statements, doneKeyword)
    {
    }

    /// <summary><c>while</c> or <c>until</c></summary>
    public SyntaxToken Keyword => Slot<SyntaxToken>(0);

    /// <summary>The condition.</summary>
    public SyntaxList<StatementSyntax> Condition => Slot<SyntaxList<StatementSyntax>>(1);

    /// <summary><c>do</c></summary>
    public SyntaxToken DoKeyword => Slot<SyntaxToken>(2);

    /// <summary>The body.</summary>
    public SyntaxList<StatementSyntax> Statements => Slot<SyntaxList<StatementSyntax>>(3);

    /// <summary><c>done</c></summary>
    public SyntaxToken DoneKeyword => Slot<SyntaxToken>(4);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new WhileCommandSyntax(Kind, (SyntaxToken)s[0]!, (SyntaxList<StatementSyntax>)s[1]!, (SyntaxToken)s[2]!, (SyntaxList<StatementSyntax>)s[3]!, (SyntaxToken)s[4]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitWhileCommand(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitWhileCommand(this);
}
