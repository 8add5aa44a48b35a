using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.Verification.Steps;

namespace ConfigConvert.Verification;

/// <summary>What verifying a module showed: each step with its outcome and the programs it ran.</summary>
public sealed class VerificationReport
{
    internal VerificationReport(VerificationRequest request, ImmutableArray<SetupProblem> problems, ImmutableArray<VerificationStep> steps, VerificationFacts facts)
    {
        // An empty path is said to be one among the problems; .NET refuses to make it full.
        ModuleDirectory = request.ModuleDirectory.Length == 0 ? string.Empty : Path.GetFullPath(request.ModuleDirectory);
        NginxSource = request.NginxSource;
        NginxBinary = request.NginxBinary;
        Problems = problems;
        Steps = steps;
        SourceVersion = facts.SourceVersion;
        BinaryVersion = facts.BinaryVersion;
        Style = facts.Style;
        ConversionDiagnostics = facts.ConversionDiagnostics;
        StaticDifferences = facts.StaticDifferences;
        SharedObjects = facts.SharedObjects;
        SharedObjectModules = facts.SharedObjectModules;
        PlacementDifferences = facts.PlacementDifferences;
        NginxConfiguration = facts.NginxConfiguration;
        NginxMessages = facts.NginxMessages;
        KeptDirectory = facts.KeptDirectory;
    }

    /// <summary>The verdict.</summary>
    public VerificationVerdict Verdict => !Problems.IsEmpty ? VerificationVerdict.NotRun
        : Steps.Any(s => s.Outcome == StepOutcome.Failed) ? VerificationVerdict.NotProven
        : VerificationVerdict.Proven;

    /// <summary>The module directory, absolute.</summary>
    public string ModuleDirectory { get; }

    /// <summary>The nginx source tree used.</summary>
    public string NginxSource { get; }

    /// <summary>The nginx binary used.</summary>
    public string NginxBinary { get; }

    /// <summary>Why nothing was run (missing directory, config, nginx sources or binary...), or why a step stopped on an I/O error of the work directory; empty otherwise.</summary>
    public ImmutableArray<SetupProblem> Problems { get; }

    /// <summary>The steps in order; a step after a failed one is <see cref="StepOutcome.Skipped"/>.</summary>
    public ImmutableArray<VerificationStep> Steps { get; }

    /// <summary>nginx's version in the source tree (<c>src/core/nginx.h</c>), when read.</summary>
    public string? SourceVersion { get; }

    /// <summary>The binary's version (<c>nginx -v</c>), when read. A module loads only into the version it was built against.</summary>
    public string? BinaryVersion { get; }

    /// <summary>How the module's config registers its modules, as the converter saw it.</summary>
    public ConfigStyle Style { get; }

    /// <summary>What the converter said: why it refused, or notes on the conversion.</summary>
    public ImmutableArray<Diagnostic> ConversionDiagnostics { get; }

    /// <summary>Where the static build of the converted config differs from the original's; empty when it does not.</summary>
    public ImmutableArray<StaticDifference> StaticDifferences { get; }

    /// <summary>The shared objects <c>make modules</c> built, in the order configure declared them (the load order).</summary>
    public ImmutableArray<string> SharedObjects { get; }

    /// <summary>The modules configure put into each shared object (<c>objs/NAME_modules.c</c>), in load order, when the dynamic build was configured.</summary>
    public ImmutableArray<SharedObjectModules> SharedObjectModules { get; }

    /// <summary>Where the dynamic build puts modules other than the original static build implies; empty when it does not, or when the check did not run.</summary>
    public ImmutableArray<PlacementDifference> PlacementDifferences { get; }

    /// <summary>The <c>nginx.conf</c> given to <c>nginx -t</c>, when the load step ran.</summary>
    public string? NginxConfiguration { get; }

    /// <summary>nginx's own messages from <c>nginx -t</c> (<c>[emerg]</c>, <c>[warn]</c>... lines).</summary>
    public ImmutableArray<string> NginxMessages { get; }

