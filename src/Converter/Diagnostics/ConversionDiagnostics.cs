using ConfigConvert.Diagnostics;

namespace ConfigConvert.Converter;

/// <summary>
/// Diagnostics of the converter (<c>CC3xxx</c>): why a config was left alone. The converter changes
/// nothing unless it can prove the result builds the same static nginx and a loadable dynamic module.
/// A config it cannot read or run is refused with the diagnostics of the layer that found the problem
/// (a missing or unreadable config: the model's CC2001-CC2003; syntax errors: the parser's and CC2004;
/// CRLF line endings: the parser's CC1103, as an error). CC3001, CC3010 and CC3011, which said the
/// same again, are retired; their ids are not reused.
/// </summary>
public static class ConversionDiagnostics
{
    private const string Category = "Conversion";

    /// <summary>The module patches nginx's own sources.</summary>
    public static readonly DiagnosticDescriptor PatchesNginx = new(
        "CC3002", "Patches nginx", "{0}: the module changes nginx's own sources, which a dynamic module cannot do (it is loaded into an nginx already built); build nginx from its sources with the change applied and the module added, and load the module only into that nginx", Category, DiagnosticSeverity.Error,
        "A module that ships patches against nginx, or whose config runs `patch`, `sed -i` or `cp` on nginx's files or writes into them or into objs/, only works when nginx is rebuilt with it.");

    /// <summary>Registrations where the converter cannot move them safely.</summary>
    public static readonly DiagnosticDescriptor RegistrationPlacement = new(
        "CC3003", "Registration placement", "{0}; convert this config by hand", Category, DiagnosticSeverity.Error,
        "The converter replaces the statements that register the module with one description; they must sit together in one block, outside loops and functions.");

    /// <summary>A registration statement of a shape the converter does not understand.</summary>
    public static readonly DiagnosticDescriptor UnsupportedRegistration = new(
        "CC3004", "Unsupported registration", "`{0}` changes `{1}` in a way the converter cannot turn into a module description", Category, DiagnosticSeverity.Error);

    /// <summary>Values the model cannot know flow into the registration.</summary>
    public static readonly DiagnosticDescriptor UnknownRegistration = new(
        "CC3005", "Unknown values", "what the config registers depends on {0}, which cannot be known before configure runs; the conversion cannot be proven", Category, DiagnosticSeverity.Error);

    /// <summary>The self-check found a difference between the original and the converted config.</summary>
    public static readonly DiagnosticDescriptor SelfCheckFailed = new(
        "CC3006", "Not equivalent", "the converted config would build a different nginx ({0}): {1}; convert this part by hand and prove the result with `ngx-convert verify`", Category, DiagnosticSeverity.Error,
        "The converter evaluates the original and the converted config under every link mode and refuses when they differ, at the line of the original that makes the difference (or, when no single line does, the first that registers the module).");

    /// <summary>Already new style.</summary>
    public static readonly DiagnosticDescriptor AlreadyNewStyle = new(
        "CC3007", "Already converted", "the config already calls `. auto/module`; nothing to convert", Category, DiagnosticSeverity.Info);

    /// <summary>Registers nothing.</summary>
    public static readonly DiagnosticDescriptor NothingRegistered = new(
        "CC3008", "Registers nothing", "the config registers no module, so there is nothing to describe", Category, DiagnosticSeverity.Warning);

    /// <summary>Sources that cannot be assigned to a module type.</summary>
    public static readonly DiagnosticDescriptor SourcesNotSplit = new(
        "CC3009", "Sources not split", "the config registers modules of several types ({0}), and {1}", Category, DiagnosticSeverity.Error,
        "A static build needs one auto/module call per type, each with its own sources; the C sources say which file defines which module.");

    /// <summary>Sources added, no module registered: a library for other modules of the same distribution.</summary>
    public static readonly DiagnosticDescriptor SourceOnlyAddon = new(
        "CC3012", "Source-only addon", "the config adds {0} to nginx's build but registers no module: it is a library for other modules, and cannot become a dynamic module on its own", Category, DiagnosticSeverity.Error,
        "A dynamic module is a .so with at least one ngx_module_t in it. A config that only adds sources, include dirs or libraries builds code that other modules of the same distribution call; built alone it would make no .so, and its code must be linked into the .so of the modules that use it.");

    /// <summary>A line that changes nginx's own build, kept where it is.</summary>
    public static readonly DiagnosticDescriptor NginxBuildChangeKept = new(
        "CC3013", "Change to nginx's build kept", "`{0}` changes nginx's own build (`{1}`), not the module's: it stays where it is, so a static build still does it, but a dynamic module built alone cannot change the nginx it is loaded into{2}", Category, DiagnosticSeverity.Info,
        "Lines that force nginx's own sources into its build, put linker flags or include dirs before nginx's, or edit nginx's lists with sed are kept outside the module's description, as authors who converted such modules by hand did.");

    /// <summary>configure stops on every path through the config.</summary>
    public static readonly DiagnosticDescriptor StopsConfigure = new(
        "CC3014", "Configure stops", "configure stops here with status {0}{1}{2}, so there is nothing that can be converted", Category, DiagnosticSeverity.Error,
        "Every path through the config ends configure with a failure status (an `exit`, a sourced file that is missing, a read-only variable assigned), usually before a module is registered, because something it checks for (a file, a library, a git submodule, an environment variable) is missing where the conversion runs. With no build to compare, no conversion could be proven.");

    /// <summary>A shipped patch to nginx that the build does not use: a note, not a refusal.</summary>
    public static readonly DiagnosticDescriptor PatchOutsideBuild = new(
        "CC3015", "Patch outside the build", "{0}, but it is not part of the build (it sits in a development or test folder, and neither the config nor a README or INSTALL applies it), so it blocks nothing: the converted config builds without it, as the original does", Category, DiagnosticSeverity.Info,
        "A patch to nginx in a development or test folder that nothing applies is a tool of the module's authors (a debugging build, a test harness), not part of what users build.");

    /// <summary>Every descriptor of this catalogue.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
        [PatchesNginx, RegistrationPlacement, UnsupportedRegistration, UnknownRegistration, SelfCheckFailed, AlreadyNewStyle, NothingRegistered, SourcesNotSplit, SourceOnlyAddon, NginxBuildChangeKept, StopsConfigure, PatchOutsideBuild];
}
