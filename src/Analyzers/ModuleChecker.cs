using System.Collections.Concurrent;
using System.Collections.Immutable;
using ConfigConvert.Analyzers.Baselines;
using ConfigConvert.Analyzers.Configuration;
using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Fixing;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.Analyzers.Suppression;
using ConfigConvert.Converter;
using ConfigConvert.CSources;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Analyzers;

/// <summary>
/// The entry point of the rules: checks module directories for what blocks or breaks them as dynamic
/// modules, and returns the findings as data for any output format.
/// </summary>
/// <remarks>
/// For each module the rules run, then suppression comments hide what they name, <c>.editorconfig</c>
/// severities apply (<c>none</c> hides), the baseline hides what it records, and with
/// <see cref="CheckOptions.Fix"/> the fixes of what is left are proven on a copy of the module and
/// written. The call never throws for bad input: unreadable paths, files and baselines are diagnostics
/// (<see cref="CheckReport.HasIoErrors"/>).
/// </remarks>
/// <example>
/// <code>
/// var report = ModuleChecker.Check(["modules/"], new CheckOptions { Fix = true });
/// foreach (var file in report.ChangedFiles) { ... }
/// </code>
/// </example>
public static class ModuleChecker
{
    /// <summary>
    /// Checks each path in <paramref name="paths"/>, in the order given: a module directory (one that holds
    /// a <c>config</c>), a module's <c>config</c> file, or a directory searched for module directories.
    /// </summary>
    public static CheckReport Check(IEnumerable<string> paths, CheckOptions? options = null)
    {
        options ??= new CheckOptions();
        WarmUpWhileSearching(options);
        var general = new List<Diagnostic>();
        var search = ModuleSearch.Find(paths, new ModuleSearchOptions { Include = options.Include, Exclude = options.Exclude, MaxParallelism = options.MaxParallelism });
        general.AddRange(search.Problems.Select(SearchDiagnostics.Of));
        var baseline = OpenBaseline(options, general);
        var run = new CheckRun(options, baseline);
        // Fixing, modules are worked on one at a time, in order: a file two of them share (through a link) is then fixed
        // by the first and found fixed by the next, whatever the parallelism, rather than by whichever is quicker.
        var parallelism = options.Fix ? 1 : options.MaxParallelism;
        var results = ParallelModules.Run(search.Modules.Select(m => m.Directory).ToList(), parallelism, run.CheckModule, options.Progress);
        general.AddRange(run.Severities.Diagnostics);
        if (baseline is not null && options.WriteBaseline)
        {
            WriteBaseline(baseline, run.BaselineKeys, general);
        }
        else if (baseline is not null)
        {
            general.AddRange(baseline.UnusedEntries());
        }

        return new CheckReport(results, [.. general]);
    }

