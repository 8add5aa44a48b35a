using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>Which command made a report: the formats say what was asked, and convert's add its conversions.</summary>
internal enum ReportCommand
{
    /// <summary><c>ngx-convert check</c>.</summary>
    Check,

    /// <summary><c>ngx-convert convert --check</c>: whether each config needs converting.</summary>
    ConvertCheck,

    /// <summary><c>ngx-convert convert --diff</c>: the proposed conversion of each config.</summary>
    ConvertDiff,
}

/// <summary>
/// What every output format is written from: the modules with their findings (and, for convert, their
/// conversions), the findings of no module, and the text of the files the findings point into.
/// </summary>
internal sealed record Report(ReportCommand Command, ImmutableArray<ModuleReport> Modules, ImmutableArray<Diagnostic> General, SourceFiles Sources)
{
    /// <summary>Every finding: those of no module first, then module after module.</summary>
    public IEnumerable<Diagnostic> Findings => General.Concat(Modules.SelectMany(m => m.Findings));

    /// <summary>
    /// Every finding, and for convert one <c>CC2201</c> finding per config that needs converting, whose fix is the
    /// conversion: what the formats read by code-review tools show (SARIF, annotations, reviewdog, checkstyle).
    /// </summary>
    public IEnumerable<Diagnostic> FindingsWithConversions => Findings.Concat(Modules.Select(m => m.Conversion?.AsFinding()).OfType<Diagnostic>());

    /// <summary>The counts of the findings by severity.</summary>
    public SeverityCounts Counts => SeverityCounts.Of(Findings);
}

/// <summary>One module: its findings and, per command, what <c>--fix</c> did or what converting it gives.</summary>
/// <param name="Directory">The module directory, absolute.</param>
/// <param name="Findings">The findings shown, sorted by file and position.</param>
internal sealed record ModuleReport(string Directory, ImmutableArray<Diagnostic> Findings)
{
    /// <summary>The findings <c>check --fix</c> fixed.</summary>
    public ImmutableArray<Diagnostic> Fixed { get; init; } = [];

    /// <summary>The files <c>check --fix</c> rewrote, absolute.</summary>
    public ImmutableArray<string> ChangedFiles { get; init; } = [];

    /// <summary>How many findings suppression comments hid.</summary>
    public int Suppressed { get; init; }

    /// <summary>How many findings the baseline hid.</summary>
    public int HiddenByBaseline { get; init; }

    /// <summary>For convert: what converting the module's config gives; null for check.</summary>
    public ModuleConversion? Conversion { get; init; }
}

/// <summary>How many findings of each severity.</summary>
internal readonly record struct SeverityCounts(int Errors, int Warnings, int Notes)
{
    public int Total => Errors + Warnings + Notes;

    public static SeverityCounts Of(IEnumerable<Diagnostic> findings)
    {
        var list = findings.ToList();
        return new(
            list.Count(d => d.Severity == DiagnosticSeverity.Error),
            list.Count(d => d.Severity == DiagnosticSeverity.Warning),
            list.Count(d => d.Severity == DiagnosticSeverity.Info));
    }
}
