using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Analyzers.Framework;

/// <summary>What every action gets: the module being analyzed and a way to report.</summary>
internal abstract class AnalyzerActionContext
{
    private readonly Action<Diagnostic> _report;

    protected AnalyzerActionContext(ModuleAnalysis module, Action<Diagnostic> report)
    {
        Module = module;
        _report = report;
    }

    /// <summary>The module: its directory, config, C index, descriptions and target versions.</summary>
    public ModuleAnalysis Module { get; }

    /// <summary>Reports a diagnostic; it must be one of the analyzer's supported descriptors.</summary>
    public void Report(Diagnostic diagnostic) => _report(diagnostic);
}

/// <summary>The action context for a module's parsed config script.</summary>
internal sealed class ConfigAnalysisContext(ModuleAnalysis module, SyntaxTree config, Action<Diagnostic> report)
    : AnalyzerActionContext(module, report)
{
    /// <summary>The config's lossless syntax tree.</summary>
    public SyntaxTree Config { get; } = config;
}

/// <summary>The action context for a module as the model describes it (<see cref="ModuleAnalysis.Describe"/>).</summary>
internal sealed class ModuleAnalysisContext(ModuleAnalysis module, Action<Diagnostic> report)
    : AnalyzerActionContext(module, report);

/// <summary>The action context for one C source or header of a module.</summary>
internal sealed class CSourceAnalysisContext(ModuleAnalysis module, CSourceDocument source, Action<Diagnostic> report)
    : AnalyzerActionContext(module, report)
{
    /// <summary>The file: its path, text, tokens, and which code is compiled for the target versions.</summary>
    public CSourceDocument Source { get; } = source;
}

/// <summary>The action context for one file under a module's directory.</summary>
internal sealed class RepositoryFileAnalysisContext(ModuleAnalysis module, RepositoryFile file, Action<Diagnostic> report)
    : AnalyzerActionContext(module, report)
{
    /// <summary>The file: its path relative to the module and its content, read on demand.</summary>
    public RepositoryFile File { get; } = file;
}
