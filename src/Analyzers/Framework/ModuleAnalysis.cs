using System.Collections.Concurrent;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Analyzers.Framework;

/// <summary>
/// Everything the rules may ask about one module directory, computed at most once however many rules
/// ask: the loaded directory (config syntax and C index) and the model's description under each link mode.
/// </summary>
internal sealed class ModuleAnalysis
{
    private readonly ConcurrentDictionary<LinkMode, ModuleDescription> _descriptions = new();
    private readonly ConcurrentDictionary<Type, object> _analyses = new();

    public ModuleAnalysis(ModuleDirectory module, NginxVersionRange target)
    {
        Module = module;
        Target = target;
    }

    /// <summary>The module directory, its config and its C sources.</summary>
    public ModuleDirectory Module { get; }

    /// <summary>The nginx versions the module is checked for: code compiled only outside them is not a finding.</summary>
    public NginxVersionRange Target { get; }

    /// <summary>The full path of the module directory.</summary>
    public string Directory => Module.Path;

    /// <summary>The model's description of the config under <paramref name="link"/>, evaluated once.</summary>
    public ModuleDescription Describe(LinkMode link) => _descriptions.GetOrAdd(link, l => Module.Describe(l));

    /// <summary>
    /// What <paramref name="analyze"/> finds in the module, computed once however many rules or files ask:
    /// a rule that runs once per C file keeps here what it learns of the module as a whole.
    /// </summary>
    public T GetAnalysis<T>(Func<ModuleAnalysis, T> analyze)
        where T : class
        => (T)_analyses.GetOrAdd(typeof(T), static (_, state) => state.analyze(state.module), (analyze, module: this));
}
