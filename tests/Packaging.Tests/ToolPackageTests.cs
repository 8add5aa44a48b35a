using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.Packaging.Tests;

/// <summary>
/// The tool as `dotnet tool install` gives it: the pointer package ConfigConvert.Tool names a Native
/// AOT package for linux-x64 and a framework-dependent one for every other platform; installed on this
/// machine it is the native executable, built with no trimming or AOT warning, and it works.
/// </summary>
[Collection(PackagesCollection.Name)]
[Trait("Requires", "dotnet-pack")]
public sealed partial class ToolPackageTests(PackagesFixture packages)
{
    private const string Version = PackagesFixture.Version;

    private static readonly string SampleModule = TestSupport.RepoPaths.Combine("samples", "ngx_http_hello_module");

    [Fact]
    public void The_native_build_reports_no_trimming_or_AOT_warning()
    {
        packages.AssertPacked();
        var output = packages.Pack.StandardOutput + packages.Pack.StandardError;
        var warnings = TrimOrAotDiagnostic().Matches(output).Select(m => m.Value).Distinct().ToList();
        Assert.True(warnings.Count == 0, "the native build reports:\n" + string.Join("\n", warnings));
        Assert.Contains("Generating native code", output);
    }

    [Fact]
    public void The_pointer_package_names_the_native_package_and_the_framework_dependent_fallback()
    {
        var contents = packages.Contents($"ConfigConvert.Tool.{Version}.nupkg");
        var settings = Encoding.UTF8.GetString(contents["tools/any/any/DotnetToolSettings.xml"]);
        Assert.Contains("<Command Name=\"ngx-convert\" />", settings);
        Assert.Contains("<RuntimeIdentifierPackage RuntimeIdentifier=\"linux-x64\" Id=\"ConfigConvert.Tool.linux-x64\" />", settings);
        Assert.Contains("<RuntimeIdentifierPackage RuntimeIdentifier=\"any\" Id=\"ConfigConvert.Tool.any\" />", settings);
        Assert.DoesNotContain(contents.Keys, k => k.EndsWith(".dll", StringComparison.Ordinal));
        Assert.Contains("DotnetTool", LibraryPackageTests.Nuspec(contents, "ConfigConvert.Tool").ToString());
    }