    /// <summary>The directory left behind (<see cref="VerificationRequest.KeepDirectory"/>), or null when everything was removed.</summary>
    public string? KeptDirectory { get; }
}

/// <summary>The verdict of a verification.</summary>
public enum VerificationVerdict
{
    /// <summary>Every step passed: the module builds statically and dynamically, a conversion changes nothing in the static build, and nginx loads the module.</summary>
    Proven,

    /// <summary>A step failed.</summary>
    NotProven,

    /// <summary>Nothing could be run, or the work directory failed: see <see cref="VerificationReport.Problems"/>.</summary>
    NotRun,
}

/// <summary>How a config registers its modules.</summary>
public enum ConfigStyle
{
    /// <summary>Not known: the verification did not get as far as reading the config.</summary>
    Unknown,

    /// <summary>Old style, converted for the verification (the user's config is not changed).</summary>
    Converted,

    /// <summary>New style already (<c>. auto/module</c>): verified as it is.</summary>
    NewStyle,

    /// <summary>The config registers no module.</summary>
    RegistersNothing,

    /// <summary>Old style, and the converter refused to convert it.</summary>
    Refused,

    /// <summary>
    /// Every path through the config stops configure before it registers a module (a missing file or library it checks
    /// for): nothing to convert, so configured as it is, and configure says why it stops.
    /// </summary>
    StopsConfigure,
}

/// <summary>The steps of a verification, in the order they run.</summary>
public enum VerificationStepKind
{
    /// <summary>Convert an old-style config (in a copy of the module).</summary>
    Convert,

    /// <summary>Run the real configure with <c>--add-module</c> (the original config, then the converted one).</summary>
    StaticConfigure,

    /// <summary>Compare the static builds of the original and the converted config.</summary>
    StaticComparison,

    /// <summary>Run configure with <c>--add-dynamic-module</c> and <c>--with-compat</c>, then <c>make modules</c>.</summary>
    DynamicBuild,

    /// <summary>Load the shared objects under <c>nginx -t</c> in a throwaway prefix.</summary>
    Load,

    /// <summary>
    /// Check, with configure's own files, that every module the original static build adds to nginx is in a shared
    /// object and that nginx's own module list is that of nginx configured with no module. It runs after
    /// <see cref="DynamicBuild"/> and before <see cref="Load"/> (declared last, so that the values before it keep their numbers).
    /// </summary>
    ModulePlacement,
}

/// <summary>How a step ended.</summary>
public enum StepOutcome
{
    /// <summary>The step ran and passed.</summary>
    Passed,

    /// <summary>The step ran and failed.</summary>
    Failed,

    /// <summary>The step does not apply to this module (nothing to convert, nothing to compare).</summary>
    NotApplicable,

    /// <summary>The step did not run because an earlier one failed.</summary>
    Skipped,
}

/// <summary>One step of a verification.</summary>
/// <param name="Kind">Which step.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="Message">One sentence saying what happened.</param>
/// <param name="Runs">The programs it ran, with their output.</param>
public sealed record VerificationStep(VerificationStepKind Kind, StepOutcome Outcome, string Message, ImmutableArray<ProcessRun> Runs)
{
    /// <summary>The run that failed, when one did.</summary>
    public ProcessRun? FailedRun => Runs.FirstOrDefault(r => !r.Succeeded);
}

