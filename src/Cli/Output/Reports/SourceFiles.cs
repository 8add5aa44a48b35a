using System.Collections.Immutable;
using ConfigConvert.Cli.Input;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>
/// The text of the files a report's findings and fixes point into, read once when the report is made, so
/// that formats can show source lines, hash them and turn fixes into line suggestions without reading files.
/// </summary>
internal sealed class SourceFiles
{
    private readonly ImmutableDictionary<string, SourceText> _texts;

    private SourceFiles(ImmutableDictionary<string, SourceText> texts) => _texts = texts;

    public static SourceFiles Empty { get; } = new(ImmutableDictionary<string, SourceText>.Empty);

    /// <summary>The text of <paramref name="path"/>, or null when it was not read (no file, unreadable, too large).</summary>
    public SourceText? Get(string? path) => path is not null && _texts.TryGetValue(path, out var text) ? text : null;

    /// <summary>Reads every file <paramref name="findings"/> point into or change; <paramref name="known"/> texts are taken as they are.</summary>
    public static SourceFiles Read(IEnumerable<Diagnostic> findings, IEnumerable<KeyValuePair<string, SourceText>> known)
    {
        var texts = ImmutableDictionary.CreateBuilder<string, SourceText>(StringComparer.Ordinal);
        texts.AddRange(known.Where(k => !texts.ContainsKey(k.Key)));
        var paths = findings.SelectMany(d => d.Fixes.SelectMany(f => f.Paths).Prepend(d.Location.Path ?? string.Empty)).Where(p => p.Length > 0);
        foreach (var path in paths.Distinct(StringComparer.Ordinal).Where(p => !texts.ContainsKey(p)))
        {
            // A finding may name a pipe or a device (a baseline that could not be written there): reading it for a
            // line of context could wait for ever.
            if (File.Exists(path) && !FileKind.IsSpecial(path) && InputFile.TryRead(path, out var text, out _))
            {
                texts[path] = text;
            }
        }

        return new(texts.ToImmutable());
    }
}
