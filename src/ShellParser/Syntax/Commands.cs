namespace ConfigConvert.ShellParser;

/// <summary>Any command: simple, compound, a pipeline, an and-or list, a function definition.</summary>
public abstract class CommandSyntax : SyntaxNode
{
    private protected CommandSyntax(SyntaxKind kind, SyntaxElement? onlySlot)
        : base(kind, onlySlot)
    {
    }

    private protected CommandSyntax(SyntaxKind kind, params SyntaxElement?[] slots)
        : base(kind, slots)
    {
    }
}

/// <summary>Assignments, words and redirections in the order written: <c>have=NDK . auto/have &gt;/dev/null</c>.</summary>
public sealed class SimpleCommandSyntax : CommandSyntax
{
    internal SimpleCommandSyntax(SyntaxList<SyntaxNode> elements)
        : base(SyntaxKind.SimpleCommand, elements)
    {
    }

    /// <summary>Every assignment, word and redirection, in order.</summary>
    public SyntaxList<SyntaxNode> Elements => Slot<SyntaxList<SyntaxNode>>(0);

    /// <summary>The assignments before the command name.</summary>
    public IEnumerable<AssignmentSyntax> Assignments => Elements.OfType<AssignmentSyntax>();

    /// <summary>The command name and its arguments.</summary>
    public IEnumerable<WordSyntax> Words => Elements.OfType<WordSyntax>();

    /// <summary>The redirections, wherever they stand.</summary>
    public IEnumerable<RedirectSyntax> Redirects => Elements.OfType<RedirectSyntax>();

    /// <summary>The command name, or null for a command that only assigns or redirects.</summary>
    public WordSyntax? CommandName => Words.FirstOrDefault();