    /// <summary>
    /// Reads the reference build every module is described against on another thread while this one searches for the
    /// modules: made the first time a module asks for it, it held up the first modules of every thread, where the
    /// search leaves a processor idle (docs/performance.md, the twenty-first round). Checked one at a time, nothing is
    /// idle to read it.
    /// </summary>
    private static void WarmUpWhileSearching(CheckOptions options)
    {
        if (options.MaxParallelism > 1 && !options.Fix)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static _ => _ = ReferenceBuild.Default, null);
        }
    }

    private static BaselineFile? OpenBaseline(CheckOptions options, List<Diagnostic> diagnostics)
    {
        if (options.BaselinePath is not { } path)
        {
            return null;
        }

        return options.WriteBaseline ? BaselineFile.Empty(path) : BaselineFile.Read(path, diagnostics);
    }

    private static void WriteBaseline(BaselineFile baseline, List<FindingKey> keys, List<Diagnostic> diagnostics)
    {
        try
        {
            AtomicFile.Replace(baseline.Path, BaselineFile.Serialize(keys));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Create(DriverDiagnostics.WriteFailed, Location.None(baseline.Path), baseline.Path, IO.IoReason.Of(e)));
        }
    }

    /// <summary>One run of the rules over a module, with what was hidden and the baseline keys of what is reported.</summary>
    private sealed record ModuleFindings(ModuleRun Run, List<Diagnostic> Visible, int Hidden, int Suppressed, List<FindingKey> Keys);

    /// <summary>The state of one check: the rules, the severities read so far, the baseline and what it records.</summary>
    private sealed class CheckRun(CheckOptions options, BaselineFile? baseline)
    {
        private readonly AnalyzerDriver _driver = new(options.Analyzers);
        private readonly NginxVersionRange _target = new(options.MinimumNginxVersion, options.MaximumNginxVersion);

        /// <summary>The memory of the C files of the modules being checked, one arena for each thread at work, kept for the next module.</summary>
        private readonly ConcurrentBag<FileArena> _arenas = [];

        public SeverityResolver Severities { get; } = new();

        /// <summary>What the baseline records, in no particular order (modules are checked in parallel); it is sorted when written.</summary>
        public List<FindingKey> BaselineKeys { get; } = [];

        public CheckedModule CheckModule(string directory)
        {
            // Nothing the module's check returns reads the C files' bytes (its findings hold their decoded text), so the
            // next module checked on this thread reads its files into the same memory.
            var arena = _arenas.TryTake(out var idle) ? idle : new FileArena();
            try
            {
                return CheckModule(directory, arena);
            }
            finally
            {
                arena.Release();
                _arenas.Add(arena);
            }
        }

        private CheckedModule CheckModule(string directory, FileArena arena)
        {
            var found = Findings(directory, arena);
            var outcome = options.Fix ? new FixApplier(_driver, _target).Apply(found.Run, found.Visible) : new FixOutcome([], [], []);

            // Files the fixes rewrote are checked again: what is left is what the rules find in them now, at the
            // lines they have now (a finding another fix rewrote away is gone, not reported at its old line).
            var rewritten = !outcome.ChangedFiles.IsEmpty;
            var final = rewritten ? Findings(directory, arena) : found;
            RecordInBaseline(final.Keys);
            var remaining = (rewritten ? final.Visible.Concat(Reanchored(outcome.Diagnostics, outcome.ChangedFiles)) : found.Visible.Except(outcome.Fixed).Concat(outcome.Diagnostics))
                .OrderBy(d => d.Location.Path ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Start.Line)
                .ThenBy(d => d.Location.Start.Column)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            return new CheckedModule(final.Run.Module.Path, remaining)
            {
                Fixed = outcome.Fixed,
                ChangedFiles = outcome.ChangedFiles,
                HiddenByBaseline = final.Hidden,
                Suppressed = final.Suppressed,
            };
        }

        /// <summary>What the rules find in the module, less what suppression comments, severities and the baseline hide.</summary>
        private ModuleFindings Findings(string directory, FileArena arena)
        {
            var run = _driver.Run(directory, _target, arena);
            var directives = SuppressionFinder.InModule(run.Module.Config, run.Sources);
            var shown = SuppressionFilter.Apply(run.Diagnostics, directives, KnownIds.All);
            var configured = Severities.Apply(shown, run.Module.Path).ToList();
            var (visible, hidden, keys) = ApplyBaseline(run, configured);
            var suppressed = run.Diagnostics.Length - shown.Count(d => d.Descriptor != DriverDiagnostics.UnusedSuppression && d.Descriptor != DriverDiagnostics.UnknownSuppressedId);
            return new ModuleFindings(run, visible, hidden, suppressed, keys);
        }

        /// <summary>The findings the baseline does not hide and how many it hid; when writing one, every finding is hidden, and its key kept.</summary>
        private (List<Diagnostic> Visible, int Hidden, List<FindingKey> Keys) ApplyBaseline(ModuleRun run, List<Diagnostic> diagnostics)
        {
            if (baseline is null)
            {
                return (diagnostics, 0, []);
            }

            var module = RelativePath.Of(baseline.Directory, run.Module.Path);
            var keyed = FindingKey.Of(diagnostics, module, run.Module.Path, path => TextOf(run, path));
            if (options.WriteBaseline)
            {
                return ([], keyed.Count, [.. keyed.Select(k => k.Key)]);
            }

            var visible = keyed.Where(k => !baseline.Hides(k.Key)).Select(k => k.Diagnostic).ToList();
            return (visible, keyed.Count - visible.Count, []);
        }

        private void RecordInBaseline(List<FindingKey> keys)
        {
            lock (BaselineKeys)
            {
                BaselineKeys.AddRange(keys);
            }
        }

        /// <summary>
        /// What --fix says of a fix it did not apply (CC5909), in a file other fixes rewrote: at the file, since its line
        /// is the one before the rewrite; the finding itself is reported again at the line it has now.
        /// </summary>
        private static IEnumerable<Diagnostic> Reanchored(IEnumerable<Diagnostic> notes, ImmutableArray<string> changedFiles)
            => notes.Select(note => note.Location.Path is { } path && changedFiles.Contains(path) ? note.WithLocation(Location.None(path)) : note);

        /// <summary>The text of a file as the rules saw it, or as it is on disk for other files.</summary>
        private static string? TextOf(ModuleRun run, string path)
        {
            if (run.Module.Config is { } config && config.FilePath == path)
            {
                return config.Text.Text;
            }

            if (run.Sources.FirstOrDefault(s => s.File.Path == path) is { } source)
            {
                return source.File.Text.Text;
            }

            try
            {
                // Found, not named: one with no size of its own (a pipe, a device) is read as empty without being opened.
                return File.Exists(path) && IO.BoundedFile.ReadFoundFile(path) is { } bytes ? Text.SourceText.From(bytes).Text : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }
    }

    /// <summary>Every id a suppression may name: the rules' and every diagnostic catalogue's.</summary>
    private static class KnownIds
    {
        public static IReadOnlySet<string> All { get; } = new HashSet<string>(
            RuleCatalog.Rules.Concat(DriverDiagnostics.All).Concat(SyntaxDiagnostics.All).Concat(ModelDiagnostics.All).Concat(SourceDiagnostics.All).Concat(ConversionDiagnostics.All).Select(d => d.Id),
            StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>How to check.</summary>
public sealed record CheckOptions
{
    /// <summary>The oldest nginx the module must work with, as an <c>nginx_version</c> number; 1.9.11 (1009011) by default.</summary>
    public int MinimumNginxVersion { get; init; } = NginxVersionRange.FirstDynamic;

    /// <summary>The newest nginx the module must work with, or null for every later one.</summary>
    public int? MaximumNginxVersion { get; init; }

    /// <summary>The rules to run: every rule, except where a test of the check itself runs a few it knows.</summary>
    internal ImmutableArray<ModuleAnalyzer> Analyzers { get; init; } = AnalyzerRegistry.All;

    /// <summary>
    /// Apply the fixes of the reported findings: per module, the fixes that do not overlap are applied to
    /// a temporary copy, which is checked again; only when the fixed findings are gone and nothing new
    /// appears are the files replaced, atomically. Fixes that cannot be proven are reported (CC5910).
    /// </summary>
    public bool Fix { get; init; }

    /// <summary>A baseline file: findings it records are hidden, and entries that match nothing are reported (CC5906).</summary>
    public string? BaselinePath { get; init; }

    /// <summary>With <see cref="BaselinePath"/>: record every current finding there (atomically) instead of reading it; they are all hidden.</summary>
    public bool WriteBaseline { get; init; }

    /// <summary>Globs of the modules to check among those found by searching a directory (see <see cref="ModuleSearchOptions.Include"/>).</summary>
    public ImmutableArray<string> Include { get; init; } = [];

    /// <summary>Globs of the modules to leave out among those found by searching a directory (see <see cref="ModuleSearchOptions.Exclude"/>).</summary>
    public ImmutableArray<string> Exclude { get; init; } = [];

    /// <summary>How many modules are checked at once; 1 by default. The report is in the same order whatever it is.</summary>
    public int MaxParallelism { get; init; } = 1;

    /// <summary>Told of each module checked (from the thread that checked it), for a progress display.</summary>
    public IProgress<ModuleProgress>? Progress { get; init; }
}

/// <summary>The findings of a check, per module, and those of no module (paths, baseline, .editorconfig).</summary>
public sealed record CheckReport(ImmutableArray<CheckedModule> Modules, ImmutableArray<Diagnostic> General)
{
    /// <summary>Every finding: those of no module first, then module after module.</summary>
    public IEnumerable<Diagnostic> Diagnostics => General.Concat(Modules.SelectMany(m => m.Diagnostics));

    /// <summary>Every file <see cref="CheckOptions.Fix"/> changed.</summary>
    public IEnumerable<string> ChangedFiles => Modules.SelectMany(m => m.ChangedFiles);

    /// <summary>True when some path, file, directory or baseline could not be read or written (the CLI exits 2).</summary>
    public bool HasIoErrors => Diagnostics.Any(d => IsIoError(d.Descriptor));

    /// <summary>True when some finding is a warning or an error (the CLI exits 1 unless there are I/O errors).</summary>
    public bool HasFindings => Diagnostics.Any(d => d.Severity >= DiagnosticSeverity.Warning);

    /// <summary>True for the diagnostics that mean something could not be read or written, rather than a finding about what was read.</summary>
    public static bool IsIoError(DiagnosticDescriptor descriptor) => IoErrors.Contains(descriptor);

    private static readonly HashSet<DiagnosticDescriptor> IoErrors =
    [
        DriverDiagnostics.PathUnreadable, DriverDiagnostics.NoModuleFound, DriverDiagnostics.InvalidBaseline, DriverDiagnostics.WriteFailed,
        ModelDiagnostics.DirectoryMissing, ModelDiagnostics.ConfigMissing, ModelDiagnostics.ConfigUnreadable,
        SourceDiagnostics.ModuleDirectoryNotFound, SourceDiagnostics.UnreadableDirectory, SourceDiagnostics.UnreadableFile,
    ];
}

/// <summary>One checked module directory and what was found in it.</summary>
/// <param name="Directory">The module directory, absolute.</param>
/// <param name="Diagnostics">The findings shown: not suppressed, not switched off, not in the baseline, not fixed; sorted by file and position.</param>
public sealed record CheckedModule(string Directory, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>The findings <see cref="CheckOptions.Fix"/> fixed (their files are in <see cref="ChangedFiles"/>).</summary>
    public ImmutableArray<Diagnostic> Fixed { get; init; } = [];

    /// <summary>The files <see cref="CheckOptions.Fix"/> rewrote, absolute.</summary>
    public ImmutableArray<string> ChangedFiles { get; init; } = [];

    /// <summary>How many findings the baseline hid (or, when writing one, recorded).</summary>
    public int HiddenByBaseline { get; init; }

    /// <summary>How many findings suppression comments hid.</summary>
    public int Suppressed { get; init; }
}
