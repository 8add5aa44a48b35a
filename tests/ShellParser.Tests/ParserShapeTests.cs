namespace ConfigConvert.ShellParser.Tests;

/// <summary>What the tree looks like for the shapes real config scripts use.</summary>
public sealed class ParserShapeTests
{
    private static ScriptSyntax Parse(string text)
    {
        var tree = SyntaxTree.ParseText(text);
        Assert.Empty(tree.GetDiagnostics());
        Assert.Equal(text, tree.GetRoot().ToFullString());
        return tree.GetRoot();
    }

    private static string Shape(ScriptSyntax root) => string.Join(" ", root.DescendantNodes()
        .Where(n => n.Kind is not (SyntaxKind.List or SyntaxKind.Word or SyntaxKind.LiteralPart))
        .Select(n => n.Kind));

    [Theory]
    [InlineData("a=1;b=2")]
    [InlineData("a=1\nb=2\n")]
    [InlineData("a=1 ; b=2 # two\n")]
    [InlineData("\n\na=1\n\n\nb=2")]
    [InlineData("a=1\\\n;b=2")]
    public void Spellings_of_two_assignments_give_one_shape(string text)
    {
        var root = Parse(text);
        Assert.Equal("Statement SimpleCommand Assignment Statement SimpleCommand Assignment", Shape(root));
        var names = root.DescendantNodes().OfType<AssignmentSyntax>().Select(a => a.Name.Text);
        Assert.Equal(["a", "b"], names);
    }

    [Fact]
    public void Prefix_assignment_on_a_dot_command_is_an_assignment_then_words()
    {
        var command = Assert.IsType<SimpleCommandSyntax>(Parse("have=NDK . auto/have\n").Statements[0].Command);
        var assignment = Assert.Single(command.Assignments);
        Assert.Equal("have", assignment.Name.Text);
        Assert.Equal("NDK", assignment.Value!.GetLiteralValue());
        Assert.Equal([".", "auto/have"], command.Words.Select(w => w.GetLiteralValue()));
    }

    [Fact]
    public void Old_style_append_keeps_the_expansion_inside_the_quotes()
    {
        var assignment = Parse("HTTP_MODULES=\"$HTTP_MODULES ngx_http_foo_module\"").DescendantNodes().OfType<AssignmentSyntax>().Single();
        var quoted = Assert.IsType<DoubleQuotedPartSyntax>(Assert.Single(assignment.Value!.Parts));
        var expansion = Assert.IsType<SimpleExpansionSyntax>(quoted.Parts[0]);
        Assert.Equal("HTTP_MODULES", expansion.ParameterName);
        Assert.Equal(" ngx_http_foo_module", Assert.IsType<LiteralPartSyntax>(quoted.Parts[1]).Value);
        Assert.Null(assignment.Value.GetLiteralValue());
    }

    [Fact]
    public void Compat_branch_is_an_if_with_an_else()
    {
        var text = "if test -n \"$ngx_module_link\"; then\n    ngx_module_type=HTTP\n    . auto/module\nelse\n    HTTP_MODULES=\"$HTTP_MODULES x\"\nfi\n";
        var command = Assert.IsType<IfCommandSyntax>(Parse(text).Statements[0].Command);
        Assert.Equal("test", Assert.IsType<SimpleCommandSyntax>(command.Condition[0].Command).CommandName!.GetLiteralValue());
        Assert.Equal(2, command.Statements.Count);
        var elseClause = Assert.IsType<ElseClauseSyntax>(Assert.Single(command.ElseClauses));
        Assert.Single(elseClause.Statements);
        Assert.Equal("fi", command.FiKeyword.Text);
    }

    [Theory]
    [InlineData("if a; then b; fi")]
    [InlineData("if a\nthen\n  b\nfi\n")]
    [InlineData("if a ; then b ; fi # done")]
    [InlineData("if a;then b;fi")]
    public void Then_on_its_own_line_or_not_gives_one_shape(string text)
        => Assert.Equal("Statement IfCommand Statement SimpleCommand Statement SimpleCommand", Shape(Parse(text)));

