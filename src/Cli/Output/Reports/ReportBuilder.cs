using System.Collections.Immutable;
using ConfigConvert.Analyzers;
using ConfigConvert.Converter;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>Makes the one report model the formats read, from what <c>check</c> and <c>convert</c> found.</summary>
internal static class ReportBuilder
{
    /// <summary>The report of a check.</summary>
    public static Report FromCheck(CheckReport check)
    {
        var modules = check.Modules.Select(m => new ModuleReport(m.Directory, m.Diagnostics)
        {
            Fixed = m.Fixed,
            ChangedFiles = m.ChangedFiles,
            Suppressed = m.Suppressed,
            HiddenByBaseline = m.HiddenByBaseline,
        }).ToImmutableArray();
        return new Report(ReportCommand.Check, modules, check.General, SourceFiles.Read(check.Diagnostics, []));
    }

    /// <summary>
    /// The report of <c>convert --check</c> or <c>convert --diff</c>: each module loaded and converted, nothing written;
    /// a path that names no module (<paramref name="searchProblems"/>) is an unreadable module of its own, with the reason.
    /// </summary>
    public static Report FromConversions(ReportCommand command, IEnumerable<Diagnostic> searchProblems, IEnumerable<(string ModulePath, ImmutableArray<Diagnostic> ModuleDiagnostics, ConversionResult? Result, string SearchedFrom)> conversions)
    {
        var modules = searchProblems.Select(Unreadable).Concat(conversions.Select(c => Convert(command, c.ModulePath, c.ModuleDiagnostics, c.Result, c.SearchedFrom))).ToImmutableArray();
        var known = modules.Select(m => m.Conversion!).Where(c => c.Outcome != ConversionOutcome.Unreadable)
            .Select(c => KeyValuePair.Create(c.ConfigPath, c.Original));
        return new Report(command, modules, [], SourceFiles.Read(modules.SelectMany(m => m.Findings), known));
    }

    private static ModuleReport Unreadable(Diagnostic problem) => Unreadable(problem.Location.Path ?? ".", [problem]);

    private static ModuleReport Unreadable(string directory, ImmutableArray<Diagnostic> diagnostics)
    {
        var directoryPath = directory.Length == 0 ? directory : Path.GetFullPath(directory);
        return new ModuleReport(directoryPath, diagnostics)
        {
            Conversion = new ModuleConversion(Path.Combine(directoryPath, "config"), ConversionOutcome.Unreadable, SourceText.From(string.Empty), null, string.Empty),
        };
    }

    private static ModuleReport Convert(ReportCommand command, string modulePath, ImmutableArray<Diagnostic> moduleDiagnostics, ConversionResult? converted, string searchedFrom)
    {
        if (converted is not { } result)
        {
            return Unreadable(modulePath, moduleDiagnostics);
        }

        var directoryPath = Path.GetFullPath(modulePath);

        // `convert --check` answers one question, so the converter's notes on a conversion are left out of it.
        var findings = result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info || command != ReportCommand.ConvertCheck).ToImmutableArray();
        var outcome = result.Status switch
        {
            ConversionStatus.Converted => ConversionOutcome.Needed,
            ConversionStatus.Refused => ConversionOutcome.Refused,
            _ => ConversionOutcome.Unchanged,
        };
        // Relative to the module, as the file would be committed in its repository: `git apply` or
        // `patch -p1` in the module directory takes it as is, wherever the tool ran. A module found by searching a
        // directory is labelled relative to that directory (`a/vendor/ngx_foo/config`), so that the diffs of a
        // tree apply there whole rather than each to a `config` of the directory itself.
        var label = RelativePath.Of(searchedFrom, result.ConfigPath);
        var diff = result.ConvertedText is { } text ? UnifiedDiff.Create(result.Original.Text, text, DiffHeaderPath.Write("a/" + label), DiffHeaderPath.Write("b/" + label)) : string.Empty;
        return new ModuleReport(directoryPath, findings)
        {
            Conversion = new ModuleConversion(result.ConfigPath, outcome, result.Original, result.ConvertedText, diff),
        };
    }
}
