using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ConfigConvert.Architecture.Tests;

/// <summary>
/// Which folder of a project uses which other folder, measured with Roslyn's semantic model: a file
/// uses a type of its own project when one of its names (a type, a member, <c>var</c>, an extension
/// method) binds to that type or to a member of it. Namespaces are not used: several folders share
/// one namespace, so only where a type is declared says which folder it belongs to.
/// </summary>
internal sealed class FolderDependencies
{
    private readonly Dictionary<(string From, string To), SortedSet<string>> _edges = [];

    private FolderDependencies(SourceProject project)
    {
        Project = project;
        var compilation = project.Compilation;
        foreach (var tree in project.Trees)
        {
            var from = project.FolderOf(tree.FilePath);
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                if (UsedType(model, node) is not { } type)
                {
                    continue;
                }

                foreach (var to in FoldersOf(type).Where(to => to != from))
                {
                    Add(from, to, $"{Path.GetFileName(tree.FilePath)} uses {type.Name}");
                }
            }
        }
    }

    /// <summary>The project measured.</summary>
    public SourceProject Project { get; }

    /// <summary>Folder → folders it uses.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Graph
        => _edges.Keys.GroupBy(e => e.From).ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(e => e.To).ToHashSet());

    /// <summary>The uses that make <paramref name="from"/> depend on <paramref name="to"/> (<c>File.cs uses Type</c>).</summary>
    public IEnumerable<string> Reasons(string from, string to)
        => _edges.TryGetValue((from, to), out var reasons) ? reasons : [];

    /// <summary>Measures <paramref name="project"/>.</summary>
    public static FolderDependencies Of(SourceProject project) => new(project);

    /// <summary>
    /// The groups of folders that depend on each other in a circle (strongly connected components
    /// of more than one folder, Tarjan's algorithm), each sorted by name.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var graph = Graph;
        var nodes = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? new HashSet<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add([.. component.Order(StringComparer.Ordinal)]);
                }
            }
        }

        foreach (var node in nodes.Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return cycles;
    }

    /// <summary>A folder's display name: <c>(top)</c> for the project's own directory.</summary>
    public static string Display(string folder) => folder.Length == 0 ? "(top)" : folder + "/";

    private void Add(string from, string to, string reason)
    {
        if (!_edges.TryGetValue((from, to), out var reasons))
        {
            _edges[(from, to)] = reasons = new SortedSet<string>(StringComparer.Ordinal);
        }

        reasons.Add(reason);
    }

    // The type of this project that a name binds to, directly (a type name, `var`) or through a member.
    private static INamedTypeSymbol? UsedType(SemanticModel model, SyntaxNode node)
    {
        var symbol = node switch
        {
            SimpleNameSyntax name => model.GetSymbolInfo(name).Symbol ?? model.GetSymbolInfo(name).CandidateSymbols.FirstOrDefault(),
            ImplicitObjectCreationExpressionSyntax creation => model.GetTypeInfo(creation).Type,
            _ => null,
        };
        var type = symbol switch
        {
            INamedTypeSymbol named => named,
            IArrayTypeSymbol array => array.ElementType as INamedTypeSymbol,
            IMethodSymbol { ReducedFrom: { } extension } => extension.ContainingType,
            IMethodSymbol or IPropertySymbol or IFieldSymbol or IEventSymbol => symbol.ContainingType,
            _ => null,
        };
        return type is not null && SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, model.Compilation.Assembly)
            ? type.OriginalDefinition
            : null;
    }

    private IEnumerable<string> FoldersOf(INamedTypeSymbol type)
        => type.DeclaringSyntaxReferences
            .Select(r => r.SyntaxTree.FilePath)
            .Where(path => path.StartsWith(Project.Directory, StringComparison.Ordinal) && !path.EndsWith(".g.cs", StringComparison.Ordinal))
            .Select(Project.FolderOf)
            .Distinct();
}
