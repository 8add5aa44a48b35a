using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Elf;
using ConfigConvert.BuiltModules.Linking;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules.Modules;

/// <summary>An nginx binary as read: the public report, and what loading modules into it needs (its global symbol scope).</summary>
internal sealed record NginxTarget(NginxBinaryReport Report, ImmutableHashSet<string> GlobalExports, ImmutableHashSet<string> LoadedLibraries, ImmutableArray<string> LibraryPaths);

/// <summary>
/// Reads nginx's version and signature from its exported <c>ngx_core_module</c> (nginx links with
/// <c>-Wl,-E</c>, so this works on stripped binaries), its static modules from
/// <c>ngx_modules[]</c>/<c>ngx_module_names[]</c>, and the symbols it and its libraries export.
/// </summary>
internal static class NginxBinaryReader
{
    private const string DefaultPrefix = "/usr/local/nginx/";

    public static NginxTarget Read(string path, SharedLibraries libraries)
    {
        var diagnostics = new List<Diagnostic>();
        var empty = new NginxTarget(new NginxBinaryReport { Path = path }, [], [], []);
        var (bytes, _) = ModuleFileReader.ReadBytes(path, diagnostics);
        var read = bytes is null ? null : ElfImage.Read(path, bytes);
        if (read?.Image is not { } image)
        {
            if (read is { Problem: { } problem })
            {
                diagnostics.Add(Diagnostic.Create(problem == ElfProblem.NotElf ? BuiltModuleDiagnostics.NotElf : problem == ElfProblem.Unsupported ? BuiltModuleDiagnostics.Unsupported : BuiltModuleDiagnostics.Truncated, Location.None(path), path, read.Detail));
            }

            return empty with { Report = empty.Report with { Diagnostics = [.. diagnostics] } };
        }

        if (!image.HasDynamicSymbols || !image.TryFindDefined(ModuleLayout.CoreModule, out var core))
        {
            diagnostics.Add(Diagnostic.Create(image.HasDynamicSymbols ? BuiltModuleDiagnostics.NotNginx : BuiltModuleDiagnostics.NoDynamicSymbols, Location.None(path), path));
            return empty with { Report = empty.Report with { Diagnostics = [.. diagnostics] } };
        }

        var own = ModuleListReader.ReadModule(image, new Pointer(core.Value, null), 0, ModuleLayout.CoreModule, diagnostics);
        var staticModules = StaticModuleNames(image, diagnostics);
        var prefix = WithSlash(image.FindConfigureArgument("--prefix") ?? DefaultPrefix);
        var confPath = image.FindConfigureArgument("--conf-path") ?? "conf/nginx.conf";
        var closure = libraries.Closure(image, new HashSet<string>());
        var exports = image.Exports.Concat(closure.Select(l => l.Path).OfType<string>().SelectMany(libraries.Exports)).ToImmutableHashSet(StringComparer.Ordinal);
        var report = new NginxBinaryReport
        {
            Path = path,
            Version = own?.Version,
            Signature = own?.Signature,
            StaticModules = staticModules,
            Prefix = prefix,
            ConfigurationPath = Path.IsPathRooted(confPath) ? confPath : prefix + confPath,
            Diagnostics = [.. diagnostics],
        };
        return new NginxTarget(report, exports, [.. image.Needed, .. closure.Select(l => l.Name)], [.. closure.Select(l => l.Path).OfType<string>()]);
    }

    private static ImmutableArray<string> StaticModuleNames(ElfImage image, List<Diagnostic> diagnostics)
    {
        if (!image.TryFindDefined(ModuleLayout.Names, out _))
        {
            return [];
        }

        var names = ModuleListReader.ReadArray(image, ModuleLayout.Names, diagnostics) ?? [];
        return [.. names.Where(p => p.ExternalSymbol is null).Select(p => image.ReadCString(p.Address)).OfType<string>()];
    }

    private static string WithSlash(string prefix) => prefix.EndsWith('/') ? prefix : prefix + "/";
}
