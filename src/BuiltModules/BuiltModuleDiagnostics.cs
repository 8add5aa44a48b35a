using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules;

/// <summary>
/// Diagnostics of built modules: <c>CC60xx</c> reading a <c>.so</c> or an nginx binary, <c>CC61xx</c>
/// reading an nginx configuration, <c>CC62xx</c> what <c>nginx -t</c> would refuse when it loads the
/// modules (their message is nginx's own, word for word).
/// </summary>
public static class BuiltModuleDiagnostics
{
    private const string Elf = "BuiltModule";
    private const string Configuration = "NginxConfiguration";
    private const string Load = "ModuleLoad";

    /// <summary>The file does not exist, is a directory or cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "CC6001", "File unreadable", "cannot read `{0}`: {1}", Elf, DiagnosticSeverity.Error);

    /// <summary>The file does not start with the ELF magic number.</summary>
    public static readonly DiagnosticDescriptor NotElf = new(
        "CC6002", "Not an ELF file", "`{0}` is not an ELF file (it does not start with \\x7fELF): a dynamic module is an ELF shared object, and nginx an ELF program", Elf, DiagnosticSeverity.Error);

    /// <summary>The file ends before a header, table or section it declares.</summary>
    public static readonly DiagnosticDescriptor Truncated = new(
        "CC6003", "Truncated or malformed ELF", "`{0}` is a truncated or malformed ELF file: {1}", Elf, DiagnosticSeverity.Error,
        "A copy that was cut short (a full disk, an interrupted download) still starts like an ELF file; nginx's dlopen() maps it and may fail or crash.");

    /// <summary>An ELF of a class, byte order or machine that is not read.</summary>
    public static readonly DiagnosticDescriptor Unsupported = new(
        "CC6004", "Unsupported ELF", "`{0}` is {1}; only 64-bit little-endian x86-64 ELF files (ELFCLASS64, ELFDATA2LSB, EM_X86_64) are read", Elf, DiagnosticSeverity.Error);

    /// <summary>No <c>.dynsym</c>: nothing to look the module arrays up in.</summary>
    public static readonly DiagnosticDescriptor NoDynamicSymbols = new(
        "CC6005", "No dynamic symbols", "`{0}` has no dynamic symbol table (.dynsym): it is not a shared object or a dynamically linked program, so nginx cannot load it and nothing exports its symbols", Elf, DiagnosticSeverity.Error);

    /// <summary>A shared object without <c>ngx_modules</c> / <c>ngx_module_names</c>.</summary>
    public static readonly DiagnosticDescriptor NotAModule = new(
        "CC6006", "Not an nginx module", "`{0}` does not export `{1}`: it is not an nginx dynamic module (those built by `make modules` export ngx_modules, ngx_module_names and ngx_module_order)", Elf, DiagnosticSeverity.Error);

    /// <summary>A pointer of the module arrays that cannot be followed.</summary>
    public static readonly DiagnosticDescriptor BrokenModuleList = new(
        "CC6007", "Module list unreadable", "`{0}`: {1}", Elf, DiagnosticSeverity.Error);

    /// <summary>A target binary that does not export <c>ngx_core_module</c>.</summary>
    public static readonly DiagnosticDescriptor NotNginx = new(
        "CC6008", "Not an nginx binary", "`{0}` does not export `ngx_core_module` (nginx links with -Wl,-E so that modules can call it): it is not nginx, or an nginx that cannot load dynamic modules", Elf, DiagnosticSeverity.Error);

    /// <summary>A version whose signature layout is not in the table.</summary>
    public static readonly DiagnosticDescriptor UnknownLayout = new(
        "CC6009", "Signature layout assumed", "no signature layout is recorded for nginx {0}; the features are named after the layout of nginx {1}", Elf, DiagnosticSeverity.Warning);

    /// <summary>A <c>DT_NEEDED</c> library that is not found where the dynamic loader looks.</summary>
    public static readonly DiagnosticDescriptor LibraryNotFound = new(
        "CC6010", "Needed library not found", "`{0}` needs {1}, which is not found in the dynamic loader's directories; dlopen() fails with \"cannot open shared object file\"", Elf, DiagnosticSeverity.Warning);

    /// <summary>Module arrays that are read and list no module: nginx loads the file and adds nothing.</summary>
    public static readonly DiagnosticDescriptor EmptyModuleList = new(
        "CC6011", "No module listed", "`{0}` exports an empty ngx_modules[]: nginx loads it and adds no module (make modules never builds such a file)", Elf, DiagnosticSeverity.Warning);

