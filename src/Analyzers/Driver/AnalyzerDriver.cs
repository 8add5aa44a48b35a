using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.ModuleModel;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Driver;

/// <summary>
/// Runs a set of analyzers over one module directory: each analyzer registers its actions, then the
/// driver calls them on the config, the model's view of the module, each C file and each file. A rule
/// that throws is reported (<see cref="DriverDiagnostics.RuleFailed"/>) and the others go on.
/// </summary>
internal sealed class AnalyzerDriver
{
    /// <summary>The model's findings that <see cref="EvaluationStops"/> passes on: its stops, and the parser's errors in a sourced file.</summary>
    private static readonly ImmutableArray<DiagnosticDescriptor> StopDescriptors =
        [ModelDiagnostics.StepLimit, ModelDiagnostics.TooManyOutcomes, ModelDiagnostics.SourcedFileMissing, ModelDiagnostics.RecursiveSource, ModelDiagnostics.ReadOnlyVariable,
            ModelDiagnostics.SourcedFileSyntaxErrors, .. SyntaxDiagnostics.All];

    private readonly ImmutableArray<(ModuleAnalyzer Analyzer, AnalysisContext Actions)> _analyzers;

    /// <summary>The names of the files a module's listing looks at: the C index's, and those some file action wants.</summary>
    private readonly Func<string, bool> _wantsFile;

    public AnalyzerDriver(IEnumerable<ModuleAnalyzer> analyzers)
    {
        _analyzers = [.. analyzers.Select(a => (a, Register(a)))];
        var wanted = _analyzers.SelectMany(a => a.Actions.FileActions).Select(f => f.WantsFile).ToArray();
        _wantsFile = name => SourceFileNames.IsIndexed(name) || wanted.Any(wants => wants(name));
    }

    /// <summary>Analyzes the module in <paramref name="directory"/>; the diagnostics come sorted by file, position and id, each once.</summary>
    public ImmutableArray<Diagnostic> Analyze(string directory, NginxVersionRange target) => Run(directory, target).Diagnostics;

    /// <summary>
    /// Analyzes the module in <paramref name="directory"/> and keeps what was read (the config, the C
    /// files), so that suppressions and fixes work on the same text the rules saw. Every location path is
    /// absolute. With an <paramref name="arena"/>, the C files are read into it, and the run is readable until it is released.
    /// </summary>
    public ModuleRun Run(string directory, NginxVersionRange target, FileArena? arena = null)
    {
        var module = ModuleDirectory.Load(directory, arena);
        var diagnostics = new List<Diagnostic>(module.Diagnostics);
        if (module.HasIoError)
        {
            return new ModuleRun(module, [], Sorted(module.Path, diagnostics));
        }

        var analysis = new ModuleAnalysis(module, target);
        var unreadable = new List<(string Path, string Reason)>();
        var files = ModuleFiles.List(module.Path, unreadable, _wantsFile, module.Sources.Listings);
        var indexed = module.Sources.SourceFiles.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var sources = files.Where(f => SourceFileNames.IsIndexed(f.RelativePath)).Select(f => ReadSource(f, indexed)).OfType<CSourceDocument>().ToList();
        diagnostics.AddRange(module.Sources.Diagnostics);
        diagnostics.AddRange(unreadable.Select(u => Diagnostic.Create(SourceDiagnostics.UnreadableDirectory, Location.None(u.Path), u.Path, u.Reason)));
        diagnostics.AddRange(sources.SelectMany(UnterminatedLiterals));
        foreach (var (analyzer, actions) in _analyzers)
        {
            RunOne(analyzer, actions, analysis, sources, files, diagnostics);
        }

        diagnostics.AddRange(EvaluationStops(analysis));
        return new ModuleRun(module, [.. sources], Sorted(module.Path, diagnostics));
    }

    /// <summary>
    /// Where the model stopped evaluating the config (CC2005) or explored only some of its outcomes
    /// (CC2006), in the link modes the rules read: the rules then saw only part of what the config does,
    /// and saying nothing would pass a config that nothing has fully checked. And where configure itself
    /// stops, on a sourced file that is missing (CC2007), sources itself (CC2008) or has syntax errors
    /// (CC2011, with the parser's errors in that file), or on a read-only variable assigned (CC2010): no
    /// rule reads that, and the module cannot be built at all. The config's own syntax errors are the
    /// module's (<see cref="ModuleDirectory.Diagnostics"/>), and leave no evaluation to stop.
    /// </summary>
    private static IEnumerable<Diagnostic> EvaluationStops(ModuleAnalysis analysis) => analysis.Module.Config is null
        ? []
        : new[] { LinkMode.Addon, LinkMode.Dynamic }
            .SelectMany(link => analysis.Describe(link).Diagnostics)
            .Where(d => StopDescriptors.Contains(d.Descriptor));

