using ConfigConvert.IO;

namespace ConfigConvert.Analyzers.Framework;

/// <summary>A file under a module directory; its content is read only when a rule asks for it.</summary>
internal sealed class RepositoryFile(string relativePath, string fullPath, long length)
{
    private byte[]? _content;

    /// <summary>The path relative to the module directory, with forward slashes.</summary>
    public string RelativePath { get; } = relativePath;

    /// <summary>The file's name, without its directory: what file actions choose files by, each action every file, so made once.</summary>
    public string Name { get; } = Path.GetFileName(relativePath);

    /// <summary>The full path, which locations use.</summary>
    public string FullPath { get; } = fullPath;

    /// <summary>The size in bytes when the directory was listed.</summary>
    public long Length { get; } = length;

    /// <summary>
    /// The bytes of the file (read once); an I/O error propagates to the driver, which reports it. A file
    /// listed with length 0 is not opened: it is empty, or a FIFO, whose opening would block.
    /// </summary>
    public byte[] ReadAllBytes() => _content ??= BoundedFile.ReadMeasuredFile(FullPath, Length) ?? throw new IOException("file is too large");
}
