using ConfigConvert.Diagnostics;

namespace ConfigConvert.Analyzers;

/// <summary>
/// What the check itself reports, apart from the rules (CC59xx): failures of a rule, paths that hold no
/// module, suppressions and baselines that match nothing, configuration it cannot read, and fixes it
/// could not apply.
/// </summary>
public static class DriverDiagnostics
{
    private const string Category = "Check";

    /// <summary>A rule threw on a module: a bug in the rule, reported so that the run goes on with the others.</summary>
    public static readonly DiagnosticDescriptor RuleFailed = new(
        "CC5901", "A rule failed", "rule {0} failed on this module and reported nothing: {1}", Category, DiagnosticSeverity.Error,
        "A rule threw an exception while analyzing this module. The other rules ran; this rule's findings for the module are missing. This is a bug in ngx-convert: please report it with the module.");

    /// <summary>A path given to check does not exist or cannot be read: an I/O error.</summary>
    public static readonly DiagnosticDescriptor PathUnreadable = new(
        "CC5902", "Path not readable", "cannot check `{0}`: {1}", Category, DiagnosticSeverity.Error,
        "A path given to check does not exist, or it or a directory below it cannot be listed. The other paths are checked; the run exits with status 2.");

    /// <summary>A directory given to check holds no module config anywhere below it.</summary>
    public static readonly DiagnosticDescriptor NoModuleFound = new(
        "CC5903", "No module found", "no module `config` in `{0}` or below it", Category, DiagnosticSeverity.Error,
        "check looks for module directories (a directory with a file named config) in each directory it is given and below it; this one has none.");

    /// <summary>A suppression comment that hides no finding.</summary>
    public static readonly DiagnosticDescriptor UnusedSuppression = new(
        "CC5904", "Suppression suppresses nothing", "`{0}` is disabled here, but nothing reports it; remove the suppression", Category, DiagnosticSeverity.Warning,
        "A suppression comment names a rule that reports nothing where the comment applies: the finding was fixed, or the comment is in the wrong place. Stale suppressions hide the next real finding.");

    /// <summary>A suppression comment names an id that no rule or diagnostic has.</summary>
    public static readonly DiagnosticDescriptor UnknownSuppressedId = new(
        "CC5905", "Unknown id in a suppression", "`{0}` is not the id of a rule or diagnostic of ngx-convert", Category, DiagnosticSeverity.Warning,
        "A suppression comment names an id that nothing reports: a typing mistake, or a rule that was removed.");

    /// <summary>A baseline entry that matches no finding.</summary>
    public static readonly DiagnosticDescriptor UnusedBaselineEntry = new(
        "CC5906", "Baseline entry matches nothing", "the baseline records {0} in `{1}`, but no such finding exists any more; write the baseline again", Category, DiagnosticSeverity.Info,
        "A finding recorded in the baseline was not found: it was fixed, or its line changed. Write the baseline again with --write-baseline to drop the entry.");

    /// <summary>A baseline file that cannot be read or is not a baseline: an I/O error.</summary>
    public static readonly DiagnosticDescriptor InvalidBaseline = new(
        "CC5907", "Baseline not readable", "cannot use the baseline `{0}`: {1}", Category, DiagnosticSeverity.Error,
        "The baseline file given with --baseline cannot be read or is not a baseline written by ngx-convert (JSON with \"version\": 1). Nothing is hidden; the run exits with status 2.");

    /// <summary>A line of an <c>.editorconfig</c> that is not a section, a property or a comment, or a bad severity.</summary>
    public static readonly DiagnosticDescriptor InvalidEditorConfig = new(
        "CC5908", "Invalid .editorconfig entry", "{0}; the line is ignored", Category, DiagnosticSeverity.Warning,
        "An .editorconfig line that ngx-convert reads (a section, a property, a comment) is malformed, or an ngx_convert.CCxxxx.severity property has a value other than none, note, info, warning or error.");

    /// <summary>A fix whose changes overlap those of a fix already taken.</summary>
    public static readonly DiagnosticDescriptor OverlappingFix = new(
        "CC5909", "Overlapping fix skipped", "the fix `{0}` of {1} changes text that another fix changes; it is not applied in this run", Category, DiagnosticSeverity.Warning,
        "Two fixes change the same text of a file. The first (by position) is applied; the other is left for the next run of check --fix, which sees the file as the first fix left it.");

    /// <summary>A fix that could not be proven, and so was not written.</summary>
    public static readonly DiagnosticDescriptor UnprovenFix = new(
        "CC5910", "Fix not proven", "the fixes of {0} were not applied: {1}", Category, DiagnosticSeverity.Warning,
        "Before writing, check --fix applies the fixes to a copy of the module and checks it again: the fixed findings must be gone, no new finding may appear, the config must parse as before and every C file must tokenize as before. These fixes failed that proof, so no file was changed.");

    /// <summary>A file that could not be written (a fixed file, or the baseline): an I/O error.</summary>
    public static readonly DiagnosticDescriptor WriteFailed = new(
        "CC5911", "Cannot write file", "cannot write `{0}`: {1}", Category, DiagnosticSeverity.Error,
        "A file that check --fix or --write-baseline must write cannot be written. The file is left as it was (it is replaced atomically or not at all); the run exits with status 2.");

    /// <summary>A C file with a string or character literal that is not closed.</summary>
    public static readonly DiagnosticDescriptor UnterminatedLiteral = new(
        "CC5912", "C file does not tokenize", "{0} literal is not closed at the end of its line; the compiler rejects the file", Category, DiagnosticSeverity.Warning,
        "A string or character literal without its closing quote: the compiler rejects the file, and the rules read the rest of the line as the literal.");

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        RuleFailed, PathUnreadable, NoModuleFound, UnusedSuppression, UnknownSuppressedId, UnusedBaselineEntry, InvalidBaseline,
        InvalidEditorConfig, OverlappingFix, UnprovenFix, WriteFailed, UnterminatedLiteral,
    ];
}
