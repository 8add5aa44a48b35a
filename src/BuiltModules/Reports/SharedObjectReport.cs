using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules;

/// <summary>What a <c>.so</c> records: its modules, their load order, the libraries it needs and the symbols it expects from nginx.</summary>
public sealed record SharedObjectReport
{
    /// <summary>The file as given.</summary>
    public required string Path { get; init; }

    /// <summary>Its modules, in the order of <c>ngx_modules[]</c> (the order nginx adds them).</summary>
    public ImmutableArray<BuiltModule> Modules { get; init; } = [];

    /// <summary><c>ngx_module_order[]</c>: the names before which nginx places the modules; empty when absent.</summary>
    public ImmutableArray<string> Order { get; init; } = [];

    /// <summary>Whether the file exports <c>ngx_module_order</c> at all.</summary>
    public bool HasOrder { get; init; }

    /// <summary>
    /// True when <c>ngx_modules[]</c> and <c>ngx_module_names[]</c> were read to their ends: nginx would
    /// load what they list, and nothing when they are empty. False when they are missing or broken.
    /// </summary>
    public bool ModuleListRead { get; init; }

    /// <summary>Its <c>DT_NEEDED</c> libraries and where the dynamic loader finds each (null: not found).</summary>
    public ImmutableArray<NeededLibrary> NeededLibraries { get; init; } = [];

    /// <summary>Symbols it needs that neither libc nor its libraries provide: nginx or a module loaded earlier must export them.</summary>
    public ImmutableArray<string> SymbolsFromNginx { get; init; } = [];

    /// <summary>The dependency a package of this file should declare; null when it has no modules.</summary>
    public PackageDependencies? Packages { get; init; }

    /// <summary>Why the file could not be read fully, or what is doubtful in it.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the file is an nginx dynamic module with at least one module.</summary>
    public bool IsModule => !Modules.IsEmpty;

    /// <summary>True when the file could not be opened at all (missing, a directory, unreadable).</summary>
    public bool IsIoError => Diagnostics.Any(d => d.Id == BuiltModuleDiagnostics.FileUnreadable.Id);
}

/// <summary>A <c>DT_NEEDED</c> entry and the file the dynamic loader would map for it (null: not found).</summary>
public sealed record NeededLibrary(string Name, string? Path);
