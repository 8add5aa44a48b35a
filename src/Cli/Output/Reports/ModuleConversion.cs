using ConfigConvert.Analyzers;
using ConfigConvert.Diagnostics;
using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>What became of a module's config under <c>convert</c>.</summary>
internal enum ConversionOutcome
{
    /// <summary>It needs converting, and the conversion was proven: <see cref="ModuleConversion.ConvertedText"/> holds it.</summary>
    Needed,

    /// <summary>Nothing to do: new style already, or it registers nothing.</summary>
    Unchanged,

    /// <summary>The converter could not prove a conversion safe; the module's findings say why.</summary>
    Refused,

    /// <summary>The module directory or its config could not be read.</summary>
    Unreadable,
}

/// <summary>The conversion of one module's config.</summary>
/// <param name="ConfigPath">The config file, absolute.</param>
/// <param name="Outcome">What became of it.</param>
/// <param name="Original">The config as read (empty when unreadable).</param>
/// <param name="ConvertedText">The converted config when <see cref="Outcome"/> is <see cref="ConversionOutcome.Needed"/>.</param>
/// <param name="Diff">The unified diff from the original to the converted config, labelled relative to the module (<c>a/config</c>), or to the directory whose search found it; empty unless needed.</param>
internal sealed record ModuleConversion(string ConfigPath, ConversionOutcome Outcome, SourceText Original, string? ConvertedText, string Diff)
{
    /// <summary>The message of the finding that stands for a needed conversion.</summary>
    public const string NeededMessage = "the config is old-style and needs converting to auto/module; the fix is the proven conversion";

    /// <summary>
    /// A needed conversion as a finding of rule CC2201 (old-style config) on the config's first line, whose fix
    /// replaces the whole file with the conversion; null when nothing is needed.
    /// </summary>
    public Diagnostic? AsFinding()
    {
        if (Outcome != ConversionOutcome.Needed || ConvertedText is null || RuleCatalog.Find("CC2201") is not { } rule)
        {
            return null;
        }

        var firstLine = TextSpan.FromBounds(0, LineEnd(Original.Text));
        var finding = Diagnostic.Create(ConversionFinding(rule), Location.Create(ConfigPath, Original, firstLine));
        return finding.WithFix(new Fix("Convert to auto/module", [new TextChange(ConfigPath, new TextSpan(0, Original.Text.Length), ConvertedText)]));
    }

    private static int LineEnd(string text) => text.IndexOf('\n') is var end and >= 0 ? end : text.Length;

    // CC2201's own descriptor, with a message that needs no arguments: the converter does not say which statement registers.
    private static DiagnosticDescriptor ConversionFinding(DiagnosticDescriptor rule)
        => new(rule.Id, rule.Title, NeededMessage, rule.Category, rule.DefaultSeverity, rule.Description, rule.HelpLink, rule.IsEnabledByDefault);
}
