namespace ConfigConvert.Analyzers.Tests.Checking;

/// <summary>Suppression comments in configs and C files: what they hide, and the comments that hide nothing.</summary>
public sealed class SuppressionTests
{
    [Fact]
    public void A_comment_before_a_statement_hides_its_findings()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.LinkConfig("echo first\n# ngx-convert disable=CC2202\n"));
        var module = Check(tree);
        Assert.Empty(module.Diagnostics);
        Assert.Equal(1, module.Suppressed);
    }

    [Fact]
    public void A_comment_before_the_first_command_covers_the_whole_file()
    {
        using var tree = new TempTree();
        tree.Write("m/config", "# ngx-convert disable=CC2202\n\n" + Samples.LinkConfig("echo between\n") + "ngx_module_link=ADDON\n");
        var module = Check(tree);
        Assert.Empty(module.Diagnostics);
        Assert.Equal(2, module.Suppressed);
    }

    [Fact]
    public void A_comment_covers_the_whole_compound_statement_that_follows()
    {
        using var tree = new TempTree();
        tree.Write("m/config", "ngx_addon_name=x\n# ngx-convert disable=CC2202\nif true; then\n    ngx_module_link=DYNAMIC\nfi\nngx_module_link=ADDON\n");
        var module = Check(tree);
        var left = Assert.Single(module.Diagnostics);
        Assert.Equal(("CC2202", 6), (left.Id, left.Location.Start.Line));
    }

    [Fact]
    public void A_comment_that_hides_nothing_is_reported_where_it_stands()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.LinkConfig("# ngx-convert disable=CC2202\necho unrelated\n"));
        var module = Check(tree);
        Assert.Equal(["CC2202 at 4", "CC5904 at 2"], module.Diagnostics.Select(d => $"{d.Id} at {d.Location.Start.Line}").Order());
        Assert.Contains(module.Diagnostics, d => d.Message == "`CC2202` is disabled here, but nothing reports it; remove the suppression");
    }

    [Fact]
    public void Unknown_ids_are_reported_and_known_ones_still_apply()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.LinkConfig("echo first\n# ngx-convert disable=CC2299, CC2202\n"));
        var finding = Assert.Single(Check(tree).Diagnostics);
        Assert.Equal(("CC5905", "`CC2299` is not the id of a rule or diagnostic of ngx-convert", 3), (finding.Id, finding.Message, finding.Location.Start.Line));
    }

    [Fact]
    public void Text_that_only_looks_like_a_directive_is_not_one()
    {
        using var tree = new TempTree();
        tree.Write("m/config", "ngx_addon_name=x\necho \"# ngx-convert disable=CC2202\"\nngx_module_link=DYNAMIC\n");
        Assert.Equal(["CC2202"], Check(tree).Diagnostics.Select(d => d.Id));
    }

    [Fact]
    public void A_c_comment_covers_the_next_line_or_after_code_its_own_line()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        tree.Write("m/ngx_http_example_module.c", """
            int a;
            /* ngx-convert disable CC5912 */
            static char *one = "open;
            int b; /* ngx-convert disable CC5912 */
            static char *three = "open;

            """);
        var module = Check(tree);
        Assert.Equal(["CC5904 at 4", "CC5912 at 5"], module.Diagnostics.Select(d => $"{d.Id} at {d.Location.Start.Line}"));
    }

    [Fact]
    public void A_c_comment_before_the_first_token_covers_the_whole_file()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        tree.Write("m/ngx_http_example_module.c", "// ngx-convert disable CC5912\n\nstatic char *one = \"open;\nstatic char *two = 'x;\n");
        var module = Check(tree);
        Assert.Empty(module.Diagnostics);
        Assert.Equal(2, module.Suppressed);
    }

    [Fact]
    public void A_c_comment_after_a_comment_or_a_multi_line_token_covers_the_right_line()
    {
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        tree.Write("m/ngx_http_example_module.c", """
            int a; /* a comment */ /* ngx-convert disable CC5912 */
            static char *one = "open;
            int b = 1 +
                2; /* ngx-convert disable CC5912 */ static char *two = "open;
            /* one
               line */ /* ngx-convert disable CC5912 */
            static char *three = "open;

            """);
        var module = Check(tree);
        Assert.Equal(["CC5904 at 1", "CC5912 at 2"], module.Diagnostics.Select(d => $"{d.Id} at {d.Location.Start.Line}"));
        Assert.Equal(2, module.Suppressed);
    }

    [Fact]
    public void A_config_comment_covers_the_outermost_statement_that_starts_first_after_it()
    {
        using var tree = new TempTree();
        tree.Write("m/config", "ngx_addon_name=x\nngx_module_link=DYNAMIC\n# ngx-convert disable=CC2202\n\n{ { ngx_module_link=DYNAMIC; }\n}\nngx_module_link=DYNAMIC # ngx-convert disable=CC2202\nngx_module_link=ADDON\n");
        var module = Check(tree);
        Assert.Equal(["CC2202 at 2", "CC2202 at 7"], module.Diagnostics.Select(d => $"{d.Id} at {d.Location.Start.Line}").Order());
        Assert.Equal(2, module.Suppressed);
    }

    [Fact]
    public void Thousands_of_directives_in_one_file_each_cover_their_own_finding()
    {
        // Each directive is matched with its line, not with every token and every finding of the file:
        // pair by pair, this file took about a minute.
        const int count = 5000;
        var lines = Enumerable.Range(0, count).Select(i => $"int x{i}; /* ngx-convert disable CC5912 */\n/* ngx-convert disable CC5912 */\nstatic char *s{i} = \"open;\n");
        using var tree = new TempTree();
        tree.Write("m/config", Samples.CleanConfig);
        tree.Write("m/ngx_http_example_module.c", string.Concat(lines));
        var module = Check(tree);
        Assert.Equal(count, module.Suppressed);
        Assert.Equal(count, module.Diagnostics.Length);
        Assert.All(module.Diagnostics, d => Assert.Equal(("CC5904", 1), (d.Id, d.Location.Start.Line % 3)));
    }

    private static CheckedModule Check(TempTree tree) => ModuleChecker.Check([tree.PathOf("m")], Samples.TwoRules).Modules.Single();
}