    [Fact]
    public void Case_items_keep_patterns_bodies_and_terminators()
    {
        var text = "case $ngx_module_link in\n  DYNAMIC|ADDON) echo new ;;\n  (*) echo old\nesac\n";
        var command = Assert.IsType<CaseCommandSyntax>(Parse(text).Statements[0].Command);
        Assert.Equal(2, command.Items.Count);
        Assert.Equal(["DYNAMIC", "ADDON"], command.Items[0].PatternWords.Select(w => w.GetLiteralValue()));
        Assert.NotNull(command.Items[0].Terminator);
        Assert.NotNull(command.Items[1].OpenParen);
        Assert.Null(command.Items[1].Terminator);
    }

    [Fact]
    public void Reserved_words_are_plain_words_after_the_command_name()
    {
        var command = Assert.IsType<SimpleCommandSyntax>(Parse("echo if then fi done\n").Statements[0].Command);
        Assert.Equal(["echo", "if", "then", "fi", "done"], command.Words.Select(w => w.GetLiteralValue()));
    }

    [Fact]
    public void Backquotes_inside_a_default_value_are_parsed_as_a_script_of_their_own()
    {
        var expansion = Parse("V=${V:-`echo \"a b\" | sed 's/ /_/'`}\n").DescendantNodes().OfType<ParameterExpansionSyntax>().Single();
        Assert.Equal(":-", expansion.OperatorText);
        var backquote = Assert.IsType<BackquoteSubstitutionSyntax>(Assert.Single(expansion.Argument!.Parts));
        var pipeline = Assert.IsType<PipelineSyntax>(Assert.Single(backquote.Body.GetRoot().Statements).Command);
        Assert.Equal(2, pipeline.Commands.Count());
    }

    [Fact]
    public void Escaped_backquotes_nest()
    {
        var outer = Parse("x=`echo \\`echo inner\\``\n").DescendantNodes().OfType<BackquoteSubstitutionSyntax>().Single();
        var inner = outer.Body.GetRoot().DescendantNodes().OfType<BackquoteSubstitutionSyntax>().Single();
        Assert.Equal("echo inner", inner.Content.Text);
    }

    [Fact]
    public void Command_substitution_holds_statements_and_may_contain_case()
    {
        var substitution = Parse("x=$(case a in a) echo b;; esac)\n").DescendantNodes().OfType<CommandSubstitutionSyntax>().Single();
        Assert.IsType<CaseCommandSyntax>(Assert.Single(substitution.Statements).Command);
    }

    [Fact]
    public void Here_document_bodies_follow_the_line_break_as_trivia()
    {
        var text = "cat <<EOF >a; cat <<-'END' >b\nbody $x\nEOF\n\tliteral $y\n\tEND\necho after\n";
        var root = Parse(text);
        var newline = root.Statements[1].Separator!;
        Assert.Equal(SyntaxKind.NewLineToken, newline.Kind);
        Assert.Equal(["body $x\nEOF\n", "\tliteral $y\n\tEND\n"], newline.TrailingTrivia.Select(t => t.Text));
        Assert.All(newline.TrailingTrivia, t => Assert.Equal(SyntaxKind.HereDocumentBodyTrivia, t.Kind));
        Assert.Equal("echo", Assert.IsType<SimpleCommandSyntax>(root.Statements[2].Command).CommandName!.GetLiteralValue());
    }

    [Fact]
    public void Here_document_delimiters_are_read_without_expansions_even_in_quotes()
    {
        var root = Parse("cat <<\"$(x\" >f\nbody `not run`\n$(x\necho after\n");
        var redirect = root.DescendantNodes().OfType<RedirectSyntax>().First();
        Assert.DoesNotContain(redirect.Target.DescendantNodes(), n => n is CommandSubstitutionSyntax);
        Assert.Equal("echo", Assert.IsType<SimpleCommandSyntax>(root.Statements[1].Command).CommandName!.GetLiteralValue());
    }

