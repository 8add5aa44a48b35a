using System.Collections.Concurrent;
using System.Collections.Immutable;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// A module directory: its <c>config</c> script, parsed, and its C sources, indexed. The entry point of
/// the library: <see cref="Load(string)"/> never throws; problems are <see cref="Diagnostics"/>.
/// </summary>
public sealed class ModuleDirectory
{
    private readonly Lazy<CSourceIndex> _sources;

    // A description depends only on the (immutable) directory, the link mode and the build: rules,
    // the converter and its self-check ask for the same ones, and each is evaluated once.
    private readonly ConcurrentDictionary<(LinkMode Link, ReferenceBuild Reference), ModuleDescription> _descriptions = new();

    // The link modes of one build run the same config: the worlds of the first one evaluated leave
    // where every link mode is alike, for the worlds of the others to start there.
    private readonly ConcurrentDictionary<ReferenceBuild, LinkNeutralStarts> _linkNeutralStarts = new();

    // The files the config sources, parsed once for every world and link mode rather than by each.
    private readonly SourcedFiles _sourcedFiles = new();

    private ModuleDirectory(string path, SyntaxTree? config, ImmutableArray<Diagnostic> diagnostics, Lazy<CSourceIndex> sources, ImmutableArray<ModuleDirectory> configuredFirst = default)
    {
        Path = path;
        Config = config;
        Diagnostics = diagnostics;
        _sources = sources;
        ConfiguredFirst = configuredFirst.IsDefault ? [] : configuredFirst;
    }

    /// <summary>The module directory, absolute.</summary>
    public string Path { get; }

    /// <summary>The parsed <c>config</c>, or null when there is none or it cannot be read.</summary>
    public SyntaxTree? Config { get; }

    /// <summary>Problems reading the directory and its config (syntax errors included).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when a problem is about reading (missing directory, missing or unreadable config), not about what was read.</summary>
    public bool HasIoError => Diagnostics.Any(d => d.Descriptor == ModelDiagnostics.DirectoryMissing || d.Descriptor == ModelDiagnostics.ConfigMissing || d.Descriptor == ModelDiagnostics.ConfigUnreadable);

    /// <summary>The modules configure sources before this one (see <see cref="WithConfiguredFirst"/>), in order.</summary>
    public ImmutableArray<ModuleDirectory> ConfiguredFirst { get; }

    /// <summary>The module's C sources: which file defines which <c>ngx_module_t</c>.</summary>
    public CSourceIndex Sources => _sources.Value;

    /// <summary>Reads a module directory.</summary>
    public static ModuleDirectory Load(string path) => Load(path, arena: null);

    /// <summary>
    /// Reads a module directory, its C files into <paramref name="arena"/> when one is given: the directory's sources are
    /// then readable until the arena is released.
    /// </summary>
    internal static ModuleDirectory Load(string path, FileArena? arena)
    {
        var full = path.Length == 0 ? string.Empty : System.IO.Path.GetFullPath(path);
        if (!Directory.Exists(full))
        {
            // The C index would report the same missing directory again (CC2101): this is where it is said.
            var noSources = new Lazy<CSourceIndex>(() => CSourceIndex.Build([]));
            var reason = path.Length == 0 ? IO.IoReason.EmptyPath : File.Exists(full) ? "it is a file" : IO.IoReason.Missing(path);
            return new ModuleDirectory(full, null, [Diagnostic.Create(ModelDiagnostics.DirectoryMissing, Location.None(path), path, reason)], noSources);
        }

        var sources = new Lazy<CSourceIndex>(() => arena is null ? CSourceIndex.Build(full) : CSourceIndex.Build(full, arena));
        var configPath = System.IO.Path.Combine(full, "config");
        if (IsLinkLoop(configPath))
        {
            return new ModuleDirectory(full, null, [Diagnostic.Create(ModelDiagnostics.ConfigUnreadable, Location.None(configPath), configPath, "too many levels of symbolic links")], sources);
        }

        if (!File.Exists(configPath))
        {
            var kind = Directory.Exists(configPath) ? ModelDiagnostics.ConfigUnreadable : ModelDiagnostics.ConfigMissing;
            var diagnostic = kind == ModelDiagnostics.ConfigMissing
                ? Diagnostic.Create(kind, Location.None(configPath), path)
                : Diagnostic.Create(kind, Location.None(configPath), configPath, "it is a directory");
            return new ModuleDirectory(full, null, [diagnostic], sources);
        }

        try
        {
            // A device or a pipe is read only up to the limit: /dev/zero never ends.
            if (BoundedFile.ReadAllBytes(configPath) is not { } bytes)
            {
                var limit = $"larger than {InputLimits.MaxFileBytes / (1024 * 1024)} MiB";
                return new ModuleDirectory(full, null, [Diagnostic.Create(ModelDiagnostics.ConfigUnreadable, Location.None(configPath), configPath, limit)], sources);
            }

            var (tree, diagnostics) = Parse(SourceText.From(bytes), configPath);
            return new ModuleDirectory(full, tree, diagnostics, sources);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ModuleDirectory(full, null, [Diagnostic.Create(ModelDiagnostics.ConfigUnreadable, Location.None(configPath), configPath, IO.IoReason.Of(e))], sources);
        }
    }

