using ConfigConvert.CSources;

namespace ConfigConvert.Analyzers.Framework;

/// <summary>One C source or header of a module, tokenized once for every rule that reads it.</summary>
internal sealed class CSourceDocument(string relativePath, CSourceFile file)
{
    /// <summary>The path relative to the module directory, with forward slashes.</summary>
    public string RelativePath { get; } = relativePath;

    /// <summary>The tokenized file; its <see cref="CSourceFile.Path"/> is the full path, which locations use.</summary>
    public CSourceFile File { get; } = file;
}