    /// <summary>Returns the command with other elements.</summary>
    public SimpleCommandSyntax WithElements(SyntaxList<SyntaxNode> elements) => (SimpleCommandSyntax)WithSlot(0, elements);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new SimpleCommandSyntax((SyntaxList<SyntaxNode>)s[0]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitSimpleCommand(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitSimpleCommand(this);
}

/// <summary><c>NAME=value</c>. bash's <c>NAME+=value</c> is not one: dash reads it as a command name.</summary>
public sealed class AssignmentSyntax : SyntaxNode
{
    internal AssignmentSyntax(SyntaxToken name, SyntaxToken equalsToken, WordSyntax? value)
        : base(SyntaxKind.Assignment, name, equalsToken, value)
    {
    }

    /// <summary>The variable name.</summary>
    public SyntaxToken Name => Slot<SyntaxToken>(0);

    /// <summary><c>=</c> or <c>+=</c>.</summary>
    public SyntaxToken EqualsToken => Slot<SyntaxToken>(1);

    /// <summary>The value, or null for <c>NAME=</c>.</summary>
    public WordSyntax? Value => OptionalSlot<WordSyntax>(2);

    /// <summary>Returns the assignment with another value.</summary>
    public AssignmentSyntax WithValue(WordSyntax? value) => (AssignmentSyntax)WithSlot(2, value);

    /// <summary>Returns the assignment with another name.</summary>
    public AssignmentSyntax WithName(SyntaxToken name) => (AssignmentSyntax)WithSlot(0, name);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new AssignmentSyntax((SyntaxToken)s[0]!, (SyntaxToken)s[1]!, (WordSyntax?)s[2]);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitAssignment(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitAssignment(this);
}

/// <summary>A redirection: <c>2&gt;&amp;1</c>, <c>&gt;file</c>, <c>&lt;&lt;EOF</c>. A here-document's body is trivia after the line break that ends its line.</summary>
public sealed class RedirectSyntax : SyntaxNode
{
    internal RedirectSyntax(SyntaxToken? ioNumber, SyntaxToken operatorToken, WordSyntax target)
        : base(SyntaxKind.Redirect, ioNumber, operatorToken, target)
    {
    }

    /// <summary>The file descriptor number, if written.</summary>
    public SyntaxToken? IoNumber => OptionalSlot<SyntaxToken>(0);

    /// <summary>The operator.</summary>
    public SyntaxToken Operator => Slot<SyntaxToken>(1);

    /// <summary>The file, descriptor or here-document delimiter.</summary>
    public WordSyntax Target => Slot<WordSyntax>(2);

    /// <summary>True for <c>&lt;&lt;</c> and <c>&lt;&lt;-</c>.</summary>
    public bool IsHereDocument => Operator.Kind is SyntaxKind.LessLessToken or SyntaxKind.LessLessDashToken;

    /// <summary>Returns the redirection with another target.</summary>
    public RedirectSyntax WithTarget(WordSyntax target) => (RedirectSyntax)WithSlot(2, target);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new RedirectSyntax((SyntaxToken?)s[0], (SyntaxToken)s[1]!, (WordSyntax)s[2]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitRedirect(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitRedirect(this);
}

/// <summary>Commands joined with <c>|</c>, maybe negated with <c>!</c>.</summary>
public sealed class PipelineSyntax : CommandSyntax
{
    internal PipelineSyntax(SyntaxToken? bang, SyntaxList<SyntaxElement> elements)
        : base(SyntaxKind.Pipeline, bang, elements)
    {
    }

    /// <summary>The <c>!</c>, if any.</summary>
    public SyntaxToken? Bang => OptionalSlot<SyntaxToken>(0);

    /// <summary>Commands and <c>|</c> tokens, alternating.</summary>
    public SyntaxList<SyntaxElement> Elements => Slot<SyntaxList<SyntaxElement>>(1);

    /// <summary>The commands.</summary>
    public IEnumerable<CommandSyntax> Commands => Elements.OfType<CommandSyntax>();

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new PipelineSyntax((SyntaxToken?)s[0], (SyntaxList<SyntaxElement>)s[1]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitPipeline(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitPipeline(this);
}

/// <summary>Commands joined with <c>&amp;&amp;</c> and <c>||</c>, kept flat so long chains need no deep recursion.</summary>
public sealed class AndOrListSyntax : CommandSyntax
{
    internal AndOrListSyntax(SyntaxList<SyntaxElement> elements)
        : base(SyntaxKind.AndOrList, elements)
    {
    }

    /// <summary>Commands and <c>&amp;&amp;</c>/<c>||</c> tokens, alternating.</summary>
    public SyntaxList<SyntaxElement> Elements => Slot<SyntaxList<SyntaxElement>>(0);

    /// <summary>The commands.</summary>
    public IEnumerable<CommandSyntax> Commands => Elements.OfType<CommandSyntax>();

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new AndOrListSyntax((SyntaxList<SyntaxElement>)s[0]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitAndOrList(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitAndOrList(this);
}

/// <summary>A compound command followed by redirections: <c>{ ...; } &gt;file</c>.</summary>
public sealed class RedirectedCommandSyntax : CommandSyntax
{
    internal RedirectedCommandSyntax(CommandSyntax command, SyntaxList<RedirectSyntax> redirects)
        : base(SyntaxKind.RedirectedCommand, command, redirects)
    {
    }

    /// <summary>The compound command.</summary>
    public CommandSyntax Command => Slot<CommandSyntax>(0);

    /// <summary>The redirections after it.</summary>
    public SyntaxList<RedirectSyntax> Redirects => Slot<SyntaxList<RedirectSyntax>>(1);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new RedirectedCommandSyntax((CommandSyntax)s[0]!, (SyntaxList<RedirectSyntax>)s[1]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitRedirectedCommand(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitRedirectedCommand(this);
}

/// <summary><c>name() body</c>. bash's <c>function name body</c> is not one: dash reads <c>function</c> as a command name.</summary>
public sealed class FunctionDefinitionSyntax : CommandSyntax
{
    internal FunctionDefinitionSyntax(SyntaxToken name, SyntaxToken? openParen, SyntaxToken? closeParen, CommandSyntax body)
        : base(SyntaxKind.FunctionDefinition, name, openParen, closeParen, body)
    {
    }

    /// <summary>The function's name.</summary>
    public SyntaxToken Name => Slot<SyntaxToken>(0);

    /// <summary><c>(</c></summary>
    public SyntaxToken? OpenParen => OptionalSlot<SyntaxToken>(1);

    /// <summary><c>)</c></summary>
    public SyntaxToken? CloseParen => OptionalSlot<SyntaxToken>(2);

    /// <summary>The body.</summary>
    public CommandSyntax Body => Slot<CommandSyntax>(3);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new FunctionDefinitionSyntax((SyntaxToken)s[0]!, (SyntaxToken?)s[1], (SyntaxToken?)s[2], (CommandSyntax)s[3]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitFunctionDefinition(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitFunctionDefinition(this);
}

/// <summary>Tokens and words the parser skipped while recovering from a syntax error, kept so no text is lost.</summary>
public sealed class BadCommandSyntax : CommandSyntax
{
    internal BadCommandSyntax(SyntaxList<SyntaxElement> elements)
        : base(SyntaxKind.BadCommand, elements)
    {
    }

    /// <summary>What was skipped.</summary>
    public SyntaxList<SyntaxElement> Elements => Slot<SyntaxList<SyntaxElement>>(0);

    internal override SyntaxNode WithSlots(SyntaxElement?[] s) => new BadCommandSyntax((SyntaxList<SyntaxElement>)s[0]!);

    /// <inheritdoc />
    public override void Accept(SyntaxVisitor visitor) => visitor.VisitBadCommand(this);

    /// <inheritdoc />
    public override TResult Accept<TResult>(SyntaxVisitor<TResult> visitor) => visitor.VisitBadCommand(this);
}
