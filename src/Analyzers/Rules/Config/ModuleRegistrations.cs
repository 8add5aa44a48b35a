using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.ModuleModel;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// What CC2223 and CC2224 compare: the module names the config registers, under every link mode and
/// outcome that lets configure go on, with the C sources' <c>ngx_module_t</c> definitions. Made once for a module
/// (<see cref="ModuleAnalysis.GetAnalysis"/>), which both rules read.
/// </summary>
internal sealed class ModuleRegistrations
{
    private ModuleRegistrations(List<(string Name, Location Location)> names, HashSet<string> compiled, bool namesKnown, bool sourcesInside)
    {
        Names = names;
        CompiledFiles = compiled;
        NamesKnown = namesKnown;
        SourcesInside = sourcesInside;
    }

    /// <summary>Each registered name with where it was written (or the <c>. auto/module</c> that registered it).</summary>
    public IReadOnlyList<(string Name, Location Location)> Names { get; }

    /// <summary>The module's own sources the config compiles, relative to the module directory.</summary>
    public IReadOnlySet<string> CompiledFiles { get; }

    /// <summary>True when configure goes on in some outcome and every name registered is known: only then can a definition be missing from the config.</summary>
    public bool NamesKnown { get; }

    /// <summary>True when every source is known and inside the module: only then can a name be missing from the C sources.</summary>
    public bool SourcesInside { get; }

    public static ModuleRegistrations Of(ModuleAnalysis module)
    {
        var root = module.Directory.TrimEnd('/');
        var outcomes = new[] { LinkMode.Addon, LinkMode.Dynamic }.SelectMany(l => module.Describe(l).Outcomes)
            .Where(o => !o.Exited || o.ExitStatus == 0).ToList();
        var names = new List<(string Name, Location Location)>();
        foreach (var outcome in outcomes)
        {
            names.AddRange(outcome.Modules.Where(m => m.Location is not null).Select(m => (m.Name, Narrow(module, m.Location!, m.Name))));
            names.AddRange(outcome.AutoModuleCalls.Where(c => c.Location is not null).SelectMany(c => c.Names.Select(n => (n, c.Location!))));
        }

        var sources = outcomes.SelectMany(o => o.Sources).ToList();
        var inside = root + "/";

        // Each distinct path once: the outcomes of 64 worlds in two link modes name the same sources again and again.
        var compiled = sources.Select(s => s.Word?.KnownText).OfType<string>().ToHashSet(StringComparer.Ordinal)
            .Where(p => p.StartsWith(inside, StringComparison.Ordinal))
            .Select(p => RelativePath.Of(root, p)).ToHashSet(StringComparer.Ordinal);
        var namesKnown = outcomes.Count > 0 && names.All(n => IsName(n.Name));
        var sourcesInside = sources.All(s => s.Word?.KnownText is { } p && p.StartsWith(inside, StringComparison.Ordinal));
        return new ModuleRegistrations([.. names.DistinctBy(n => n.Name)], compiled, namesKnown, sourcesInside);
    }

    /// <summary>Where a definition names its module, in the C file.</summary>
    public static Location DefinitionLocation(ModuleAnalysis module, CModuleDefinition definition)
    {
        var path = Path.Combine(module.Directory, definition.File);
        if (module.Module.Sources.GetFile(definition.File) is not { } file || definition.Line > file.Text.Lines.Count)
        {
            return Location.None(path);
        }

        var start = file.Text.Lines[definition.Line - 1] + definition.Column - 1;
        return Location.Create(path, file.Text, new TextSpan(start, definition.Name.Length));
    }

    /// <summary>True for a plain C identifier: a name the model could not know shows its unknown part instead.</summary>
    public static bool IsName(string name)
        => name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static Location Narrow(ModuleAnalysis module, Location location, string name)
        => module.Module.Config is { } config && location.Path == config.FilePath ? ModulePaths.Narrow(config, location, name) : location;
}
