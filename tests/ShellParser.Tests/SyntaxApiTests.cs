namespace ConfigConvert.ShellParser.Tests;

/// <summary>Positions, parents, walkers and rewriters.</summary>
public sealed class SyntaxApiTests
{
    private const string Text = "ngx_addon_name=foo\n\nif test -n \"$ngx_module_link\"; then\n    . auto/module\nfi\n";

    [Fact]
    public void Locations_are_one_based_and_exclude_trivia()
    {
        var tree = SyntaxTree.ParseText(Text, "config");
        var dot = tree.GetRoot().DescendantNodes().OfType<SimpleCommandSyntax>().Last();
        var location = tree.GetLocation(dot);
        Assert.Equal((4, 5), (location.Start.Line, location.Start.Column));
        Assert.Equal(". auto/module", Text.Substring(location.Span.Start, location.Span.Length));
        Assert.Equal("config", location.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("a; b\nc &\nd")]
    public void A_list_enumerates_its_items_in_order_with_foreach_and_through_its_interfaces(string script)
    {
        var statements = SyntaxTree.ParseText(script).GetRoot().Statements;
        var byIndex = Enumerable.Range(0, statements.Count).Select(i => statements[i]).ToList();

        var byForeach = new List<StatementSyntax>();
        foreach (var statement in statements)
        {
            byForeach.Add(statement);
        }

        Assert.Equal(byIndex, byForeach);
        Assert.Equal(byIndex, statements.AsEnumerable());
        Assert.Equal(byIndex, ((System.Collections.IEnumerable)statements).Cast<StatementSyntax>());
        using var twice = ((IEnumerable<StatementSyntax>)statements).GetEnumerator();
        while (twice.MoveNext())
        {
        }

        twice.Reset();
        Assert.Equal(byIndex.Count > 0, twice.MoveNext());
    }

    [Fact]
    public void Parents_and_ancestors()
    {
        var tree = SyntaxTree.ParseText(Text);
        var dot = tree.GetRoot().DescendantNodes().OfType<SimpleCommandSyntax>().Last();
        Assert.IsType<StatementSyntax>(tree.GetParent(dot));
        Assert.Contains(tree.GetAncestors(dot), n => n is IfCommandSyntax);
        Assert.Same(tree.GetRoot(), tree.GetAncestors(dot).Last());
    }

    [Fact]
    public void A_script_walked_once_gives_the_nodes_of_every_walk_in_order()
    {
        var root = SyntaxTree.ParseText(Text).GetRoot();
        var first = root.DescendantNodes().ToList();

        Assert.Equal(root.WalkDescendantNodes(), first, ReferenceEqualityComparer.Instance);
        Assert.Equal(first, root.DescendantNodes(), ReferenceEqualityComparer.Instance);
        Assert.Contains(first, n => n is IfCommandSyntax);

        // A node below the root is walked as before: its own descendants, not the script's.
        var statement = root.Statements[0];
        Assert.Equal(statement.WalkDescendantNodes(), statement.DescendantNodes(), ReferenceEqualityComparer.Instance);
        Assert.DoesNotContain(statement.DescendantNodes(), n => ReferenceEquals(n, statement));
    }

    [Fact]
    public void Identity_rewrite_returns_the_same_instances()
    {
        var root = SyntaxTree.ParseText(Text).GetRoot();
        Assert.Same(root, new IdentityRewriter().Visit(root));
    }

    [Fact]
    public void Rewrite_rebuilds_only_the_path_to_the_change()
    {
        var tree = SyntaxTree.ParseText(Text);
        var root = tree.GetRoot();
        var rewritten = (ScriptSyntax)new RenameRewriter("foo", "bar").Visit(root);
        Assert.Equal(Text.Replace("=foo", "=bar", StringComparison.Ordinal), rewritten.ToFullString());
        Assert.NotSame(root.Statements[0], rewritten.Statements[0]);
        Assert.Same(root.Statements[1], rewritten.Statements[1]);
        Assert.Same(root.EndOfFile, rewritten.EndOfFile);
        var newTree = tree.WithRoot(rewritten);
        Assert.Equal(rewritten.ToFullString(), newTree.Text.Text);
        Assert.Equal((1, 16), (newTree.GetLocation(rewritten.DescendantTokens().ElementAt(2)).Start.Line, newTree.GetLocation(rewritten.DescendantTokens().ElementAt(2)).Start.Column));
    }

    [Fact]
    public void Walker_visits_every_token_in_order()
    {
        var tree = SyntaxTree.ParseText(Text);
        var walker = new TokenCollector();
        walker.Visit(tree.GetRoot());
        Assert.Equal(Text, string.Concat(walker.Tokens.Select(t => t.ToFullString())));
    }

    [Fact]
    public void Dump_shows_kinds_positions_and_text()
    {
        var dump = SyntaxTree.ParseText("a=1 # c\n").Dump();
        Assert.Equal(
            "Script 1:1-2:1\n  Statement 1:1-2:1\n    SimpleCommand 1:1-1:4\n      Assignment 1:1-1:4\n        NameToken 1:1-1:2 \"a\"\n        EqualsToken 1:2-1:3 \"=\"\n        Word 1:3-1:4\n          LiteralPart 1:3-1:4\n            LiteralToken 1:3-1:4 \"1\"\n    NewLineToken 1:8-2:1 \"\\n\" leading: Whitespace\" \" Comment\"# c\"\n  EndOfFileToken 2:1-2:1 \"\"\n",
            dump);
    }

    private sealed class IdentityRewriter : SyntaxRewriter
    {
    }

    private sealed class RenameRewriter(string from, string to) : SyntaxRewriter
    {
        public override SyntaxToken VisitToken(SyntaxToken token) => token.Kind == SyntaxKind.LiteralToken && token.Text == from ? token.WithText(to) : token;
    }

    private sealed class TokenCollector : SyntaxWalker
    {
        public List<SyntaxToken> Tokens { get; } = [];

        public override void VisitToken(SyntaxToken token) => Tokens.Add(token);
    }
}
