namespace ConfigConvert.BuiltModules.Prediction;

/// <summary>
/// Every message this tool predicts, in the words of nginx 1.22.1 (src/core/nginx.c
/// <c>ngx_load_module</c>, src/core/ngx_module.c <c>ngx_add_module</c>, src/core/ngx_conf_file.c
/// <c>ngx_conf_handler</c>, <c>ngx_conf_read_token</c>, <c>ngx_conf_parse</c>) and of glibc's dynamic loader, whose <c>dlerror()</c> nginx quotes
/// (elf/dl-load.c <c>open_verify</c> and <c>_dl_map_object_from_fd</c>, elf/dl-lookup.c). Each was
/// checked against the real nginx and glibc of Debian 12.
/// </summary>
internal static class NginxMessages
{
    public static string Dlopen(string file, string reason) => $"dlopen() \"{file}\" failed ({reason})";

    public static string Dlsym(string argument, string symbol, string file) => $"dlsym() \"{argument}\", \"{symbol}\" failed ({file}: undefined symbol: {symbol})";

    public static string Version(string file, NginxVersion module, NginxVersion nginx) => $"module \"{file}\" version {module.Number} instead of {nginx.Number}";

    public static string NotBinaryCompatible(string file) => $"module \"{file}\" is not binary compatible";

    public static string AlreadyLoaded(string name) => $"module \"{name}\" is already loaded";

    public const string TooManyModules = "too many modules loaded";

    public const string NotAllowedHere = "\"load_module\" directive is not allowed here";

    public static readonly string InvalidArguments = InvalidArgumentsOf("load_module");

    public const string TooLate = "\"load_module\" directive is specified too late";

    /// <summary>A directive that takes no block met <c>{</c> (ngx_conf_handler checks this after the context).</summary>
    public static string NotTerminated(string directive) => $"directive \"{directive}\" is not terminated by \";\"";

    /// <summary>End of file inside a directive (or a quoted parameter).</summary>
    public const string UnexpectedEnd = "unexpected end of file, expecting \";\" or \"}\"";

    /// <summary>End of file inside a block.</summary>
    public const string UnexpectedEndOfBlock = "unexpected end of file, expecting \"}\"";

    public static string Unexpected(char c) => $"unexpected \"{c}\"";

    public static string InvalidArgumentsOf(string directive) => $"invalid number of arguments in \"{directive}\" directive";

    /// <summary>A message with the place nginx names, as <c>ngx_conf_log_error</c> writes it.</summary>
    public static string In(string message, string file, int line) => $"{message} in {file}:{line}";

    /// <summary>A configuration file that cannot be opened (ngx_conf_parse) or read (ngx_read_file).</summary>
    public static string OpenFailed(string file, int errno, string reason) => $"open() \"{file}\" failed ({errno}: {reason})";

    public static string ReadFailed(string file, int errno, string reason) => $"pread() \"{file}\" failed ({errno}: {reason})";

    /// <summary>glibc's reasons for a file it cannot map.</summary>
    public static string OpenReason(string file, OpenFailure failure) => failure switch
    {
        OpenFailure.Missing or OpenFailure.WrongMachine => $"{file}: cannot open shared object file: No such file or directory",
        OpenFailure.PermissionDenied => $"{file}: cannot open shared object file: Permission denied",
        OpenFailure.IsDirectory => $"{file}: cannot read file data: Is a directory",
        OpenFailure.TooShort => $"{file}: file too short",
        OpenFailure.InvalidHeader => $"{file}: invalid ELF header",
        OpenFailure.WrongClass => $"{file}: wrong ELF class: ELFCLASS32",
        OpenFailure.NotLittleEndian => $"{file}: ELF file data encoding not little-endian",
        OpenFailure.Relocatable => $"{file}: only ET_DYN and ET_EXEC can be loaded",
        OpenFailure.Executable => $"{file}: cannot dynamically load executable",
        OpenFailure.PositionIndependentExecutable => $"{file}: cannot dynamically load position-independent executable",
        _ => throw new ArgumentOutOfRangeException(nameof(failure), failure, "glibc's words for this are not known"),
    };

    public static string MissingLibrary(string library) => $"{library}: cannot open shared object file: No such file or directory";

    public static string UndefinedSymbol(string file, string symbol) => $"{file}: undefined symbol: {symbol}";
}

/// <summary>Why the dynamic loader cannot map a file, as far as its header tells.</summary>
internal enum OpenFailure
{
    None,
    Missing,
    PermissionDenied,
    IsDirectory,
    TooShort,
    InvalidHeader,
    WrongClass,
    NotLittleEndian,
    WrongMachine,
    Relocatable,
    Executable,
    PositionIndependentExecutable,

    /// <summary>A truncated or malformed file: what glibc does with it depends on where it was cut (nginx may even crash).</summary>
    Unpredictable,
}