/// <summary>A program the verification ran.</summary>
/// <param name="Label">What the run is (<c>configure (original)</c>, <c>make modules</c>, <c>nginx -t</c>...).</param>
/// <param name="Program">The program.</param>
/// <param name="Arguments">Its arguments.</param>
/// <param name="WorkingDirectory">Where it ran.</param>
/// <param name="ExitCode">Its exit status; null when it did not start or was stopped.</param>
/// <param name="TimedOut">True when it was stopped because it ran longer than the timeout.</param>
/// <param name="StartError">Why it could not start, or null.</param>
/// <param name="Duration">How long it ran.</param>
/// <param name="Output">Its standard output and standard error, interleaved as they came (the end only, for very long output).</param>
/// <param name="LogFile">The file with its whole output, when the directory is kept; otherwise null.</param>
public sealed record ProcessRun(string Label, string Program, ImmutableArray<string> Arguments, string WorkingDirectory, int? ExitCode, bool TimedOut, string? StartError, TimeSpan Duration, string Output, string? LogFile)
{
    /// <summary>True when the program ran to the end with exit status 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>The last <paramref name="count"/> lines of the output.</summary>
    public IReadOnlyList<string> Tail(int count)
    {
        var lines = Output.Split('\n');
        var end = lines.Length > 0 && lines[^1].Length == 0 ? lines.Length - 1 : lines.Length;
        return lines[Math.Max(0, end - count)..end];
    }
}

/// <summary>One part of the static build that the conversion changes.</summary>
/// <param name="Aspect">Which part.</param>
/// <param name="Original">Its value with the original config.</param>
/// <param name="Converted">Its value with the converted config.</param>
public sealed record StaticDifference(StaticAspect Aspect, ImmutableArray<string> Original, ImmutableArray<string> Converted);

/// <summary>The parts of a static build that a conversion must keep.</summary>
public enum StaticAspect
{
    /// <summary>The modules, in order (<c>objs/ngx_modules.c</c>).</summary>
    Modules,

    /// <summary>The module's C sources (<c>objs/Makefile</c>).</summary>
    Sources,

    /// <summary>The include directories (<c>-I</c> in <c>objs/Makefile</c>).</summary>
    IncludeDirs,

    /// <summary>The libraries and linker flags of the nginx binary (<c>objs/Makefile</c>).</summary>
    Libs,

    /// <summary>The <c>#define</c>s of <c>objs/ngx_auto_config.h</c>.</summary>
    Defines,
}

/// <summary>The modules configure put into one shared object of the dynamic build.</summary>
/// <param name="SharedObject">The file's name (<c>ngx_http_foo_module.so</c>).</param>
/// <param name="Modules">Its modules, in the order of its <c>ngx_modules[]</c>.</param>
public sealed record SharedObjectModules(string SharedObject, ImmutableArray<string> Modules);

/// <summary>A module that the dynamic build puts somewhere other than where the original static build implies.</summary>
/// <param name="Problem">What is wrong with its place.</param>
/// <param name="Module">The module's name (<c>ngx_http_foo_module</c>).</param>
public sealed record PlacementDifference(PlacementProblem Problem, string Module);

/// <summary>How a module's place in the dynamic build differs from the original static build's.</summary>
public enum PlacementProblem
{
    /// <summary>The original static build has it, and the dynamic build has it nowhere: neither in a shared object nor in nginx.</summary>
    NotBuilt,

    /// <summary>The dynamic build links it into nginx itself: a plain nginx has no such module, so the module's config put it into nginx's own lists.</summary>
    LeftInNginx,

    /// <summary>A shared object holds it, and the original static build does not add it.</summary>
    NotInOriginal,

    /// <summary>nginx without the module has it, and the dynamic build's nginx does not: the config took it out of nginx's lists.</summary>
    RemovedFromNginx,
}

/// <summary>Why a verification could not run.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Message">What is wrong and how to fix it (which package to install).</param>
/// <param name="Diagnostic">The module model's diagnostic, for a missing or unreadable module directory or config.</param>
public sealed record SetupProblem(SetupProblemKind Kind, string Message, Diagnostic? Diagnostic = null);

/// <summary>What kept a verification from running.</summary>
public enum SetupProblemKind
{
    /// <summary>The module directory or its config is missing or unreadable.</summary>
    Module,

    /// <summary>The nginx source tree is missing or incomplete.</summary>
    NginxSource,

    /// <summary>The nginx binary is missing or does not run.</summary>
    NginxBinary,

    /// <summary>A program the build needs (sh, make, cc, bash) is missing.</summary>
    Tool,

    /// <summary>Another input (a shared object to preload, the directory to keep) is unusable, or a file could not be written.</summary>
    Input,
}
