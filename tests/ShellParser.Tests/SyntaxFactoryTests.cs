namespace ConfigConvert.ShellParser.Tests;

public sealed class SyntaxFactoryTests
{
    [Fact]
    public void Built_statements_print_and_parse_back_to_the_same_shape()
    {
        var script = SyntaxFactory.Script(
        [
            SyntaxFactory.Assignment("ngx_module_type", "HTTP"),
            SyntaxFactory.Assignment("ngx_module_srcs", "\"$ngx_addon_dir/a.c $ngx_addon_dir/b.c\""),
            .. SyntaxFactory.ParseStatements(". auto/module\n"),
        ]);
        var text = script.ToFullString();
        Assert.Equal("ngx_module_type=HTTP\nngx_module_srcs=\"$ngx_addon_dir/a.c $ngx_addon_dir/b.c\"\n. auto/module\n", text);
        var reparsed = SyntaxTree.ParseText(text).GetRoot();
        Assert.Equal(script.DescendantNodes().Select(n => n.Kind), reparsed.DescendantNodes().Select(n => n.Kind));
    }

    [Fact]
    public void A_rewriter_can_replace_a_word_with_a_built_one()
    {
        var tree = SyntaxTree.ParseText("HTTP_MODULES=\"$HTTP_MODULES a\"\n");
        var assignment = tree.GetRoot().DescendantNodes().OfType<AssignmentSyntax>().Single();
        var replaced = new ValueRewriter(assignment, SyntaxFactory.ParseWord("\"$HTTP_MODULES a b\"")).Visit(tree.GetRoot());
        Assert.Equal("HTTP_MODULES=\"$HTTP_MODULES a b\"\n", replaced.ToFullString());
    }

    [Fact]
    public void Trivia_and_tokens()
    {
        var token = SyntaxFactory.Token(SyntaxKind.LiteralToken, "x", SyntaxFactory.Whitespace("\t"), SyntaxFactory.Comment("# c"), SyntaxFactory.EndOfLine);
        Assert.Equal("\t# c\nx", token.ToFullString());
        Assert.Equal("x", token.ToString());
    }

    [Theory]
    [InlineData("a b")]
    [InlineData("\"unterminated")]
    [InlineData("")]
    public void Bad_words_are_rejected(string text) => Assert.Throws<ArgumentException>(() => SyntaxFactory.ParseWord(text));

    [Fact]
    public void Bad_names_and_trivia_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => SyntaxFactory.Assignment("1x", "y"));
        Assert.Throws<ArgumentException>(() => SyntaxFactory.Whitespace("\n"));
        Assert.Throws<ArgumentException>(() => SyntaxFactory.Comment("no hash"));
    }

    private sealed class ValueRewriter(AssignmentSyntax target, WordSyntax value) : SyntaxRewriter
    {
        public override SyntaxNode VisitAssignment(AssignmentSyntax node) => ReferenceEquals(node, target) ? node.WithValue(value) : node;
    }
}
