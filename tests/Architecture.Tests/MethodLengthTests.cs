namespace ConfigConvert.Architecture.Tests;

/// <summary>Methods short enough to read at once: every body in src/ is under 80 lines.</summary>
public sealed class MethodLengthTests
{
    private const int Limit = 80;

    [Fact]
    public void Every_method_in_src_is_under_80_lines()
    {
        var bodies = SourceProject.Products
            .SelectMany(p => p.Trees.SelectMany(t => MethodLengths.In(t, SourceProject.Relative(t.FilePath))))
            .ToList();
        Assert.NotEmpty(bodies);

        var offenders = bodies.Where(b => b.Lines >= Limit).OrderByDescending(b => b.Lines).ThenBy(b => b.Path, StringComparer.Ordinal).ToList();
        Assert.True(offenders.Count == 0, $"{offenders.Count} bodies of {Limit} lines or more:\n" + string.Join("\n", offenders.Select(o => "  " + o)));
    }

    [Fact]
    public void Lengths_count_every_kind_of_body()
    {
        var source = """
            class C
            {
                C() { }
                int P { get { return 1; } set { } }
                int Q => 2;
                void M()
                {
                    int Local() => 3;
                    System.Func<int> f = () =>
                    {
                        return 4;
                    };
                }
            }
            """;
        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(source);
        var bodies = MethodLengths.In(tree, "c.cs").Select(b => (b.Name, b.Lines)).ToList();
        Assert.Equal(
            [("C.C (constructor)", 1), ("C.P.get", 1), ("C.P.set", 1), ("C.Q", 1), ("C.M", 8), ("C.M.Local (local function)", 1), ("C.M (lambda)", 4)],
            bodies);
    }
}
