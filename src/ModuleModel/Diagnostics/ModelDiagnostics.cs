using ConfigConvert.Diagnostics;

namespace ConfigConvert.ModuleModel;

/// <summary>Diagnostics of the module model (<c>CC20xx</c>): reading a module directory and evaluating its config.</summary>
public static class ModelDiagnostics
{
    private const string Category = "Model";

    /// <summary>The directory does not exist or is not a directory.</summary>
    public static readonly DiagnosticDescriptor DirectoryMissing = new(
        "CC2001", "Module directory missing", "`{0}` is not a directory: {1}", Category, DiagnosticSeverity.Error);

    /// <summary>No <c>config</c> file in the module directory.</summary>
    public static readonly DiagnosticDescriptor ConfigMissing = new(
        "CC2002", "No config", "`{0}` has no `config` file; configure stops with \"no ... config was found\"", Category, DiagnosticSeverity.Error,
        "configure sources DIR/config for every --add-module=DIR; without it there is no module.");

    /// <summary>The config exists but cannot be read.</summary>
    public static readonly DiagnosticDescriptor ConfigUnreadable = new(
        "CC2003", "Config unreadable", "cannot read `{0}`: {1}", Category, DiagnosticSeverity.Error);

    /// <summary>The config has syntax errors: /bin/sh would not run it at all.</summary>
    public static readonly DiagnosticDescriptor ConfigSyntaxErrors = new(
        "CC2004", "Config has syntax errors", "`{0}` has syntax errors, so /bin/sh stops before running it; nothing can be said about what it registers", Category, DiagnosticSeverity.Error);

    /// <summary>The evaluation ran out of steps.</summary>
    public static readonly DiagnosticDescriptor StepLimit = new(
        "CC2005", "Evaluation stopped", "the evaluation stopped after {0} steps here (a loop that never ends, or runs longer than a config's should); what follows is unknown", Category, DiagnosticSeverity.Error,
        "The evaluator bounds its work so that a config that loops forever cannot hang the tool.");

    /// <summary>Too many combinations of undecidable conditions.</summary>
    public static readonly DiagnosticDescriptor TooManyOutcomes = new(
        "CC2006", "Too many outcomes", "the config has more than {0} combinations of conditions the model cannot decide; only the first ones were evaluated", Category, DiagnosticSeverity.Warning);

    /// <summary>A <c>.</c> of a file that does not exist, which stops /bin/sh.</summary>
    public static readonly DiagnosticDescriptor SourcedFileMissing = new(
        "CC2007", "Sourced file missing", "`. {0}`: the file does not exist, and /bin/sh stops the whole configure run here", Category, DiagnosticSeverity.Error);

    /// <summary>A file that sources itself, directly or not.</summary>
    public static readonly DiagnosticDescriptor RecursiveSource = new(
        "CC2008", "Recursive source", "`. {0}` sources a file that is already being sourced", Category, DiagnosticSeverity.Error);

    /// <summary>The config needs another module configured before it (it looks for it in configure's module lists).</summary>
    public static readonly DiagnosticDescriptor RequiresModule = new(
        "CC2009", "Needs another module first", "the config needs `{0}` configured first: build it into the same nginx, its --add-module or --add-dynamic-module before this module's, and load its .so before this module's", Category, DiagnosticSeverity.Info,
        "The config looks for another module in configure's module lists (echo $HTTP_MODULES | grep ndk_http_module) and registers its own only when it is there, because its C code uses that module. nginx's own lists do not have it, and other addons configured earlier may: `describe` and `convert` explore both, and `--with DIR` configures the module of DIR first, as configure does.");

    /// <summary>An assignment to (or <c>unset</c> of) a variable made read-only, which stops /bin/sh.</summary>
    public static readonly DiagnosticDescriptor ReadOnlyVariable = new(
        "CC2010", "Read-only variable changed", "`{0}` is read-only: dash says \"{0}: is read only\" and stops the whole configure run here", Category, DiagnosticSeverity.Error);

    /// <summary>A <c>.</c> of a module file that has syntax errors: /bin/sh reports them and stops there.</summary>
    public static readonly DiagnosticDescriptor SourcedFileSyntaxErrors = new(
        "CC2011", "Sourced file has syntax errors", "`. {0}`: the file has syntax errors, and /bin/sh stops the whole configure run here", Category, DiagnosticSeverity.Error,
        "dash parses a sourced file before running any of it; a syntax error anywhere in it runs none of it and stops the shell with status 2.");

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [DirectoryMissing, ConfigMissing, ConfigUnreadable, ConfigSyntaxErrors, StepLimit, TooManyOutcomes, SourcedFileMissing, RecursiveSource, RequiresModule, ReadOnlyVariable, SourcedFileSyntaxErrors];
}
