using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Configuration;

/// <summary>One <c>.editorconfig</c> file: whether it is the root, and its sections with the severities they set.</summary>
internal sealed class EditorConfigFile
{
    /// <summary>The property prefix and suffix of a rule's severity: <c>ngx_convert.CC2201.severity</c>.</summary>
    private const string Prefix = "ngx_convert.";
    private const string Suffix = ".severity";

    private EditorConfigFile(string directory, bool isRoot, ImmutableArray<(Regex Glob, ImmutableArray<(string Id, DiagnosticSeverity? Severity)> Severities)> sections, ImmutableArray<Diagnostic> diagnostics)
    {
        Directory = directory;
        IsRoot = isRoot;
        Sections = sections;
        Diagnostics = diagnostics;
    }

    /// <summary>The directory the file is in; section globs are relative to it.</summary>
    public string Directory { get; }

    /// <summary>True when the preamble says <c>root = true</c>: files further up are not read.</summary>
    public bool IsRoot { get; }

    /// <summary>The sections in file order, each with the rule severities it sets.</summary>
    public ImmutableArray<(Regex Glob, ImmutableArray<(string Id, DiagnosticSeverity? Severity)> Severities)> Sections { get; }

    /// <summary>Lines that could not be read (<see cref="DriverDiagnostics.InvalidEditorConfig"/>).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// Reads <paramref name="path"/>; an unreadable file is reported and sets nothing. The file is found, not named: one
    /// with no size of its own (a FIFO, a device) is read as empty without being opened, so it sets nothing and is not
    /// the root; opening a FIFO would wait for a writer.
    /// </summary>
    public static EditorConfigFile Read(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        SourceText text;
        try
        {
            text = SourceText.From(BoundedFile.ReadFoundFile(path) ?? throw new IOException("file is too large"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new EditorConfigFile(directory, false, [], [Diagnostic.Create(DriverDiagnostics.InvalidEditorConfig, Location.None(path), $"cannot read the file: {IO.IoReason.Of(e)}")]);
        }

        return Parse(path, text);
    }

    /// <summary>Parses the text of the file at <paramref name="path"/>.</summary>
    public static EditorConfigFile Parse(string path, SourceText text)
    {
        var isRoot = false;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var sections = new List<(Regex, List<(string, DiagnosticSeverity?)>)>();
        var lines = text.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var where = Location.Create(path, text, new TextSpan(text.Lines[i], line.Length));
            if (!EditorConfigGrammar.TryParse(line, out var parsed, out var error))
            {
                diagnostics.Add(Diagnostic.Create(DriverDiagnostics.InvalidEditorConfig, where, error));
                continue;
            }

            switch (parsed)
            {
                case EditorConfigSection section:
                    sections.Add((EditorConfigGlob.ToRegex(section.Glob), []));
                    break;
                case EditorConfigProperty { Key: "root" } root when sections.Count == 0:
                    isRoot = string.Equals(root.Value, "true", StringComparison.OrdinalIgnoreCase);
                    break;
                case EditorConfigProperty property when sections.Count > 0 && IsSeverityKey(property.Key):
                    AddSeverity(property, sections[^1].Item2, where, diagnostics);
                    break;
            }
        }

        var frozen = sections.Select(s => (s.Item1, s.Item2.ToImmutableArray())).ToImmutableArray();
        return new EditorConfigFile(Path.GetDirectoryName(path)!, isRoot, frozen, diagnostics.ToImmutable());
    }

    private static bool IsSeverityKey(string key) => key.StartsWith(Prefix, StringComparison.Ordinal) && key.EndsWith(Suffix, StringComparison.Ordinal) && key.Length > Prefix.Length + Suffix.Length;

    private static void AddSeverity(EditorConfigProperty property, List<(string, DiagnosticSeverity?)> severities, Location where, ImmutableArray<Diagnostic>.Builder diagnostics)
    {
        var id = property.Key[Prefix.Length..^Suffix.Length].ToUpperInvariant();
        var value = property.Value.ToLowerInvariant() == "note" ? "info" : property.Value;
        if (SeverityNames.TryParse(value, out var severity))
        {
            severities.Add((id, severity));
        }
        else
        {
            diagnostics.Add(Diagnostic.Create(DriverDiagnostics.InvalidEditorConfig, where, $"`{property.Value}` is not a severity (none, note, info, warning or error) for {id}"));
        }
    }
}
