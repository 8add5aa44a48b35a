using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.CSources;

/// <summary>
/// The index of a module's C sources: which files there are, which modules they define and of which
/// type, and the module types the package defines for itself. An old-style config does not say which
/// source belongs to which module, nor a module's type; the sources do.
/// </summary>
/// <remarks>
/// Building never throws on what it reads: files and directories that cannot be read, binary files and
/// very large files are left out with a diagnostic each. Every branch of every <c>#if</c> is indexed,
/// and each definition says which conditions it is compiled under.
/// </remarks>
public sealed class CSourceIndex
{
    /// <summary>Files larger than this are not read (<see cref="InputLimits.MaxFileBytes"/>).</summary>
    internal const long MaxFileSize = InputLimits.MaxFileBytes;

    /// <summary>How much of a file is searched for a NUL byte to decide it is binary.</summary>
    internal const int BinaryProbeLength = 8192;

    private CSourceIndex(ImmutableArray<CSourceFile> sourceFiles, ImmutableArray<CModuleDefinition> modules, ImmutableArray<CModuleTypeConstant> typeConstants, ImmutableArray<Diagnostic> diagnostics, DirectoryListings listings)
    {
        Listings = listings;
        SourceFiles = sourceFiles;
        Files = sourceFiles.Select(f => f.Path).ToImmutableArray();
        Modules = modules;
        TypeConstants = typeConstants;
        Diagnostics = diagnostics;
    }

    /// <summary>The files indexed, relative to the module directory with <c>/</c> separators, in ordinal order. Skipped files are not listed.</summary>
    public ImmutableArray<string> Files { get; }

    /// <summary>The module definitions, in file order and then in the order they appear.</summary>
    public ImmutableArray<CModuleDefinition> Modules { get; }

    /// <summary>
    /// The module type constants the sources define (<c>#define NGX_RTMP_MODULE 0x504D5452</c>): a CORE
    /// module of the package drives the modules of such a type.
    /// </summary>
    public ImmutableArray<CModuleTypeConstant> TypeConstants { get; }

    /// <summary>Files and directories skipped, and definitions not fully understood, sorted by path and position.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The indexed files, tokenized, in the order of <see cref="Files"/>.</summary>
    internal ImmutableArray<CSourceFile> SourceFiles { get; }

    /// <summary>The directories the index listed and the files it measured, when it read a directory of the machine (else none).</summary>
    internal DirectoryListings Listings { get; }

    /// <summary>
    /// Indexes the C and C++ sources and headers (<see cref="SourceFileNames"/>) under <paramref name="moduleDirectory"/>, recursively,
    /// following symbolic links but never into a directory already scanned, and skipping <c>.git</c>.
    /// </summary>
    /// <param name="moduleDirectory">The module directory (the one holding its <c>config</c>).</param>
    public static CSourceIndex Build(string moduleDirectory) => Build(moduleDirectory, SourceFileSystem.Physical, new DirectoryListings());

