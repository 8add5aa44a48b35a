using ConfigConvert.TestSupport;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>
/// Where a module's libraries are found. One inspection looks each library up once per place it is looked
/// for: two modules that need a library of the same name through <c>$ORIGIN</c> look for it in their own
/// directories, and find it beside one and not beside the other; loaded together, the loader has it already.
/// </summary>
public sealed class LibrarySearchTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cc-libs-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Trait("Requires", "nginx")]
    [Fact]
    public void A_library_named_alike_is_found_beside_each_module_that_runs_from_its_origin()
    {
        var library = Compile("dep.c", "int ngx_cc_dep(void) { return 1; }\n", "libccdep.so", ["-shared", "-fPIC"], []);
        var withLibrary = Directory.CreateDirectory(Path.Combine(_root, "with")).FullName;
        Directory.CreateDirectory(Path.Combine(_root, "without"));
        File.Copy(library, Path.Combine(withLibrary, "libccdep.so"));
        const string module = "extern int ngx_cc_dep(void);\nvoid *ngx_modules[] = { 0 };\nchar *ngx_module_names[] = { 0 };\nchar *ngx_module_order[] = { 0 };\nint ngx_cc_use(void) { return ngx_cc_dep(); }\n";
        string[] libraries = ["-L" + _root, "-lccdep", "-Wl,--enable-new-dtags,-rpath,$ORIGIN"];
        var found = Compile("found.c", module, "with/ngx_found_module.so", ["-shared", "-fPIC"], libraries);
        var missing = Compile("missing.c", module, "without/ngx_missing_module.so", ["-shared", "-fPIC"], libraries);
        var foundAgain = Path.Combine(withLibrary, ".", "ngx_found_module.so");

        var alone = BuiltModuleInspector.Inspect([missing], RealNginx.Binary);
        var report = BuiltModuleInspector.Inspect([found, missing, foundAgain], RealNginx.Binary);

        // Alone, the module whose directory lacks the library is not opened, as nginx says.
        Assert.Null(Assert.Single(alone.SharedObjects[0].NeededLibraries, l => l.Name == "libccdep.so").Path);
        Assert.Contains(alone.SharedObjects[0].Diagnostics, d => d.Id == "CC6010" && d.Message.Contains("libccdep.so", StringComparison.Ordinal));
        var refused = RealNginx.Load(missing);
        Assert.NotNull(refused);
        Assert.Equal(refused.Message, alone.Outcomes[0].Failure?.Message);

        // Each file's own search is its own, though the library's name was looked for before from elsewhere.
        Assert.Equal(Path.Combine(withLibrary, "libccdep.so"), Assert.Single(report.SharedObjects[0].NeededLibraries, l => l.Name == "libccdep.so").Path);
        Assert.Null(Assert.Single(report.SharedObjects[1].NeededLibraries, l => l.Name == "libccdep.so").Path);
        Assert.Equal(Path.Combine(withLibrary, "libccdep.so"), Assert.Single(report.SharedObjects[2].NeededLibraries, l => l.Name == "libccdep.so").Path);

        // After the first, the loader has a library of that name and gives it to the second: nginx loads all three.
        Assert.All(report.Outcomes, o => Assert.Null(o.Failure));
        Assert.Null(RealNginx.Load(found, missing, foundAgain));
    }

    private string Compile(string sourceName, string text, string output, string[] flags, string[] libraries)
    {
        var source = Path.Combine(_root, sourceName);
        File.WriteAllText(source, text);
        var target = Path.Combine(_root, output);
        var compiled = ExternalTool.Run(ExternalTool.Require("cc", "apt-get install -y build-essential"), [.. flags, "-o", target, source, .. libraries]);
        Assert.True(compiled.ExitCode == 0, compiled.StandardError);
        return target;
    }
}
