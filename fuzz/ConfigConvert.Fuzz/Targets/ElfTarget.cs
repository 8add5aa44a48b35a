using ConfigConvert.BuiltModules;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>
/// The ELF reader of <c>inspect</c>: the input is written as a <c>.so</c> and inspected against itself
/// as the nginx binary, so that the module arrays, the signature, the dynamic section, the nginx-binary
/// reader and the load prediction all read it.
/// </summary>
internal sealed class ElfTarget : FuzzTarget
{
    public override string Name => "elf";

    public override string Description => "BuiltModuleInspector.Inspect([file], against: file): no exception; a file that is not a readable module says why in a diagnostic";

    public override void Run(byte[] input)
    {
        var path = Path.Combine(Workspace.Directory("elf", [("ngx_fuzz_module.so", input)]), "ngx_fuzz_module.so");
        var report = BuiltModuleInspector.Inspect([path], path);
        var module = report.SharedObjects.Single();
        if (module.Modules.IsEmpty && module.Diagnostics.IsEmpty)
        {
            throw new PropertyViolation("a file with no modules got no diagnostic saying why");
        }
    }

    // Modules the repository's fixtures build (tests/fixtures/built, when a test run has built them
    // there) and Debian's nginx modules, which CI installs; a few bytes of an ELF header besides.
    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Files(repository, "tests/fixtures/built", name => name.EndsWith(".so", StringComparison.Ordinal))
            .Concat(FixtureFiles.Files("/usr/lib/nginx", "modules", name => name.EndsWith(".so", StringComparison.Ordinal)).OrderBy(s => s.Content.Length).Take(3))
            .Append(new Seed("elf-header", [0x7f, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0]));
}
