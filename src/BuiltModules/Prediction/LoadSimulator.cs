using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Configuration;
using ConfigConvert.BuiltModules.Linking;
using ConfigConvert.BuiltModules.Modules;
using ConfigConvert.BuiltModules.Signature;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules.Prediction;

/// <summary>
/// Plays nginx's <c>load_module</c> (ngx_load_module, ngx_add_module) against a binary, one file after
/// another: <c>dlopen(RTLD_NOW | RTLD_GLOBAL)</c> (the file, its libraries, every symbol its
/// relocations name, looked up in nginx, its libraries and the modules loaded before), the
/// <c>dlsym()</c> of <c>ngx_modules</c> and <c>ngx_module_names</c>, then for each module the module
/// count, the version, the signature and the name. A refused file leaves no trace, as if its
/// <c>load_module</c> line were removed: so every failure of a configuration is found in one run,
/// each as nginx would report it once the failures before it are fixed.
/// </summary>
internal sealed class LoadSimulator
{
    /// <summary>NGX_MAX_DYNAMIC_MODULES (src/core/ngx_module.c).</summary>
    public const int MaxDynamicModules = 128;

    private readonly NginxTarget _nginx;
    private readonly SharedLibraries _libraries;
    private readonly HashSet<string> _moduleNames;
    private readonly HashSet<string> _globalExports;
    private readonly HashSet<string> _loadedLibraries;
    private readonly Dictionary<string, string> _loadedObjects = new(StringComparer.Ordinal);
    private readonly int _maxModules;
    private int _moduleCount;

    public LoadSimulator(NginxTarget nginx, SharedLibraries libraries)
    {
        _nginx = nginx;
        _libraries = libraries;
        _moduleNames = new HashSet<string>(nginx.Report.StaticModules, StringComparer.Ordinal);
        _globalExports = new HashSet<string>(nginx.GlobalExports, StringComparer.Ordinal);
        _loadedLibraries = new HashSet<string>(nginx.LoadedLibraries, StringComparer.Ordinal);
        _moduleCount = nginx.Report.StaticModules.Length;
        _maxModules = _moduleCount + MaxDynamicModules;
        foreach (var library in nginx.LibraryPaths)
        {
            _loadedObjects.TryAdd(FileIdentity.Of(library), library);
        }
    }

    /// <summary>What nginx does with <c>load_module ARGUMENT</c>, the file being <paramref name="file"/> (at <paramref name="fullPath"/>).</summary>
    public LoadOutcome Load(string argument, string fullPath, ModuleFile file, Location? directive, int nginxLine, DirectiveProblem problem)
    {
        var outcome = new LoadOutcome { Argument = argument, FullPath = fullPath, Directive = directive, NginxLine = nginxLine };
        var added = new List<string>();
        var loadedAs = _loadedObjects.GetValueOrDefault(FileIdentity.Of(fullPath));
        var failure = Refused(problem)
            ?? (loadedAs is not null ? null : Open(fullPath, file))
            ?? NotAModule(argument, loadedAs ?? fullPath, file)
            ?? AddModules(fullPath, file, added);
        if (failure is not null)
        {
            return outcome with { Failure = failure };
        }

        Commit(fullPath, file, added);
        return outcome with { Modules = [.. added] };
    }

    private static LoadFailure? Refused(DirectiveProblem problem) => problem switch
    {
        DirectiveProblem.NotAllowedHere => Failure(LoadFailureKind.DirectiveRefused, NginxMessages.NotAllowedHere),
        DirectiveProblem.InvalidArguments => Failure(LoadFailureKind.DirectiveRefused, NginxMessages.InvalidArguments),
        DirectiveProblem.TooLate => Failure(LoadFailureKind.DirectiveRefused, NginxMessages.TooLate),
        _ => null,
    };

