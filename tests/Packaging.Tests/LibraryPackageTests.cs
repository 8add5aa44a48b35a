using System.Reflection.Metadata;
using System.Text;
using System.Xml.Linq;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Packaging.Tests;

/// <summary>
/// What `dotnet pack` makes of each library under src/: the assembly with its XML docs and README, the
/// license, the repository and commit, dependencies on the libraries it references, and a symbol
/// package whose PDB maps its sources to the repository (Source Link) under deterministic paths.
/// </summary>
[Collection(PackagesCollection.Name)]
[Trait("Requires", "dotnet-pack")]
public sealed class LibraryPackageTests(PackagesFixture packages)
{
    private static readonly Guid SourceLinkKind = new("CC110556-A091-4D38-9FEC-25AB9A351A6A");

    public static TheoryData<string> Libraries => [.. Library.All.Select(l => l.AssemblyName)];

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Package_holds_the_assembly_its_docs_and_its_readme(string assembly)
    {
        var contents = packages.Contents($"{assembly}.{PackagesFixture.Version}.nupkg");
        Assert.Contains($"lib/net10.0/{assembly}.dll", contents.Keys);
        Assert.Contains($"lib/net10.0/{assembly}.xml", contents.Keys);
        Assert.DoesNotContain($"lib/net10.0/{assembly}.pdb", contents.Keys);
        var readme = Encoding.UTF8.GetString(contents["README.md"]);
        Assert.StartsWith($"# {assembly}\n", readme);
        var xmlDocs = Encoding.UTF8.GetString(contents[$"lib/net10.0/{assembly}.xml"]);
        Assert.Contains("<member name=\"T:", xmlDocs);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Nuspec_names_the_license_readme_repository_commit_and_the_libraries_referenced(string assembly)
    {
        var nuspec = Nuspec(packages.Contents($"{assembly}.{PackagesFixture.Version}.nupkg"), assembly);
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;
        Assert.Equal("BSD-2-Clause", Value("license"));
        Assert.Equal("README.md", Value("readme"));
        var repository = metadata.Elements().Single(e => e.Name.LocalName == "repository");
        Assert.Equal(Library.RepositoryUrl, (string?)repository.Attribute("url"));
        Assert.Equal(Head(), (string?)repository.Attribute("commit"));

        var dependencies = metadata.Descendants().Where(e => e.Name.LocalName == "dependency").ToDictionary(e => (string)e.Attribute("id")!, e => (string?)e.Attribute("version"));
        foreach (var referenced in Library.Named(assembly).ReferencedLibraries)
        {
            Assert.True(dependencies.TryGetValue(referenced, out var version), $"{assembly} does not depend on {referenced}");
            Assert.Equal(PackagesFixture.Version, version);
        }
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Symbol_package_maps_every_source_to_the_repository_at_the_commit(string assembly)
    {
        var contents = packages.Contents($"{assembly}.{PackagesFixture.Version}.snupkg");
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(contents[$"lib/net10.0/{assembly}.pdb"]));
        var pdb = provider.GetMetadataReader();

        var sourceLink = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
            .Select(pdb.GetCustomDebugInformation)
            .Where(info => pdb.GetGuid(info.Kind) == SourceLinkKind)
            .Select(info => Encoding.UTF8.GetString(pdb.GetBlobBytes(info.Value)))
            .SingleOrDefault();
        Assert.Equal($"{{\"documents\":{{\"/_/*\":\"{Library.RepositoryUrl}/raw/{Head()}/*\"}}}}", sourceLink);

        // ContinuousIntegrationBuild: the repository's sources are named from /_/, not from the path of the
        // clone; only files generated under obj/ (assembly attributes, global usings) keep their path.
        var documents = pdb.Documents.Select(d => pdb.GetString(pdb.GetDocument(d).Name)).ToList();
        Assert.Contains(documents, d => d.StartsWith("/_/src/", StringComparison.Ordinal));
        Assert.All(documents, d => Assert.True(d.StartsWith("/_/", StringComparison.Ordinal) || d.StartsWith(packages.ArtifactsFolder + "/obj/", StringComparison.Ordinal), d));
    }

    [Fact]
    public void Building_a_library_again_gives_the_same_assembly()
    {
        packages.AssertPacked();
        var result = ExternalTool.Run("dotnet", ["build", "src/Core", "-c", "Release", "--nologo", "--no-incremental", "-p:ContinuousIntegrationBuild=true", "--artifacts-path", packages.ArtifactsFolder], RepoPaths.Root, timeout: TimeSpan.FromMinutes(15));
        Assert.True(result.ExitCode == 0, result.StandardOutput + result.StandardError);
        var rebuilt = File.ReadAllBytes(Path.Combine(packages.ArtifactsFolder, "bin", "ConfigConvert.Core", "release", "ConfigConvert.Core.dll"));
        Assert.Equal(packages.Contents($"ConfigConvert.Core.{PackagesFixture.Version}.nupkg")["lib/net10.0/ConfigConvert.Core.dll"], rebuilt);
    }

    internal static XDocument Nuspec(IReadOnlyDictionary<string, byte[]> contents, string packageId)
        => XDocument.Parse(Encoding.UTF8.GetString(contents[$"{packageId}.nuspec"]).TrimStart('\uFEFF'));

    private static string Head()
    {
        var result = ExternalTool.Run("git", ["rev-parse", "HEAD"], RepoPaths.Root);
        Assert.True(result.ExitCode == 0, result.StandardError);
        return result.StandardOutput.Trim();
    }
}

/// <summary>A library under src/ as its project file declares it.</summary>
internal sealed record Library(string AssemblyName, IReadOnlyList<string> ReferencedLibraries)
{
    /// <summary>The repository URL of Directory.Build.props, which every package and PDB names.</summary>
    public static string RepositoryUrl { get; } = XDocument.Load(RepoPaths.Combine("Directory.Build.props")).Descendants("RepositoryUrl").Single().Value;

    /// <summary>Every project under src/ but the command line.</summary>
    public static IReadOnlyList<Library> All { get; } =
        [.. Directory.GetFiles(RepoPaths.Combine("src"), "*.csproj", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) != "Cli")
            .Order(StringComparer.Ordinal)
            .Select(Load)];

    public static Library Named(string assemblyName) => All.Single(l => l.AssemblyName == assemblyName);

    private static Library Load(string projectFile)
    {
        var project = XDocument.Load(projectFile);
        var references = project.Descendants("ProjectReference")
            .Select(r => XDocument.Load(Path.Combine(Path.GetDirectoryName(projectFile)!, (string)r.Attribute("Include")!)).Descendants("AssemblyName").Single().Value);
        return new Library(project.Descendants("AssemblyName").Single().Value, [.. references]);
    }
}
