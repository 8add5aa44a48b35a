using System.Collections.Immutable;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.BuiltModules;

/// <summary>What nginx does with one <c>load_module</c>: loads the modules, or refuses with a message.</summary>
public sealed record LoadOutcome
{
    /// <summary>The parameter as written (in the configuration, or on the command line).</summary>
    public required string Argument { get; init; }

    /// <summary>The file nginx opens: the parameter, relative ones taken from the prefix.</summary>
    public required string FullPath { get; init; }

    /// <summary>Where the <c>load_module</c> is; null for a file given on the command line.</summary>
    public Location? Directive { get; init; }

    /// <summary>The line nginx names in its message (that of the terminating <c>;</c>); 0 without a configuration.</summary>
    public int NginxLine { get; init; }

    /// <summary>Why nginx refuses it; null when it loads.</summary>
    public LoadFailure? Failure { get; init; }

    /// <summary>The modules it adds when it loads.</summary>
    public ImmutableArray<string> Modules { get; init; } = [];

    /// <summary>True when nginx would load it.</summary>
    public bool Loads => Failure is null;

    /// <summary>
    /// The line <c>nginx -t</c> prints for the failure, <c>nginx: [emerg] MESSAGE in FILE:LINE</c>
    /// (without the file for a file given on the command line); null when it loads, or when nginx's
    /// behaviour cannot be predicted.
    /// </summary>
    public string? NginxSays => Failure is { IsNginxMessage: true } failure
        ? "nginx: [emerg] " + (Directive is { Path: { } file } ? Prediction.NginxMessages.In(failure.Message, file, NginxLine) : failure.Message)
        : null;

    /// <summary>The failure as a diagnostic at the <c>load_module</c> (or of the file), for editors and CI.</summary>
    public Diagnostic? ToDiagnostic() => Failure is { } failure
        ? Diagnostic.Create(failure.Descriptor, Directive ?? Location.None(FullPath), failure.Message)
        : null;
}

/// <summary>
/// Why nginx refuses a module: the kind, nginx's message word for word (or, when nginx's behaviour
/// cannot be told, ours), and the facts behind it.
/// </summary>
public sealed record LoadFailure
{
    /// <summary>What kind of failure.</summary>
    public required LoadFailureKind Kind { get; init; }

    /// <summary>nginx's message without its <c>in FILE:LINE</c> suffix (or ours, see <see cref="IsNginxMessage"/>).</summary>
    public required string Message { get; init; }

    /// <summary>False when the message is this tool's, because nginx's cannot be predicted (a truncated file may even crash it).</summary>
    public bool IsNginxMessage { get; init; } = true;

    /// <summary>The module refused (version, signature, already loaded, too many).</summary>
    public string? Module { get; init; }

    /// <summary>For a signature mismatch, what differs.</summary>
    public ImmutableArray<SignatureDifference> Differences { get; init; } = [];

    /// <summary>For an undefined symbol, every symbol that nothing loaded before exports (nginx names the first).</summary>
    public ImmutableArray<string> MissingSymbols { get; init; } = [];

    internal DiagnosticDescriptor Descriptor => Kind switch
    {
        LoadFailureKind.NotAModule => BuiltModuleDiagnostics.DlsymFailed,
        LoadFailureKind.VersionMismatch => BuiltModuleDiagnostics.VersionMismatch,
        LoadFailureKind.NotBinaryCompatible => BuiltModuleDiagnostics.NotBinaryCompatible,
        LoadFailureKind.AlreadyLoaded => BuiltModuleDiagnostics.AlreadyLoaded,
        LoadFailureKind.TooManyModules => BuiltModuleDiagnostics.TooManyModules,
        LoadFailureKind.DirectiveRefused => BuiltModuleDiagnostics.DirectiveRefused,
        _ => BuiltModuleDiagnostics.DlopenFailed,
    };
}

/// <summary>The ways <c>load_module</c> fails, in the order nginx checks them.</summary>
public enum LoadFailureKind
{
    /// <summary>The directive itself is refused (not allowed here, wrong arguments, too late).</summary>
    DirectiveRefused,

    /// <summary><c>dlopen()</c> fails: no such file, not a shared object, a missing library.</summary>
    CannotOpen,

    /// <summary><c>dlopen()</c> fails on a symbol that nothing loaded before exports.</summary>
    UndefinedSymbol,

    /// <summary><c>dlsym()</c> finds no <c>ngx_modules</c> / <c>ngx_module_names</c>.</summary>
    NotAModule,

    /// <summary>More than 128 dynamic modules.</summary>
    TooManyModules,

    /// <summary>Built for another nginx version.</summary>
    VersionMismatch,

    /// <summary>Built with other configure features.</summary>
    NotBinaryCompatible,

    /// <summary>A module of that name is already loaded.</summary>
    AlreadyLoaded,
}