    private LoadFailure? Open(string fullPath, ModuleFile file)
    {
        if (file.OpenFailure == OpenFailure.Unpredictable || (file.Image is null && file.OpenFailure == OpenFailure.None))
        {
            var why = file.Report.Diagnostics.FirstOrDefault()?.Message ?? $"`{fullPath}` cannot be read";
            return Failure(LoadFailureKind.CannotOpen, $"{why}; what nginx's dlopen() does with it cannot be told (a truncated file can even crash it)") with { IsNginxMessage = false };
        }

        if (file.OpenFailure != OpenFailure.None)
        {
            return Failure(LoadFailureKind.CannotOpen, NginxMessages.Dlopen(fullPath, NginxMessages.OpenReason(fullPath, file.OpenFailure)));
        }

        var image = file.Image!;
        var closure = _libraries.Closure(image, _loadedLibraries);
        if (closure.FirstOrDefault(l => l.Path is null) is { } missing)
        {
            return Failure(LoadFailureKind.CannotOpen, NginxMessages.Dlopen(fullPath, NginxMessages.MissingLibrary(missing.Name)));
        }

        // A symbol is looked up where the loader finds it: what is loaded already, the file, its libraries. Copying them
        // into one set for each file grew with every module loaded before it, so a directory of modules was quadratic.
        var libraries = closure.Select(l => _libraries.Exports(l.Path!)).ToList();
        bool InScope(string name) => _globalExports.Contains(name) || image.TryFindDefined(name, out _) || libraries.Exists(exports => exports.Contains(name));
        var undefined = image.Relocations
            .Where(r => r.SymbolIndex > 0 && r.SymbolIndex < image.Symbols.Length)
            .Select(r => image.Symbols[r.SymbolIndex])
            .Where(s => !s.IsDefined && !s.IsWeak && !InScope(s.Name))
            .Select(s => s.Name)
            .Distinct()
            .ToImmutableArray();
        return undefined.IsEmpty ? null : Failure(LoadFailureKind.UndefinedSymbol, NginxMessages.Dlopen(fullPath, NginxMessages.UndefinedSymbol(fullPath, undefined[0]))) with { MissingSymbols = undefined };
    }

    /// <summary>The <c>dlsym()</c>s; <paramref name="loadedAs"/> is the name the loader knows the file by.</summary>
    private static LoadFailure? NotAModule(string argument, string loadedAs, ModuleFile file)
    {
        foreach (var symbol in new[] { ModuleLayout.Modules, ModuleLayout.Names })
        {
            if (file.Image is { } image && !image.TryFindDefined(symbol, out _))
            {
                return Failure(LoadFailureKind.NotAModule, NginxMessages.Dlsym(argument, symbol, loadedAs));
            }
        }

        // An empty module list is read and loaded by nginx like any other: it adds no module (CC6011 says so).
        if (!file.Report.ModuleListRead)
        {
            var why = file.Report.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Message ?? "its module list cannot be read";
            return Failure(LoadFailureKind.NotAModule, why) with { IsNginxMessage = false };
        }

        return null;
    }

    private LoadFailure? AddModules(string fullPath, ModuleFile file, List<string> added)
    {
        var nginxVersion = _nginx.Report.Version!.Value;
        foreach (var module in file.Report.Modules)
        {
            if (_moduleCount + added.Count >= _maxModules)
            {
                return Failure(LoadFailureKind.TooManyModules, NginxMessages.TooManyModules) with { Module = module.Name };
            }

            if (module.Version != nginxVersion)
            {
                return Failure(LoadFailureKind.VersionMismatch, NginxMessages.Version(fullPath, module.Version, nginxVersion)) with { Module = module.Name };
            }

            if (module.Signature.Text != _nginx.Report.Signature!.Text)
            {
                return Failure(LoadFailureKind.NotBinaryCompatible, NginxMessages.NotBinaryCompatible(fullPath)) with
                {
                    Module = module.Name,
                    Differences = SignatureDecoder.Compare(module.Signature, _nginx.Report.Signature),
                };
            }

            if (_moduleNames.Contains(module.Name) || added.Contains(module.Name))
            {
                return Failure(LoadFailureKind.AlreadyLoaded, NginxMessages.AlreadyLoaded(module.Name)) with { Module = module.Name };
            }

            added.Add(module.Name);
        }

        return null;
    }

    private void Commit(string fullPath, ModuleFile file, List<string> added)
    {
        _moduleNames.UnionWith(added);
        _moduleCount += added.Count;
        if (!_loadedObjects.TryAdd(FileIdentity.Of(fullPath), fullPath) || file.Image is not { } image)
        {
            return;
        }

        _globalExports.UnionWith(image.Exports);
        foreach (var library in _libraries.Closure(image, _loadedLibraries))
        {
            _loadedLibraries.Add(library.Name);
            _loadedObjects.TryAdd(FileIdentity.Of(library.Path!), library.Path!);
            _globalExports.UnionWith(_libraries.Exports(library.Path!));
        }
    }

    private static LoadFailure Failure(LoadFailureKind kind, string message) => new() { Kind = kind, Message = message };
}
