using System.Collections.Concurrent;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;

namespace ConfigConvert.Analyzers.Configuration;

/// <summary>
/// The severity every finding gets from the <c>.editorconfig</c> files above its file: they are read
/// from the file's directory upward until one says <c>root = true</c>; nearer files win over farther
/// ones, and later sections over earlier ones. Each file is read once per check.
/// </summary>
internal sealed class SeverityResolver
{
    private readonly ConcurrentDictionary<string, EditorConfigFile?> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SeverityConfiguration> _byFile = new(StringComparer.Ordinal);

    /// <summary>The diagnostics of every <c>.editorconfig</c> read so far (malformed lines).</summary>
    public IEnumerable<Diagnostic> Diagnostics => _files.Values.OfType<EditorConfigFile>().OrderBy(f => f.Directory, StringComparer.Ordinal).SelectMany(f => f.Diagnostics);

    /// <summary>
    /// <paramref name="diagnostics"/> with their configured severities, without those switched off. A
    /// finding of no file (or of a directory) is configured as the module's <c>config</c> is.
    /// </summary>
    public IEnumerable<Diagnostic> Apply(IEnumerable<Diagnostic> diagnostics, string moduleDirectory)
    {
        foreach (var diagnostic in diagnostics)
        {
            var path = diagnostic.Location.Path is { Length: > 0 } p && !Directory.Exists(p) ? Path.GetFullPath(p) : Path.Combine(moduleDirectory, "config");
            if (ConfigurationFor(path).Apply(diagnostic) is { } configured)
            {
                yield return configured;
            }
        }
    }

    /// <summary>The severity configuration of the file at <paramref name="path"/>.</summary>
    public SeverityConfiguration ConfigurationFor(string path) => _byFile.GetOrAdd(path, Resolve);

    private SeverityConfiguration Resolve(string path)
    {
        var files = new List<EditorConfigFile>();
        for (var directory = Path.GetDirectoryName(path); directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (_files.GetOrAdd(directory, Load) is { } file)
            {
                files.Add(file);
                if (file.IsRoot)
                {
                    break;
                }
            }
        }

        var configuration = SeverityConfiguration.Default;
        foreach (var file in Enumerable.Reverse(files))
        {
            var relative = RelativePath.Of(file.Directory, path);
            foreach (var (glob, severities) in file.Sections.Where(s => s.Glob.IsMatch(relative)))
            {
                configuration = severities.Aggregate(configuration, (c, s) => c.With(s.Id, s.Severity));
            }
        }

        return configuration;
    }

    private static EditorConfigFile? Load(string directory)
    {
        var path = Path.Combine(directory, ".editorconfig");
        return File.Exists(path) ? EditorConfigFile.Read(path) : null;
    }
}
