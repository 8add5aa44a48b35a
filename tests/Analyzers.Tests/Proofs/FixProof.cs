using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ConfigConvert.TestSupport;
using ConfigConvert.Verification;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// One fixture proven with nginx's real build, once per test run, and shared by every assertion on it
/// (each configure and make costs tens of seconds): a copy of the fixture is fixed with
/// <c>check --fix</c>; <see cref="ModuleVerifier"/> converts its config, compares the static builds of
/// the original and converted config, builds the <c>.so</c> with <c>make modules</c> and loads it under
/// <c>nginx -t</c> with the module's directives. Then, in the build trees the verifier leaves behind:
/// the module's objects are compiled in the static tree; the dynamic objects are compiled again with an
/// <c>nginx.h</c> that says nginx 1.8.0 and the 1.9.11 API poisoned; the fixed sources of the fixture's
/// variants are compiled in place of its own; and the unfixed sources are built into the same <c>.so</c>
/// path and given to the same <c>nginx -t</c>.
/// </summary>
internal sealed partial class FixProof
{
    /// <summary>An <c>nginx_version</c> before 1.9.11, where the fix's guards select the old code.</summary>
    public const int OldNginxVersion = 1008000;

    /// <summary>
    /// Put before each C file compiled as old nginx: nginx 1.22's headers still declare what 1.9.11
    /// brought, so, once they are read, the names old nginx lacks are poisoned (as
    /// CSources/FixedSourcesCompileTests does): code of the old branch that used them would not compile.
    /// (<c>cycle-&gt;modules</c> cannot be poisoned: <c>modules</c> is too common a name.)
    /// </summary>
    private const string OldNginxPrologue = "#include <ngx_config.h>\n#include <ngx_core.h>\n#pragma GCC poison ngx_count_modules modules_n\n";

    private static readonly ConcurrentDictionary<string, Lazy<FixProof>> Proofs = new(StringComparer.Ordinal);

    private FixProof(string fixture) => Fixture = fixture;

    public string Fixture { get; }

    /// <summary>The C sources before and after the fix, relative path to text.</summary>
    public SortedDictionary<string, string> Original { get; private set; } = [];

    public SortedDictionary<string, string> Fixed { get; private set; } = [];

    /// <summary>What check --fix reported.</summary>
    public CheckReport FixReport { get; private set; } = null!;

    /// <summary>The config as check --fix left it.</summary>
    public byte[] FixedConfig { get; private set; } = [];

    public VerificationReport Report { get; private set; } = null!;

    /// <summary><c>make</c> of the module's objects in the static tree (configure --add-module of the converted config).</summary>
    public ExternalTool.Result StaticCompile { get; private set; } = null!;

    /// <summary>The symbols each fixed object uses without defining them, by object file (objs/addon/...), as built for the <c>.so</c>.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> FixedUndefined { get; private set; } = null!;

    /// <summary><c>make modules</c> with <c>nginx_version</c> set to <see cref="OldNginxVersion"/>.</summary>
    public ExternalTool.Result OldVersionBuild { get; private set; } = null!;

    /// <summary>The symbols each object uses when compiled for the old nginx.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> OldVersionUndefined { get; private set; } = null!;

    /// <summary>Each variant (<see cref="CheckFixtures.Variants"/>): the files check --fix changed in it, and the compilation of its fixed sources.</summary>
    public IReadOnlyDictionary<string, VariantBuild> VariantBuilds { get; private set; } = new Dictionary<string, VariantBuild>();

    /// <summary><c>make modules</c> with the unfixed sources, then <c>nginx -t</c> on the verifier's configuration; null when the fix changed no source.</summary>
    public ExternalTool.Result? UnfixedBuild { get; private set; }

    public ExternalTool.Result? UnfixedNginxTest { get; private set; }

    /// <summary>The proof of <paramref name="fixture"/>, built on first use.</summary>
    public static FixProof Of(string fixture) => Proofs.GetOrAdd(fixture, f => new Lazy<FixProof>(() => Build(f))).Value;

    private static FixProof Build(string fixture)
    {
        ProofTools.RequireNginx();
        var proof = new FixProof(fixture);
        using var module = CheckFixtures.Copy(fixture);
        proof.Original = module.Sources();
        var config = Path.Combine(module.Path, "config");
        var originalConfig = File.ReadAllBytes(config);
        proof.FixReport = FixRunner.Fix(module.Path);
        proof.Fixed = module.Sources();
        proof.FixedConfig = File.ReadAllBytes(config);

        // check --fix converts an old-style config too (CC2201); the verifier is given the original back so
        // that it converts it itself and compares the static builds of the original and converted configs.
        File.WriteAllBytes(config, originalConfig);
        var kept = Path.Combine(module.Root, "verify");
        proof.Report = ModuleVerifier.Verify(new VerificationRequest(module.Path) { Directives = CheckFixtures.Directives(fixture), KeepDirectory = kept, Timeout = TimeSpan.FromMinutes(5) });
        if (proof.Report.Verdict == VerificationVerdict.Proven)
        {
            proof.BuildInKeptTrees(kept, module);
        }

        return proof;
    }

