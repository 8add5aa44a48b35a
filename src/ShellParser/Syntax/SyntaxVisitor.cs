namespace ConfigConvert.ShellParser;

/// <summary>Visits nodes by type; each method defaults to <see cref="DefaultVisit"/>.</summary>
public abstract class SyntaxVisitor
{
    /// <summary>Dispatches to the method for the node's type.</summary>
    public virtual void Visit(SyntaxNode? node) => node?.Accept(this);

    /// <summary>Called for nodes whose method is not overridden.</summary>
    public virtual void DefaultVisit(SyntaxNode node)
    {
    }

    /// <summary>Visits a list node.</summary>
    public virtual void VisitList(SyntaxNode node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ScriptSyntax"/>.</summary>
    public virtual void VisitScript(ScriptSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="StatementSyntax"/>.</summary>
    public virtual void VisitStatement(StatementSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SimpleCommandSyntax"/>.</summary>
    public virtual void VisitSimpleCommand(SimpleCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AssignmentSyntax"/>.</summary>
    public virtual void VisitAssignment(AssignmentSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="RedirectSyntax"/>.</summary>
    public virtual void VisitRedirect(RedirectSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="PipelineSyntax"/>.</summary>
    public virtual void VisitPipeline(PipelineSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AndOrListSyntax"/>.</summary>
    public virtual void VisitAndOrList(AndOrListSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="RedirectedCommandSyntax"/>.</summary>
    public virtual void VisitRedirectedCommand(RedirectedCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="FunctionDefinitionSyntax"/>.</summary>
    public virtual void VisitFunctionDefinition(FunctionDefinitionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BadCommandSyntax"/>.</summary>
    public virtual void VisitBadCommand(BadCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BraceGroupSyntax"/>.</summary>
    public virtual void VisitBraceGroup(BraceGroupSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SubshellSyntax"/>.</summary>
    public virtual void VisitSubshell(SubshellSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="IfCommandSyntax"/>.</summary>
    public virtual void VisitIfCommand(IfCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ElifClauseSyntax"/>.</summary>
    public virtual void VisitElifClause(ElifClauseSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ElseClauseSyntax"/>.</summary>
    public virtual void VisitElseClause(ElseClauseSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="CaseCommandSyntax"/>.</summary>
    public virtual void VisitCaseCommand(CaseCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="CaseItemSyntax"/>.</summary>
    public virtual void VisitCaseItem(CaseItemSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ForCommandSyntax"/>.</summary>
    public virtual void VisitForCommand(ForCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="WhileCommandSyntax"/>.</summary>
    public virtual void VisitWhileCommand(WhileCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="WordSyntax"/>.</summary>
    public virtual void VisitWord(WordSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="LiteralPartSyntax"/>.</summary>
    public virtual void VisitLiteralPart(LiteralPartSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SingleQuotedPartSyntax"/>.</summary>
    public virtual void VisitSingleQuotedPart(SingleQuotedPartSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="DoubleQuotedPartSyntax"/>.</summary>
    public virtual void VisitDoubleQuotedPart(DoubleQuotedPartSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SimpleExpansionSyntax"/>.</summary>
    public virtual void VisitSimpleExpansion(SimpleExpansionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ParameterExpansionSyntax"/>.</summary>
    public virtual void VisitParameterExpansion(ParameterExpansionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="CommandSubstitutionSyntax"/>.</summary>
    public virtual void VisitCommandSubstitution(CommandSubstitutionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BackquoteSubstitutionSyntax"/>.</summary>
    public virtual void VisitBackquoteSubstitution(BackquoteSubstitutionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ArithmeticExpansionSyntax"/>.</summary>
    public virtual void VisitArithmeticExpansion(ArithmeticExpansionSyntax node) => DefaultVisit(node);
}

/// <summary>Visits nodes by type and returns a result; each method defaults to <see cref="DefaultVisit"/>.</summary>
public abstract class SyntaxVisitor<TResult>
{
    /// <summary>Dispatches to the method for the node's type.</summary>
    public virtual TResult Visit(SyntaxNode? node) => node is null ? default! : node.Accept(this);

    /// <summary>Called for nodes whose method is not overridden.</summary>
    public virtual TResult DefaultVisit(SyntaxNode node) => default!;

    /// <summary>Visits a list node.</summary>
    public virtual TResult VisitList(SyntaxNode node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ScriptSyntax"/>.</summary>
    public virtual TResult VisitScript(ScriptSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="StatementSyntax"/>.</summary>
    public virtual TResult VisitStatement(StatementSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SimpleCommandSyntax"/>.</summary>
    public virtual TResult VisitSimpleCommand(SimpleCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AssignmentSyntax"/>.</summary>
    public virtual TResult VisitAssignment(AssignmentSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="RedirectSyntax"/>.</summary>
    public virtual TResult VisitRedirect(RedirectSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="PipelineSyntax"/>.</summary>
    public virtual TResult VisitPipeline(PipelineSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="AndOrListSyntax"/>.</summary>
    public virtual TResult VisitAndOrList(AndOrListSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="RedirectedCommandSyntax"/>.</summary>
    public virtual TResult VisitRedirectedCommand(RedirectedCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="FunctionDefinitionSyntax"/>.</summary>
    public virtual TResult VisitFunctionDefinition(FunctionDefinitionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BadCommandSyntax"/>.</summary>
    public virtual TResult VisitBadCommand(BadCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BraceGroupSyntax"/>.</summary>
    public virtual TResult VisitBraceGroup(BraceGroupSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SubshellSyntax"/>.</summary>
    public virtual TResult VisitSubshell(SubshellSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="IfCommandSyntax"/>.</summary>
    public virtual TResult VisitIfCommand(IfCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ElifClauseSyntax"/>.</summary>
    public virtual TResult VisitElifClause(ElifClauseSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ElseClauseSyntax"/>.</summary>
    public virtual TResult VisitElseClause(ElseClauseSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="CaseCommandSyntax"/>.</summary>
    public virtual TResult VisitCaseCommand(CaseCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="CaseItemSyntax"/>.</summary>
    public virtual TResult VisitCaseItem(CaseItemSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ForCommandSyntax"/>.</summary>
    public virtual TResult VisitForCommand(ForCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="WhileCommandSyntax"/>.</summary>
    public virtual TResult VisitWhileCommand(WhileCommandSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="WordSyntax"/>.</summary>
    public virtual TResult VisitWord(WordSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="LiteralPartSyntax"/>.</summary>
    public virtual TResult VisitLiteralPart(LiteralPartSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SingleQuotedPartSyntax"/>.</summary>
    public virtual TResult VisitSingleQuotedPart(SingleQuotedPartSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="DoubleQuotedPartSyntax"/>.</summary>
    public virtual TResult VisitDoubleQuotedPart(DoubleQuotedPartSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="SimpleExpansionSyntax"/>.</summary>
    public virtual TResult VisitSimpleExpansion(SimpleExpansionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ParameterExpansionSyntax"/>.</summary>
    public virtual TResult VisitParameterExpansion(ParameterExpansionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="CommandSubstitutionSyntax"/>.</summary>
    public virtual TResult VisitCommandSubstitution(CommandSubstitutionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="BackquoteSubstitutionSyntax"/>.</summary>
    public virtual TResult VisitBackquoteSubstitution(BackquoteSubstitutionSyntax node) => DefaultVisit(node);

    /// <summary>Visits a <see cref="ArithmeticExpansionSyntax"/>.</summary>
    public virtual TResult VisitArithmeticExpansion(ArithmeticExpansionSyntax node) => DefaultVisit(node);
}
