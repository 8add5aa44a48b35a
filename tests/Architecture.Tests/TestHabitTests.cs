using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigConvert.Architecture.Tests;

/// <summary>
/// Habits of the test projects that keep the suite honest and usable: a test that runs a real program
/// (dash, nginx's configure, nginx) says so with a <c>Requires</c> trait, so that
/// <c>dotnet test --filter "Requires!=nginx&amp;Requires!=dash"</c> is a fast subset that needs neither.
/// </summary>
public sealed class TestHabitTests
{
    public static TheoryData<string> TestProjects
        => [.. SourceProject.All.Where(p => p.RelativeDirectory.StartsWith("tests/", StringComparison.Ordinal) && p.ProjectReferences.Count > 0 && p.Trees.Length > 0 && p.AssemblyName.EndsWith(".Tests", StringComparison.Ordinal)).Select(p => p.AssemblyName)];

    [Theory]
    [MemberData(nameof(TestProjects))]
    public void Tests_that_run_an_external_program_carry_a_Requires_trait(string assembly)
    {
        var project = SourceProject.Named(assembly);
        var runners = ExternalPrograms.Runners(project);
        var missing = ExternalPrograms.TestMethods(project)
            .Where(test => runners.Contains(test.Symbol) && !HasRequiresTrait(test.Symbol))
            .Select(test => $"  {SourceProject.Relative(test.Syntax.SyntaxTree.FilePath)}: {test.Symbol.ContainingType.Name}.{test.Symbol.Name}")
            .ToList();
        Assert.True(missing.Count == 0, "tests that run dash or nginx without [Trait(\"Requires\", ...)]:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void The_finder_sees_the_tests_that_run_dash()
    {
        var project = SourceProject.Named("ConfigConvert.ShellParser.Tests");
        var runners = ExternalPrograms.Runners(project);
        var tests = ExternalPrograms.TestMethods(project).Where(t => runners.Contains(t.Symbol)).Select(t => t.Symbol.ContainingType.Name).Distinct();
        Assert.Contains("DashAgreementTests", tests);
    }

    private static bool HasRequiresTrait(IMethodSymbol method)
        => method.GetAttributes().Concat(method.ContainingType.GetAttributes())
            .Any(a => a.AttributeClass?.Name == "TraitAttribute" && a.ConstructorArguments is [{ Value: "Requires" }, _]);
}

/// <summary>Which members of a test project reach <c>ExternalTool</c> (directly, or through helpers, fields and lambdas).</summary>
internal static class ExternalPrograms
{
    /// <summary>The project's test methods (<c>[Fact]</c>, <c>[Theory]</c>).</summary>
    public static IEnumerable<(IMethodSymbol Symbol, MethodDeclarationSyntax Syntax)> TestMethods(SourceProject project)
    {
        foreach (var tree in project.Trees)
        {
            var model = project.Compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (model.GetDeclaredSymbol(method) is IMethodSymbol symbol && symbol.GetAttributes().Any(a => a.AttributeClass?.Name is "FactAttribute" or "TheoryAttribute"))
                {
                    yield return (symbol, method);
                }
            }
        }
    }

    /// <summary>The members that run an external program when used: a fixed point over "uses a member that does".</summary>
    public static HashSet<ISymbol> Runners(SourceProject project)
    {
        var uses = new Dictionary<ISymbol, HashSet<ISymbol>>(SymbolEqualityComparer.Default);
        var runners = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        foreach (var tree in project.Trees)
        {
            var model = project.Compilation.GetSemanticModel(tree);
            foreach (var member in tree.GetRoot().DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or FieldDeclarationSyntax))
            {
                foreach (var symbol in Declared(model, member))
                {
                    var used = uses[symbol] = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                    foreach (var name in member.DescendantNodes().OfType<SimpleNameSyntax>())
                    {
                        var target = model.GetSymbolInfo(name).Symbol;
                        if (target?.ContainingType?.Name == "ExternalTool" && target.ContainingAssembly.Name == "ConfigConvert.TestSupport")
                        {
                            runners.Add(symbol);
                        }
                        else if (target is not null && SymbolEqualityComparer.Default.Equals(target.ContainingAssembly, project.Compilation.Assembly))
                        {
                            used.Add(target.OriginalDefinition);
                        }
                    }
                }
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (member, used) in uses)
            {
                if (!runners.Contains(member) && used.Any(runners.Contains))
                {
                    changed = runners.Add(member);
                }
            }
        }

        return runners;
    }

    private static IEnumerable<ISymbol> Declared(SemanticModel model, MemberDeclarationSyntax member) => member switch
    {
        FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)).OfType<ISymbol>(),
        _ => model.GetDeclaredSymbol(member) is { } symbol ? [symbol] : [],
    };
}