    /// <summary>String and character literals left open: the C index reports open comments (CC2107), this the rest.</summary>
    private static IEnumerable<Diagnostic> UnterminatedLiterals(CSourceDocument source) => !source.File.MayHaveUnterminated ? [] : source.File.Tokens
        .Where(t => t.IsUnterminated && t.Kind is CTokenKind.StringLiteral or CTokenKind.CharLiteral)
        .Select(t => Diagnostic.Create(DriverDiagnostics.UnterminatedLiteral, source.File.GetLocation(new TextSpan(t.Start, 1)), t.Kind == CTokenKind.StringLiteral ? "a string" : "a character"));

    private static AnalysisContext Register(ModuleAnalyzer analyzer)
    {
        var context = new AnalysisContext();
        analyzer.Initialize(context);
        return context;
    }

    private static void RunOne(ModuleAnalyzer analyzer, AnalysisContext actions, ModuleAnalysis analysis, List<CSourceDocument> sources, List<RepositoryFile> files, List<Diagnostic> diagnostics)
    {
        var found = new List<Diagnostic>();
        void Report(Diagnostic diagnostic)
        {
            if (!analyzer.SupportedDiagnostics.Contains(diagnostic.Descriptor))
            {
                throw new InvalidOperationException($"{analyzer.GetType().Name} reported {diagnostic.Id}, which it does not declare");
            }

            found.Add(diagnostic);
        }

        try
        {
            var config = analysis.Module.Config;
            foreach (var action in actions.ConfigActions.Where(_ => config is not null))
            {
                action(new ConfigAnalysisContext(analysis, config!, Report));
            }

            foreach (var action in actions.ModuleActions)
            {
                action(new ModuleAnalysisContext(analysis, Report));
            }

            foreach (var action in actions.SourceActions)
            {
                sources.ForEach(source => action(new CSourceAnalysisContext(analysis, source, Report)));
            }

            foreach (var (wantsFile, action) in actions.FileActions)
            {
                foreach (var file in files.Where(file => wantsFile(file.Name)))
                {
                    action(new RepositoryFileAnalysisContext(analysis, file, Report));
                }
            }

            diagnostics.AddRange(found);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var rule = analyzer.SupportedDiagnostics.IsEmpty ? analyzer.GetType().Name : analyzer.SupportedDiagnostics[0].Id;
            diagnostics.Add(Diagnostic.Create(DriverDiagnostics.RuleFailed, Location.None(analysis.Directory), rule, $"{e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>
    /// One C file, tokenized: the C index's copy when it has read the file (each file is read and
    /// tokenized once), else read here. One that cannot be read is left out here, because the C index
    /// has already reported it.
    /// </summary>
    private static CSourceDocument? ReadSource(RepositoryFile file, Dictionary<string, CSourceFile> indexed)
    {
        if (file.Length > InputLimits.MaxFileBytes)
        {
            return null;
        }

        CSourceFile source;
        try
        {
            source = indexed.TryGetValue(file.RelativePath, out var known) ? known.WithPath(file.FullPath) : CSourceFile.Create(file.FullPath, file.ReadAllBytes());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The index looks for a NUL byte only near the start; a file with one anywhere is binary here.
        return source.ContainsNul ? null : new CSourceDocument(file.RelativePath, source);
    }

    /// <summary>
    /// Absolute paths (the C index reports paths relative to the module), sorted, each finding once: a
    /// whole-file diagnostic said twice in other words (an unreadable directory met by the index and by
    /// the file listing) counts once.
    /// </summary>
    private static ImmutableArray<Diagnostic> Sorted(string directory, List<Diagnostic> diagnostics) =>
    [
        .. diagnostics
            .Select(d => Absolute(directory, d))
            .DistinctBy(d => (d.Id, d.Location.Path, d.Location.Span, d.Location.Span.Length == 0 ? string.Empty : d.Message))
            .OrderBy(d => d.Location.Path ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(d => d.Location.Start.Line)
            .ThenBy(d => d.Location.Start.Column)
            .ThenBy(d => d.Id, StringComparer.Ordinal),
    ];

    private static Diagnostic Absolute(string directory, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.Path;
        if (string.IsNullOrEmpty(path) || Path.IsPathFullyQualified(path))
        {
            return diagnostic;
        }

        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(Path.Combine(directory, path)));
        return diagnostic.WithLocation(diagnostic.Location with { Path = full });
    }
}

/// <summary>One analyzed module: the directory as loaded, the C files the rules read, and every finding (absolute paths).</summary>
internal sealed record ModuleRun(ModuleDirectory Module, ImmutableArray<CSourceDocument> Sources, ImmutableArray<Diagnostic> Diagnostics);