    /// <summary>An executable or an object file: dlopen() loads only shared objects, whatever symbols the file exports.</summary>
    public static readonly DiagnosticDescriptor NotSharedObject = new(
        "CC6012", "Not a shared object", "`{0}` is {1}, not a shared object: dlopen() refuses it, so nginx cannot load it as a module", Elf, DiagnosticSeverity.Error,
        "nginx itself exports ngx_modules[] (it links with -Wl,-E), so its own binary looks like a module full of nginx's modules; it is a program, and nginx's load_module fails on it.");

    /// <summary>A syntax error nginx stops at.</summary>
    public static readonly DiagnosticDescriptor ConfigurationSyntax = new(
        "CC6101", "Configuration syntax error", "{0}", Configuration, DiagnosticSeverity.Error);

    /// <summary>A file that includes itself, directly or not.</summary>
    public static readonly DiagnosticDescriptor IncludeLoop = new(
        "CC6102", "Include loop", "`{0}` is included again from `{1}` while it is still being read (nginx would recurse until it runs out of file descriptors); not followed", Configuration, DiagnosticSeverity.Error);

    /// <summary>A configuration file (the main one or an included one) that cannot be read; the message is nginx's.</summary>
    public static readonly DiagnosticDescriptor ConfigurationUnreadable = new(
        "CC6103", "Configuration file unreadable", "{0}", Configuration, DiagnosticSeverity.Error);

    /// <summary>More nesting than is reasonable.</summary>
    public static readonly DiagnosticDescriptor TooDeep = new(
        "CC6104", "Configuration too deep", "blocks and includes nested more than {0} levels deep; the rest is not read", Configuration, DiagnosticSeverity.Error);

    /// <summary>More <c>load_module</c> directives than any configuration nginx accepts meets, counting those of a file included several times each time.</summary>
    public static readonly DiagnosticDescriptor TooManyLoadModules = new(
        "CC6105", "Too many load_module directives", "more than {0} load_module directives, counting those of a file each time it is included (nginx loads at most {1} dynamic modules and refuses a module loaded twice); the rest is not read", Configuration, DiagnosticSeverity.Error);

    /// <summary><c>dlopen()</c> fails: a missing file or library, an undefined symbol, not a shared object.</summary>
    public static readonly DiagnosticDescriptor DlopenFailed = new(
        "CC6201", "dlopen() fails", "{0}", Load, DiagnosticSeverity.Error);

    /// <summary>The shared object loads but is not a module.</summary>
    public static readonly DiagnosticDescriptor DlsymFailed = new(
        "CC6202", "Not a module", "{0}", Load, DiagnosticSeverity.Error);

    /// <summary>Built for another nginx version.</summary>
    public static readonly DiagnosticDescriptor VersionMismatch = new(
        "CC6203", "Version mismatch", "{0}", Load, DiagnosticSeverity.Error);

    /// <summary>Built with other configure features.</summary>
    public static readonly DiagnosticDescriptor NotBinaryCompatible = new(
        "CC6204", "Not binary compatible", "{0}", Load, DiagnosticSeverity.Error);

    /// <summary>A module of that name is already in nginx.</summary>
    public static readonly DiagnosticDescriptor AlreadyLoaded = new(
        "CC6205", "Already loaded", "{0}", Load, DiagnosticSeverity.Error);

    /// <summary>More than 128 dynamic modules.</summary>
    public static readonly DiagnosticDescriptor TooManyModules = new(
        "CC6206", "Too many modules", "{0}", Load, DiagnosticSeverity.Error);

    /// <summary>A <c>load_module</c> where nginx does not accept it.</summary>
    public static readonly DiagnosticDescriptor DirectiveRefused = new(
        "CC6207", "load_module refused", "{0}", Load, DiagnosticSeverity.Error);

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [FileUnreadable, NotElf, Truncated, Unsupported, NoDynamicSymbols, NotAModule, BrokenModuleList, NotNginx, UnknownLayout, LibraryNotFound, EmptyModuleList, NotSharedObject, ConfigurationSyntax, IncludeLoop, ConfigurationUnreadable, TooDeep, TooManyLoadModules, DlopenFailed, DlsymFailed, VersionMismatch, NotBinaryCompatible, AlreadyLoaded, TooManyModules, DirectiveRefused];
}
