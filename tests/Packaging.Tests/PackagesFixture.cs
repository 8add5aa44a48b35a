using System.IO.Compression;
using ConfigConvert.TestSupport;

namespace ConfigConvert.Packaging.Tests;

/// <summary>
/// Packs the repository once for every test of the collection, as CI and a release do (<c>.ci/pack</c>),
/// and installs the tool from the local package folder into temporary tool paths: <see cref="Tool"/>
/// as <c>dotnet tool install ConfigConvert.Tool</c> gives it on this machine (linux-x64: the native
/// one), <see cref="FallbackTool"/> from the framework-dependent package.
/// </summary>
public sealed class PackagesFixture : IDisposable
{
    /// <summary>The version every package of the repository has (Directory.Build.props).</summary>
    public const string Version = "0.1.0";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(30);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("cc-packages-");

    public PackagesFixture()
    {
        PackageFolder = Path.Combine(_root.FullName, "packages");
        ArtifactsFolder = Path.Combine(_root.FullName, "artifacts");
        Pack = ExternalTool.Run("bash", [RepoPaths.Combine(".ci", "pack"), PackageFolder, ArtifactsFolder], RepoPaths.Root, timeout: PackTimeout);
        if (Pack.ExitCode == 0)
        {
            Tool = Install("ConfigConvert.Tool", "tool");
            FallbackTool = Install("ConfigConvert.Tool.any", "tool-any");
        }
    }

    /// <summary>What <c>.ci/pack</c> printed, and its exit code.</summary>
    public ExternalTool.Result Pack { get; }

    /// <summary>Where the pack builds put their bin/ and obj/ (outside the source tree).</summary>
    public string ArtifactsFolder { get; }

    /// <summary>The folder the packages were written to.</summary>
    public string PackageFolder { get; }

    /// <summary><c>dotnet tool install --tool-path</c> of the tool's pointer package, as a user gets it.</summary>
    public InstalledTool? Tool { get; }

    /// <summary>The framework-dependent package installed on its own.</summary>
    public InstalledTool? FallbackTool { get; }

    /// <summary>The path of a package of the folder, after checking that packing worked.</summary>
    public string Package(string fileName)
    {
        AssertPacked();
        var path = Path.Combine(PackageFolder, fileName);
        Assert.True(File.Exists(path), $"{fileName} is not among the packages: {string.Join(", ", Directory.GetFiles(PackageFolder).Select(Path.GetFileName))}");
        return path;
    }

    /// <summary>The entries of a package (a zip), by their path inside it.</summary>
    public IReadOnlyDictionary<string, byte[]> Contents(string fileName)
    {
        using var zip = ZipFile.OpenRead(Package(fileName));
        return zip.Entries.Where(e => !e.FullName.EndsWith('/')).ToDictionary(e => e.FullName, Read, StringComparer.Ordinal);
    }

    /// <summary>Fails with what <c>.ci/pack</c> printed when it did not succeed.</summary>
    public void AssertPacked()
        => Assert.True(Pack.ExitCode == 0, $".ci/pack exited {Pack.ExitCode}:\n{Tail(Pack.StandardOutput)}\n{Tail(Pack.StandardError)}");

    public void Dispose() => _root.Delete(recursive: true);

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Tail(string text) => text.Length <= 8000 ? text : "...\n" + text[^8000..];

    private InstalledTool Install(string packageId, string folder)
    {
        var toolPath = Path.Combine(_root.FullName, folder);
        var result = ExternalTool.Run("dotnet", ["tool", "install", "--tool-path", toolPath, "--add-source", PackageFolder, packageId, "--version", Version], _root.FullName, timeout: TimeSpan.FromMinutes(5));
        return new InstalledTool(packageId, toolPath, result);
    }
}

/// <summary>A tool installed into a tool path, and what <c>dotnet tool install</c> said.</summary>
public sealed record InstalledTool(string PackageId, string ToolPath, ExternalTool.Result Install)
{
    /// <summary>The command <c>ngx-convert</c> in the tool path (a link into its package, or a shim).</summary>
    public string Command
    {
        get
        {
            Assert.True(Install.ExitCode == 0, $"dotnet tool install {PackageId} exited {Install.ExitCode}:\n{Install.StandardOutput}\n{Install.StandardError}");
            return Path.Combine(ToolPath, "ngx-convert");
        }
    }

    /// <summary>Runs the installed command from <paramref name="workingDirectory"/>.</summary>
    public ExternalTool.Result Run(string workingDirectory, params string[] arguments)
        => ExternalTool.Run(Command, arguments, workingDirectory, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, TimeSpan.FromMinutes(2));
}

[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}
