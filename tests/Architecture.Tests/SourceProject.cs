using System.Collections.Immutable;
using System.Xml.Linq;
using ConfigConvert.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ConfigConvert.Architecture.Tests;

/// <summary>
/// A project of the repository as its <c>.csproj</c> declares it (assembly name, project references,
/// <c>InternalsVisibleTo</c> grants, global usings) and as Roslyn reads it: its C# files parsed, and
/// compiled against the assemblies this test project was built with.
/// </summary>
internal sealed class SourceProject
{
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<IReadOnlyList<SourceProject>> AllProjects = new(LoadAll);

    // The framework and every assembly this test was built with, read once for all compilations.
    // Assemblies missing here (a benchmark's packages) only leave some names unresolved, which the
    // checks on this repository's own types do not need.
    private static readonly Lazy<IReadOnlyList<PortableExecutableReference>> References = new(() =>
        [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.Length > 0)
            .DistinctBy(Path.GetFileName)
            .Select(p => MetadataReference.CreateFromFile(p))]);

    private readonly Lazy<ImmutableArray<SyntaxTree>> _trees;
    private readonly Lazy<CSharpCompilation> _compilation;

    private SourceProject(string projectFile, XDocument document)
    {
        ProjectFile = projectFile;
        Directory = Path.GetDirectoryName(projectFile)!;
        AssemblyName = Property(document, "AssemblyName") ?? Path.GetFileNameWithoutExtension(projectFile);
        ProjectReferences = [.. Items(document, "ProjectReference").Select(p => Path.GetFullPath(Path.Combine(Directory, p)))];
        Friends = [.. Items(document, "InternalsVisibleTo")];
        Usings = [.. ImplicitUsings, .. Items(document, "Using")];
        _trees = new(ParseSources);
        _compilation = new(Compile);
    }

    /// <summary>Every project of the repository (src, tests, benchmarks, fuzz).</summary>
    public static IReadOnlyList<SourceProject> All => AllProjects.Value;

    /// <summary>The libraries and the command line, under src/.</summary>
    public static IEnumerable<SourceProject> Products => All.Where(p => p.RelativeDirectory.StartsWith("src/", StringComparison.Ordinal));

    /// <summary>The .csproj file.</summary>
    public string ProjectFile { get; }

    /// <summary>The project's directory.</summary>
    public string Directory { get; }

    /// <summary>The directory relative to the repository root, with forward slashes (<c>src/Core</c>).</summary>
    public string RelativeDirectory => Relative(Directory);

    /// <summary>The assembly the project builds.</summary>
    public string AssemblyName { get; }

    /// <summary>The .csproj files this project references, as full paths.</summary>
    public IReadOnlyList<string> ProjectReferences { get; }

    /// <summary>The assemblies granted this project's internals.</summary>
    public IReadOnlyList<string> Friends { get; }

    /// <summary>The namespaces imported in every file (the SDK's implicit ones and the project's own).</summary>
    public IReadOnlyList<string> Usings { get; }

    /// <summary>The project's C# files, parsed (generated files under obj/ left out).</summary>
    public ImmutableArray<SyntaxTree> Trees => _trees.Value;

    /// <summary>The project's sources compiled against the assemblies of this test's output.</summary>
    public CSharpCompilation Compilation => _compilation.Value;

    /// <summary>The project that builds <paramref name="assemblyName"/>.</summary>
    public static SourceProject Named(string assemblyName) => All.Single(p => p.AssemblyName == assemblyName);

    /// <summary>The project whose .csproj is <paramref name="projectFile"/>.</summary>
    public static SourceProject At(string projectFile) => All.Single(p => p.ProjectFile == projectFile);

    /// <summary>A path relative to the repository root, with forward slashes.</summary>
    public static string Relative(string path) => Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/');

    /// <summary>The folder of a file inside this project, relative to the project (<c>""</c> for its top).</summary>
    public string FolderOf(string filePath)
    {
        var folder = Path.GetDirectoryName(Path.GetRelativePath(Directory, filePath)) ?? string.Empty;
        return folder.Replace('\\', '/');
    }

    /// <inheritdoc />
    public override string ToString() => AssemblyName;

    private static IReadOnlyList<SourceProject> LoadAll()
    {
        var projects = new List<SourceProject>();
        foreach (var top in new[] { "src", "tests", "benchmarks", "fuzz" })
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(RepoPaths.Combine(top), "*.csproj", SearchOption.AllDirectories).Where(f => !IsBuildOutput(Relative(f))))
            {
                projects.Add(new SourceProject(Path.GetFullPath(file), XDocument.Load(file)));
            }
        }

        return [.. projects.OrderBy(p => p.RelativeDirectory, StringComparer.Ordinal)];
    }

    private static string? Property(XDocument document, string name)
        => document.Descendants(name).Select(e => e.Value.Trim()).FirstOrDefault();

    private static IEnumerable<string> Items(XDocument document, string name)
        => document.Descendants(name).Select(e => (string?)e.Attribute("Include")).OfType<string>();

    // A relative path under a bin/ or obj/ folder: build output, generated files included.
    private static bool IsBuildOutput(string relativePath)
        => relativePath.Replace('\\', '/').Split('/').Any(segment => segment is "bin" or "obj");

    private ImmutableArray<SyntaxTree> ParseSources()
    {
        var options = new CSharpParseOptions(LanguageVersion.Preview);
        return [.. System.IO.Directory.EnumerateFiles(Directory, "*.cs", SearchOption.AllDirectories)
            .Where(f => !IsBuildOutput(Path.GetRelativePath(Directory, f)))
            .Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f))];
    }

    private CSharpCompilation Compile()
    {
        var usings = CSharpSyntaxTree.ParseText(
            string.Concat(Usings.Select(u => $"global using {u};\n")),
            new CSharpParseOptions(LanguageVersion.Preview),
            Path.Combine(Directory, "obj", "GlobalUsings.g.cs"));

        // The project's own assembly is left out: its types come from the sources.
        return CSharpCompilation.Create(
            AssemblyName,
            [.. Trees, usings],
            References.Value.Where(r => !string.Equals(Path.GetFileNameWithoutExtension(r.FilePath), AssemblyName, StringComparison.Ordinal)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }
}
