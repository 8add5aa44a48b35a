using ConfigConvert.Diagnostics;

namespace ConfigConvert.CSources;

/// <summary>
/// The diagnostics of the C source index (<c>CC21xx</c>): files and directories that could not be read
/// and are left out of the index, and module definitions the index could not fully understand.
/// </summary>
public static class SourceDiagnostics
{
    private const string Category = "Source";

    /// <summary>The module directory does not exist or is not a directory.</summary>
    public static readonly DiagnosticDescriptor ModuleDirectoryNotFound = new(
        "CC2101", "Module directory not found", "module directory `{0}` does not exist", Category, DiagnosticSeverity.Error,
        "The C sources of a module are read from its directory; without it nothing can be indexed.");

    /// <summary>A directory under the module directory could not be listed.</summary>
    public static readonly DiagnosticDescriptor UnreadableDirectory = new(
        "CC2102", "Unreadable directory", "cannot list directory `{0}`: {1}; its files are not indexed", Category, DiagnosticSeverity.Warning,
        "A directory that cannot be listed (permissions, a race with a deletion) is skipped, so module definitions in it are not found.");

    /// <summary>A C file could not be read.</summary>
    public static readonly DiagnosticDescriptor UnreadableFile = new(
        "CC2103", "Unreadable file", "cannot read `{0}`: {1}; it is not indexed", Category, DiagnosticSeverity.Warning,
        "A source file that cannot be read (permissions, a dangling symbolic link) is skipped, so module definitions in it are not found.");

    /// <summary>A <c>.c</c> or <c>.h</c> file that contains NUL bytes.</summary>
    public static readonly DiagnosticDescriptor BinaryFile = new(
        "CC2104", "Binary file", "`{0}` looks binary (a NUL byte in its first {1} bytes); it is not indexed", Category, DiagnosticSeverity.Warning,
        "C source is text; a file named like source but holding NUL bytes is most likely an object file or a mistake and is skipped.");

    /// <summary>A C file larger than the index reads.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "CC2105", "File too large", "`{0}` is {1} bytes, more than the {2}-byte limit; it is not indexed", Category, DiagnosticSeverity.Warning,
        "Very large files are generated data rather than module code; they are skipped so that indexing stays fast and memory stays bounded.");

    /// <summary>A symbolic link to a directory already scanned.</summary>
    public static readonly DiagnosticDescriptor DirectoryLinkCycle = new(
        "CC2106", "Directory scanned twice", "`{0}` leads to `{1}`, which is already scanned; it is not scanned again", Category, DiagnosticSeverity.Info,
        "Symbolic links can make a directory tree loop back on itself; each real directory is scanned once so that indexing ends.");

    /// <summary>A block comment without its closing <c>*/</c>.</summary>
    public static readonly DiagnosticDescriptor UnterminatedComment = new(
        "CC2107", "Unterminated comment", "comment is not closed; everything after it to the end of the file is comment", Category, DiagnosticSeverity.Warning,
        "A `/*` without `*/` turns the rest of the file into a comment: the compiler rejects it and the index finds no definitions after it.");

    /// <summary>A module definition whose initializer has no recognisable module type.</summary>
    public static readonly DiagnosticDescriptor ModuleTypeNotFound = new(
        "CC2110", "Module type not found", "cannot find the module type in the definition of `{0}`", Category, DiagnosticSeverity.Warning,
        "The type (NGX_HTTP_MODULE, NGX_CORE_MODULE...) is the fourth element after NGX_MODULE_V1; without it the module's link type cannot be checked.");

    /// <summary>A module defined <c>static</c>, which the generated module list cannot refer to.</summary>
    public static readonly DiagnosticDescriptor StaticModuleDefinition = new(
        "CC2111", "Static module definition", "module `{0}` is defined `static`; ngx_modules.c refers to it from another file, so it does not link", Category, DiagnosticSeverity.Warning,
        "configure generates objs/ngx_modules.c (or the dynamic module's list) with `extern ngx_module_t name;`, which needs external linkage.");

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        ModuleDirectoryNotFound, UnreadableDirectory, UnreadableFile, BinaryFile, FileTooLarge, DirectoryLinkCycle,
        UnterminatedComment, ModuleTypeNotFound, StaticModuleDefinition,
    ];
}
