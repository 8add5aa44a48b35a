namespace ConfigConvert.Analyzers.Framework;

/// <summary>What an analyzer registers with: one list of actions per part of a module.</summary>
internal sealed class AnalysisContext
{
    private readonly List<Action<ConfigAnalysisContext>> _configActions = [];
    private readonly List<Action<ModuleAnalysisContext>> _moduleActions = [];
    private readonly List<Action<CSourceAnalysisContext>> _sourceActions = [];
    private readonly List<(Func<string, bool> WantsFile, Action<RepositoryFileAnalysisContext> Action)> _fileActions = [];

    public IReadOnlyList<Action<ConfigAnalysisContext>> ConfigActions => _configActions;

    public IReadOnlyList<Action<ModuleAnalysisContext>> ModuleActions => _moduleActions;

    public IReadOnlyList<Action<CSourceAnalysisContext>> SourceActions => _sourceActions;

    public IReadOnlyList<(Func<string, bool> WantsFile, Action<RepositoryFileAnalysisContext> Action)> FileActions => _fileActions;

    /// <summary>Called once per module whose config parsed, with its syntax tree.</summary>
    public void RegisterConfigAction(Action<ConfigAnalysisContext> action) => _configActions.Add(action);

    /// <summary>Called once per module whose config exists, with the model's description of it under each link mode.</summary>
    public void RegisterModuleAction(Action<ModuleAnalysisContext> action) => _moduleActions.Add(action);

    /// <summary>Called once per C source or header of the module.</summary>
    public void RegisterCSourceAction(Action<CSourceAnalysisContext> action) => _sourceActions.Add(action);

    /// <summary>
    /// Called once per file under the module's directory (C sources and the config included) whose name (not path)
    /// <paramref name="wantsFile"/> accepts. A module holds many files no rule reads (tests, documentation), and the
    /// files no action wants are not looked at beyond their names.
    /// </summary>
    public void RegisterRepositoryFileAction(Func<string, bool> wantsFile, Action<RepositoryFileAnalysisContext> action) => _fileActions.Add((wantsFile, action));
}