    private static bool IsLinkLoop(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (info.LinkTarget is not null)
            {
                _ = info.ResolveLinkTarget(returnFinalTarget: true);
            }

            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>The same directory with another config text (a proposed conversion), parsed but not written anywhere.</summary>
    internal ModuleDirectory WithConfigText(SourceText text)
    {
        var (tree, diagnostics) = Parse(text, System.IO.Path.Combine(Path, "config"));
        return new ModuleDirectory(Path, tree, diagnostics, _sources, ConfiguredFirst);
    }

    /// <summary>
    /// The same module, evaluated as configure runs it after <paramref name="dependencies"/> (given
    /// earlier with <c>--add-module</c> or <c>--add-dynamic-module</c>): each one's config is sourced
    /// first, in order, with its own <c>ngx_addon_dir</c>, under the same link mode, so that what this
    /// config checks in configure's lists (<c>echo $HTTP_MODULES | grep ndk_http_module</c>) is decided.
    /// Their problems (a missing or broken config) are this directory's diagnostics too.
    /// </summary>
    public ModuleDirectory WithConfiguredFirst(IEnumerable<ModuleDirectory> dependencies)
    {
        ArgumentNullException.ThrowIfNull(dependencies);
        ImmutableArray<ModuleDirectory> first = [.. dependencies];
        return new ModuleDirectory(Path, Config, Diagnostics.AddRange(first.SelectMany(d => d.Diagnostics)), _sources, first);
    }

    /// <summary>The parsed config and the parser's diagnostics, with CC2004 after them when /bin/sh would not run it.</summary>
    private static (SyntaxTree Tree, ImmutableArray<Diagnostic> Diagnostics) Parse(SourceText text, string configPath)
    {
        var tree = SyntaxTree.ParseText(text, configPath);
        var diagnostics = tree.GetDiagnostics();
        if (tree.HasErrors)
        {
            diagnostics = diagnostics.Add(Diagnostic.Create(ModelDiagnostics.ConfigSyntaxErrors, Location.None(configPath), configPath));
        }

        return (tree, diagnostics);
    }

    /// <summary>Evaluates the config as configure would under <paramref name="link"/>, against <paramref name="reference"/> (by default <see cref="ReferenceBuild.Default"/>).</summary>
    public ModuleDescription Describe(LinkMode link, ReferenceBuild? reference = null)
        => _descriptions.GetOrAdd((link, reference ?? ReferenceBuild.Default), key => Describe(key.Link, key.Reference, maxSteps: 200_000));

    internal ModuleDescription Describe(LinkMode link, ReferenceBuild? reference, int maxSteps)
    {
        if (Config is null || Config.HasErrors || ConfiguredFirst.Any(d => d.Config is null || d.Config.HasErrors))
        {
            return new ModuleDescription(link, Path, [], Diagnostics);
        }

        reference ??= ReferenceBuild.Default;
        var settings = EvaluationSettings.Against(reference, Path, link, maxSteps) with
        {
            ConfiguredFirst = [.. ConfiguredFirst.Select(d => new ConfiguredModule(d.Path, d.Config!))],
            LinkNeutralStarts = ConfiguredFirst.IsEmpty ? _linkNeutralStarts.GetOrAdd(reference, _ => new LinkNeutralStarts()) : null,
            SourcedFiles = _sourcedFiles,
        };
        var worlds = Evaluator.RunAllWorlds(settings, Config);
        var lists = new ListChangeMemo();
        var outcomes = worlds.Select(w => new ModuleOutcome(Path, w, lists)).ToImmutableArray();
        var diagnostics = Diagnostics.AddRange(worlds.SelectMany(w => w.Record.Diagnostics).DistinctBy(d => d.ToString()))
            .AddRange(RequiredModules(outcomes, reference));
        return new ModuleDescription(link, Path, outcomes, diagnostics);
    }

    /// <summary>
    /// CC2009 for each module that an outcome registering modules needs from another addon: it looked
    /// for it in configure's lists and found it there, although nginx's own modules do not include it.
    /// </summary>
    private IEnumerable<Diagnostic> RequiredModules(ImmutableArray<ModuleOutcome> outcomes, ReferenceBuild reference)
    {
        var nginxOwn = ModuleType.All.SelectMany(t => reference.Modules(t)).ToHashSet(StringComparer.Ordinal);
        return outcomes.Where(o => !o.Modules.IsEmpty)
            .SelectMany(o => o.RequiredModules)
            .Where(r => r.Found && !nginxOwn.Contains(r.Name))
            .DistinctBy(r => r.Name)
            .Select(r => Diagnostic.Create(ModelDiagnostics.RequiresModule, r.Location ?? Location.None(System.IO.Path.Combine(Path, "config")), r.Name));
    }
}