    /// <summary>
    /// Indexes files given as relative paths and contents, all of them whatever their names; for tests
    /// and for callers that read sources from somewhere other than a directory.
    /// </summary>
    /// <param name="files">Each file's path relative to the module directory (<c>\</c> is read as <c>/</c>) and its bytes.</param>
    public static CSourceIndex Build(IEnumerable<(string Path, byte[] Content)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var builder = new IndexBuilder(new DirectoryListings());
        foreach (var (path, content) in files.Select(f => (Path: NormalizePath(f.Path), f.Content)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            if (content is null)
            {
                builder.Diagnostics.Add(Diagnostic.Create(SourceDiagnostics.UnreadableFile, Location.None(path), path, "no content was given"));
                continue;
            }

            builder.Add(path, new FileContent(content));
        }

        return builder.ToIndex();
    }

    /// <summary>
    /// <see cref="Build(string)"/>, the files read into <paramref name="arena"/>: the index is readable until the arena is
    /// released, and the next module's files reuse its memory.
    /// </summary>
    public static CSourceIndex Build(string moduleDirectory, FileArena arena)
    {
        ArgumentNullException.ThrowIfNull(arena);
        return Build(moduleDirectory, SourceFileSystem.Physical, new DirectoryListings(), arena);
    }

    /// <summary>Indexes a directory through <paramref name="fileSystem"/>, which tests use to simulate failures.</summary>
    internal static CSourceIndex Build(string moduleDirectory, SourceFileSystem fileSystem, DirectoryListings? listings = null, FileArena? arena = null)
    {
        ArgumentNullException.ThrowIfNull(moduleDirectory);
        var builder = new IndexBuilder(listings ?? new DirectoryListings());
        if (!IsExistingDirectory(fileSystem, moduleDirectory))
        {
            builder.Diagnostics.Add(Diagnostic.Create(SourceDiagnostics.ModuleDirectoryNotFound, Location.None(moduleDirectory), moduleDirectory));
            return builder.ToIndex();
        }

        foreach (var (relative, full) in SourceDirectoryScanner.FindSourceFiles(fileSystem, moduleDirectory, builder.Diagnostics, listings))
        {
            FileContent content;
            try
            {
                // Checked before reading, so that a huge file is never loaded just to be rejected.
                var length = fileSystem.GetFileLength(full);
                listings?.AddSize(full, length);
                if (length > MaxFileSize)
                {
                    builder.AddTooLarge(relative, length);
                    continue;
                }

                content = fileSystem.Read(full, length, arena);
            }
            catch (Exception e) when (SourceDirectoryScanner.IsFileSystemError(e))
            {
                builder.Diagnostics.Add(Diagnostic.Create(SourceDiagnostics.UnreadableFile, Location.None(relative), relative, IO.IoReason.Of(e)));
                continue;
            }

            builder.Add(relative, content);
        }

        return builder.ToIndex();
    }

    /// <summary>The indexed file with this relative path, or null.</summary>
    internal CSourceFile? GetFile(string path)
    {
        foreach (var file in SourceFiles)
        {
            if (file.Path == path)
            {
                return file;
            }
        }

        return null;
    }

    /// <summary>
    /// Every use of an identifier in code and in preprocessor lines, across the indexed files
    /// (<c>ngx_modules</c>, <c>ngx_max_module</c>, <c>ctx_index</c>...), in file order.
    /// </summary>
    internal ImmutableArray<CIdentifierReference> FindReferences(string identifier)
        => SourceFiles.SelectMany(f => f.FindReferences(identifier)).ToImmutableArray();

    private static bool IsExistingDirectory(SourceFileSystem fileSystem, string path)
    {
        try
        {
            return path.Length > 0 && fileSystem.DirectoryExists(path);
        }
        catch (Exception e) when (SourceDirectoryScanner.IsFileSystemError(e))
        {
            return false;
        }
    }

    private static string NormalizePath(string path)
    {
        path = (path ?? string.Empty).Replace('\\', '/');
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..];
        }

        return path;
    }

    /// <summary>Collects files, definitions and diagnostics, then freezes them into an index.</summary>
    private sealed class IndexBuilder(DirectoryListings listings)
    {
        private readonly List<CSourceFile> _files = [];
        private readonly List<CModuleDefinition> _modules = [];
        private readonly List<CModuleTypeConstant> _typeConstants = [];

        public List<Diagnostic> Diagnostics { get; } = [];

        public void AddTooLarge(string path, long length)
            => Diagnostics.Add(Diagnostic.Create(SourceDiagnostics.FileTooLarge, Location.None(path), path, length, MaxFileSize));

        public void Add(string path, FileContent content)
        {
            if (content.Length > MaxFileSize)
            {
                AddTooLarge(path, content.Length);
                return;
            }

            if (content.Span[..Math.Min(content.Length, BinaryProbeLength)].Contains((byte)0))
            {
                Diagnostics.Add(Diagnostic.Create(SourceDiagnostics.BinaryFile, Location.None(path), path, BinaryProbeLength));
                return;
            }

            var file = CSourceFile.Create(path, content);
            _files.Add(file);
            CModuleDefinitionFinder.Find(file, _modules, _typeConstants, Diagnostics);
        }

        public CSourceIndex ToIndex()
        {
            var modules = _modules.Select(ResolveOwnType).ToImmutableArray();
            var diagnostics = Diagnostics
                .OrderBy(d => d.Location.Path ?? string.Empty, StringComparer.Ordinal)
                .ThenBy(d => d.Location.Span.Start)
                .ToImmutableArray();
            return new CSourceIndex([.. _files], modules, [.. _typeConstants], diagnostics, listings);
        }

        /// <summary>A type written as a number becomes the name of the package's own constant with that value.</summary>
        private CModuleDefinition ResolveOwnType(CModuleDefinition module)
        {
            if (!CModuleDefinitionFinder.TryParseInteger(module.TypeConstant, out var value))
            {
                return module;
            }

            foreach (var constant in _typeConstants)
            {
                if (CModuleDefinitionFinder.TryParseInteger(constant.Value, out var constantValue) && constantValue == value)
                {
                    return module with { TypeConstant = constant.Name };
                }
            }

            return module;
        }
    }
}