    private void BuildInKeptTrees(string kept, TemporaryModule module)
    {
        var staticTree = Path.Combine(kept, "static-" + (Report.Style == ConfigStyle.Converted ? "converted" : "original"), "src");
        StaticCompile = ProofTools.Make(staticTree, AddonObjects(staticTree));

        var dynamicTree = Path.Combine(kept, "dynamic", "src");
        var objects = AddonObjects(dynamicTree);
        FixedUndefined = Symbols(dynamicTree, objects);

        // The verifier's copy of the module (converted config) gets other sources: the fixed ones as old
        // nginx compiles them, the variants' fixed, then the unfixed ones.
        var copy = Path.Combine(kept, "module", Path.GetFileName(module.Path));
        var header = Path.Combine(dynamicTree, "src", "core", "nginx.h");
        var current = File.ReadAllText(header);
        File.WriteAllText(header, VersionDefine().Replace(current, "${1}" + OldNginxVersion));
        Write(copy, Fixed.Where(f => f.Key.EndsWith(".c", StringComparison.Ordinal)).ToDictionary(f => f.Key, f => OldNginxPrologue + f.Value));
        Remove(dynamicTree, objects);
        OldVersionBuild = ProofTools.Make(dynamicTree, "modules");
        OldVersionUndefined = OldVersionBuild.ExitCode == 0 ? Symbols(dynamicTree, objects) : new Dictionary<string, IReadOnlySet<string>>();
        File.WriteAllText(header, current);

        VariantBuilds = CheckFixtures.Variants(Fixture).ToDictionary(v => v, v => BuildVariant(v, copy, dynamicTree, objects));
        if (Original.SequenceEqual(Fixed))
        {
            return;
        }

        Write(copy, Original);

        Remove(dynamicTree, objects);
        UnfixedBuild = ProofTools.Make(dynamicTree, "modules");
        var load = Path.Combine(kept, "load");
        UnfixedNginxTest = ProofTools.NginxTest(load, Path.Combine(load, "nginx.conf"));
    }

    private static VariantBuild BuildVariant(string variant, string moduleCopy, string tree, string[] objects)
    {
        using var fixedVariant = CheckFixtures.Copy(variant);
        var before = fixedVariant.Sources();
        FixRunner.Fix(fixedVariant.Path);
        var after = fixedVariant.Sources();
        Write(moduleCopy, after);
        Remove(tree, objects);
        return new VariantBuild([.. after.Keys.Where(f => before[f] != after[f])], ProofTools.Make(tree, objects));
    }

    private static void Write(string directory, IReadOnlyDictionary<string, string> sources)
    {
        foreach (var (path, text) in sources)
        {
            File.WriteAllText(Path.Combine(directory, path), text);
        }
    }

    private static Dictionary<string, IReadOnlySet<string>> Symbols(string tree, IEnumerable<string> objects)
        => objects.ToDictionary(o => o, o => ProofTools.Undefined(Path.Combine(tree, o)), StringComparer.Ordinal);

    // make rebuilds what changed; removing the objects makes sure each build compiles every source.
    private static void Remove(string tree, IEnumerable<string> objects)
    {
        foreach (var file in objects)
        {
            File.Delete(Path.Combine(tree, file));
        }
    }

    // configure writes one rule per object of the module: objs/addon/DIR/NAME.o: ...
    private static string[] AddonObjects(string tree)
    {
        var objects = AddonObject().Matches(File.ReadAllText(Path.Combine(tree, "objs", "Makefile"))).Select(m => m.Groups[1].Value).Distinct().ToArray();
        Assert.NotEmpty(objects);
        return objects;
    }

    [GeneratedRegex(@"^(objs/addon/[^:\s]+\.o):", RegexOptions.Multiline)]
    private static partial Regex AddonObject();

    [GeneratedRegex(@"^(#define\s+nginx_version\s+)\d+", RegexOptions.Multiline)]
    private static partial Regex VersionDefine();
}

/// <summary>A variant of a fixture, fixed and compiled: the files check --fix changed, and <c>make</c> of the module's objects.</summary>
internal sealed record VariantBuild(IReadOnlyList<string> ChangedSources, ExternalTool.Result Compile);