    [Fact]
    public void The_native_package_holds_the_executable_alone()
    {
        var contents = packages.Contents($"ConfigConvert.Tool.linux-x64.{Version}.nupkg");
        var tool = contents.Keys.Where(k => k.StartsWith("tools/", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        Assert.Equal(["tools/any/linux-x64/DotnetToolSettings.xml", "tools/any/linux-x64/ngx-convert"], tool);
        Assert.True(IsElf(contents["tools/any/linux-x64/ngx-convert"]), "ngx-convert in the linux-x64 package is not an ELF executable");

        // Linked at a fixed address (ET_EXEC, not the ET_DYN of a position-independent image): the loader
        // then has no relocations to apply at every start (the project file says why).
        Assert.Equal(ElfFixedAddressExecutable, System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(contents["tools/any/linux-x64/ngx-convert"].AsSpan(16)));
        Assert.Contains("Runner=\"executable\"", Encoding.UTF8.GetString(contents["tools/any/linux-x64/DotnetToolSettings.xml"]));
    }

    [Fact]
    public void The_framework_dependent_package_rolls_forward_and_has_symbols()
    {
        var contents = packages.Contents($"ConfigConvert.Tool.any.{Version}.nupkg");
        Assert.Contains("tools/net10.0/any/ngx-convert.dll", contents.Keys);
        Assert.Matches("\"rollForward\": \"Major\"", Encoding.UTF8.GetString(contents["tools/net10.0/any/ngx-convert.runtimeconfig.json"]));
        // The tool carries no API docs; [Content_Types].xml is the package's own (OPC) and DotnetToolSettings.xml names the command.
        Assert.DoesNotContain(contents.Keys, k => k.StartsWith("tools/", StringComparison.Ordinal) && k.EndsWith(".xml", StringComparison.Ordinal) && !k.EndsWith("DotnetToolSettings.xml", StringComparison.Ordinal));
        Assert.Contains("tools/net10.0/any/ngx-convert.pdb", packages.Contents($"ConfigConvert.Tool.any.{Version}.snupkg").Keys);
    }

    [Fact]
    public void Both_builds_carry_the_collector_settings_of_the_project()
    {
        // The server collector, blocking, without DATAS, each young generation capped (the project file says why): the
        // framework-dependent build reads them from its runtimeconfig, and the native compiler was given them to build in.
        (string Name, string Value)[] settings =
        [
            ("System.GC.Server", "true"), ("System.GC.Concurrent", "false"), ("System.GC.ConserveMemory", "9"),
            ("System.GC.DynamicAdaptationMode", "0"), ("System.GC.Gen0MaxBudget", "8388608"),
        ];
        var runtimeConfig = Encoding.UTF8.GetString(packages.Contents($"ConfigConvert.Tool.any.{Version}.nupkg")["tools/net10.0/any/ngx-convert.runtimeconfig.json"]);
        var nativeCompilerArguments = Directory.GetFiles(packages.ArtifactsFolder, "ngx-convert.ilc.rsp", SearchOption.AllDirectories);
        Assert.Single(nativeCompilerArguments);
        var knobs = File.ReadAllLines(nativeCompilerArguments[0]);
        foreach (var (name, value) in settings)
        {
            Assert.Contains($"\"{name}\": {value}", runtimeConfig);
            Assert.Contains($"--runtimeknob:{name}={value}", knobs);
        }
    }

    [Fact]
    public void Installing_the_tool_on_linux_x64_gives_the_native_executable()
    {
        var command = new FileInfo(packages.Tool!.Command);
        var target = command.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? command.FullName;
        Assert.Contains("/configconvert.tool.linux-x64/", target);
        Assert.True(IsElf(File.ReadAllBytes(target)), $"{target} is not an ELF executable");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(target)!, "*.dll"));
    }

    [Fact]
    public void The_installed_tool_describes_checks_and_converts_the_sample_module()
    {
        var tool = packages.Tool!;
        var describe = tool.Run(SampleModule, "describe", ".");
        Assert.True(describe.ExitCode == 0, describe.StandardError);
        Assert.Contains("ngx_http_hello_module  HTTP  append", describe.StandardOutput);

        var check = tool.Run(SampleModule, "check", ".");
        Assert.Equal(1, check.ExitCode);
        Assert.Contains("warning CC2201:", check.StandardOutput);

        var convert = tool.Run(SampleModule, "convert", "--diff", ".");
        Assert.True(convert.ExitCode == 0, convert.StandardError);
        Assert.StartsWith("--- a/config\n+++ b/config\n", convert.StandardOutput);
        Assert.Contains("\n+    . auto/module\n", convert.StandardOutput);
    }

    [Fact]
    public void The_framework_dependent_fallback_installs_and_runs()
    {
        var tool = packages.FallbackTool!;
        Assert.NotEmpty(Directory.GetFiles(tool.ToolPath, "ngx-convert.dll", SearchOption.AllDirectories));
        var describe = tool.Run(SampleModule, "describe", ".");
        Assert.True(describe.ExitCode == 0, describe.StandardError);
        Assert.Contains("ngx_http_hello_module  HTTP  append", describe.StandardOutput);
    }

    /// <summary>e_type ET_EXEC, at offset 16 of an ELF header.</summary>
    private const ushort ElfFixedAddressExecutable = 2;

    private static bool IsElf(byte[] bytes) => bytes.AsSpan().StartsWith("\u007fELF"u8);

    // What the trimming (IL2xxx) and AOT (IL3xxx) analysis of the native compiler reports.
    [GeneratedRegex(@"\b(warning|error) IL[23]\d{3}\b.*")]
    private static partial Regex TrimOrAotDiagnostic();
}