    [Fact]
    public void Function_definitions_for_while_until_groups_and_subshells()
    {
        var root = Parse("f() {\n  echo\n} >/dev/null\nfor i\ndo :; done\nfor i in a b; do :; done\nwhile :; do :; done &\nuntil :; do :; done\n( cd x && make )\n{ a; b; }\n");
        Assert.Equal(
            [SyntaxKind.FunctionDefinition, SyntaxKind.ForCommand, SyntaxKind.ForCommand, SyntaxKind.WhileCommand, SyntaxKind.UntilCommand, SyntaxKind.Subshell, SyntaxKind.BraceGroup],
            root.Statements.Select(s => s.Command.Kind));
        var function = (FunctionDefinitionSyntax)root.Statements[0].Command;
        Assert.Equal("f", function.Name.Text);
        Assert.IsType<RedirectedCommandSyntax>(function.Body);
        Assert.True(root.Statements[3].IsAsync);
        Assert.Null(((ForCommandSyntax)root.Statements[1].Command).InKeyword);
        Assert.Equal(["a", "b"], ((ForCommandSyntax)root.Statements[2].Command).Words.Select(w => w.GetLiteralValue()));
    }

    [Theory]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("'x'\\''y'", "x'y")]
    [InlineData("a\\ b", "a b")]
    [InlineData("\"a\\\nb\"", "ab")]
    [InlineData("\"\\x\"", "\\x")]
    [InlineData("ab\\\ncd", "abcd")]
    public void Literal_values_remove_quotes_and_escapes(string word, string value)
    {
        var command = Assert.IsType<SimpleCommandSyntax>(Parse("echo " + word).Statements[0].Command);
        Assert.Equal(value, command.Words.Last().GetLiteralValue());
    }

    [Theory]
    [InlineData("${x}", "x", null)]
    [InlineData("${x:-a b}", "x", ":-")]
    [InlineData("${x#*/}", "x", "#")]
    [InlineData("${x%%.c}", "x", "%%")]
    [InlineData("${#x}", "x", null)]
    [InlineData("${10}", "10", null)]
    [InlineData("${@}", "@", null)]
    public void Parameter_expansions(string text, string name, string? op)
    {
        var expansion = Parse("echo " + text).DescendantNodes().OfType<ParameterExpansionSyntax>().Single();
        Assert.Equal(name, expansion.ParameterName);
        Assert.Equal(op, expansion.OperatorText);
        Assert.Equal(text.StartsWith("${#", StringComparison.Ordinal), expansion.Hash is not null);
    }

    [Fact]
    public void Redirections_with_descriptor_numbers()
    {
        var command = Assert.IsType<SimpleCommandSyntax>(Parse("make >out 2>&1 <in 3<>rw >|f >>log\n").Statements[0].Command);
        Assert.Equal(
            [SyntaxKind.GreaterToken, SyntaxKind.GreaterAmpersandToken, SyntaxKind.LessToken, SyntaxKind.LessGreaterToken, SyntaxKind.GreaterBarToken, SyntaxKind.GreaterGreaterToken],
            command.Redirects.Select(r => r.Operator.Kind));
        Assert.Equal("2", command.Redirects.ElementAt(1).IoNumber!.Text);
    }

    [Fact]
    public void And_or_lists_and_pipelines_are_flat()
    {
        var list = Assert.IsType<AndOrListSyntax>(Parse("a && b || c && d | e\n").Statements[0].Command);
        Assert.Equal(4, list.Commands.Count());
        Assert.IsType<PipelineSyntax>(list.Commands.Last());
    }

    [Fact]
    public void Bash_isms_get_the_shape_dash_gives_them()
    {
        var root = Parse("x+=1\nfunction f\n{ :; }\ny=$'\\t'\n( (a) )\n((a))\n");
        var append = Assert.IsType<SimpleCommandSyntax>(root.Statements[0].Command);
        Assert.Empty(append.Assignments);
        Assert.Equal("x+=1", append.CommandName!.GetLiteralValue());
        var function = Assert.IsType<SimpleCommandSyntax>(root.Statements[1].Command);
        Assert.Equal(["function", "f"], function.Words.Select(w => w.GetLiteralValue()));
        Assert.IsType<BraceGroupSyntax>(root.Statements[2].Command);
        var value = Assert.Single(Assert.IsType<SimpleCommandSyntax>(root.Statements[3].Command).Assignments).Value!;
        Assert.Equal("$\\t", value.GetLiteralValue());
        Assert.All(root.Statements.Skip(4), s => Assert.IsType<SubshellSyntax>(Assert.IsType<SubshellSyntax>(s.Command).Statements[0].Command));
    }
}
