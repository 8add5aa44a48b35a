using System.Collections.Immutable;
using ConfigConvert.Converter;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.Verification.Nginx;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Steps;

/// <summary>
/// One verification: the module is copied into a work area and every step runs on the copy, in order;
/// after a failed step the rest are skipped. The state here lives only as long as the run.
/// </summary>
internal sealed class VerificationRun
{
    // configure ignores STREAM_MODULES and MAIL_MODULES unless nginx is configured with these (static:
    // `=dynamic` would make `make modules` build nginx's own stream/mail modules from sources nginx-dev lacks).
    private static readonly (ModuleType Type, string Flag)[] FlagsForModuleTypes = [(ModuleType.Stream, "--with-stream"), (ModuleType.Mail, "--with-mail")];

    private const string OriginalLabel = "configure --add-module (original config)";
    private const string ConvertedLabel = "configure --add-module (converted config)";
    private const string DynamicLabel = "configure --add-dynamic-module";

    private readonly VerificationRequest _request;
    private readonly Setup _setup;
    private readonly WorkArea _work;
    private readonly NginxToolchain _toolchain;
    private readonly string _module;
    private VerificationFacts _facts;
    private ConversionResult? _conversion;
    private ImmutableArray<string> _flags = [];
    private StaticBuildFacts? _originalBuild;
    private StaticBuildFacts? _convertedBuild;
    private DynamicModuleLists? _dynamicLists;
    private Dictionary<string, StaticConfiguration> _configured = new(StringComparer.Ordinal);

    private VerificationRun(VerificationRequest request, Setup setup, WorkArea work, ProcessRunner runner, string module)
    {
        _request = request;
        _setup = setup;
        _work = work;
        _module = module;
        _toolchain = new NginxToolchain(setup.Source, runner);
        _facts = new VerificationFacts
        {
            SourceVersion = setup.Source.Version,
            BinaryVersion = setup.Nginx.Version,
            KeptDirectory = work.Keep ? work.Root : null,
        };
    }

    public static VerificationReport Execute(VerificationRequest request, CancellationToken cancellationToken)
    {
        var setup = Setup.Check(request, new ProcessRunner(request.Timeout, null, cancellationToken), out var problems);
        if (setup is null)
        {
            return new VerificationReport(request, problems, [], new VerificationFacts());
        }

        using var work = WorkArea.Create(request.KeepDirectory, out var workProblem);
        if (work is null)
        {
            return new VerificationReport(request, [new SetupProblem(SetupProblemKind.Input, workProblem!)], [], new VerificationFacts());
        }

        // The copy keeps the directory's name (configure names objs/addon/NAME/ after it), and where the config names
        // files beside the module, the directory above that holds them (ModuleFootprint), as module/TOP/.../NAME.
        if (ModuleFootprint.CopyRoot(setup.Module, request.Reference, work.Root, out var footprintProblem) is not { } copyRoot)
        {
            return new VerificationReport(request, [new SetupProblem(SetupProblemKind.Module, footprintProblem!)], [], new VerificationFacts());
        }

        var top = Path.Combine(work.Directory("module"), Path.GetFileName(copyRoot));
        var below = Path.GetRelativePath(copyRoot, ModuleSearch.CanonicalPath(setup.Module.Path).TrimEnd('/'));
        var module = below == "." ? top : Path.Combine(top, below);
        try
        {
            DirectoryCopy.Copy(copyRoot, top);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new VerificationReport(request, [new SetupProblem(SetupProblemKind.Module, $"{setup.Module.Path}: cannot copy the module: {e.Message}")], [], new VerificationFacts());
        }

        var runner = new ProcessRunner(request.Timeout, work.LogDirectory, cancellationToken);
        return new VerificationRun(request, setup, work, runner, module).Run();
    }

    private VerificationReport Run()
    {
        var steps = ImmutableArray.CreateBuilder<VerificationStep>();
        var kinds = new (VerificationStepKind Kind, Func<VerificationStep> Step)[]
        {
            (VerificationStepKind.Convert, Convert),
            (VerificationStepKind.StaticConfigure, ConfigureStatic),
            (VerificationStepKind.StaticComparison, CompareStatic),
            (VerificationStepKind.DynamicBuild, BuildDynamic),
            (VerificationStepKind.ModulePlacement, CheckPlacement),
            (VerificationStepKind.Load, Load),
        };
        var problems = ImmutableArray.CreateBuilder<SetupProblem>();
        foreach (var (kind, step) in kinds)
        {
            if (steps.Any(s => s.Outcome == StepOutcome.Failed))
            {
                steps.Add(new VerificationStep(kind, StepOutcome.Skipped, "skipped: an earlier step failed", []));
                continue;
            }

            try
            {
                steps.Add(step());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The work directory, not the module, failed (a full disk, a file configure did not write): an I/O error.
                var message = $"{_work.Root}: cannot read or write the work directory: {e.Message}";
                problems.Add(new SetupProblem(SetupProblemKind.Input, message));
                steps.Add(new VerificationStep(kind, StepOutcome.Failed, message, []));
            }
        }

        return new VerificationReport(_request, problems.ToImmutable(), steps.ToImmutable(), _facts);
    }

    private VerificationStep Convert()
    {
        // The converter only reads: run on the user's directory, its diagnostics name the user's files.
        _flags = ConfigureFlags(_setup.Module);
        var result = ConfigConverter.Convert(_setup.Module, new ConversionOptions { Reference = _request.Reference });
        _facts = _facts with { ConversionDiagnostics = result.Diagnostics };
        switch (result.Status)
        {
            case ConversionStatus.Converted:
                _conversion = result;
                _facts = _facts with { Style = ConfigStyle.Converted };
                return Step(VerificationStepKind.Convert, StepOutcome.Passed, "the config is old style: converted in a copy of the module (the directory given is not changed)");
            case ConversionStatus.Unchanged when result.Diagnostics.Any(d => d.Descriptor == ConversionDiagnostics.AlreadyNewStyle):
                _facts = _facts with { Style = ConfigStyle.NewStyle };
                return Step(VerificationStepKind.Convert, StepOutcome.NotApplicable, "the config is new style already (it calls `. auto/module`): verified as it is");
            case ConversionStatus.Unchanged:
                _facts = _facts with { Style = ConfigStyle.RegistersNothing };
                return Step(VerificationStepKind.Convert, StepOutcome.NotApplicable, "the config registers no module: nothing to convert");
            case ConversionStatus.Refused when StopsConfigure(result) is { } stop:
                // Nothing here to convert or to refuse: configure run with the config as it is says why it stops, in
                // its own words (a missing library, a git submodule not checked out), where the model has only the line.
                _facts = _facts with { Style = ConfigStyle.StopsConfigure };
                return Step(VerificationStepKind.Convert, StepOutcome.NotApplicable, $"{stop.Message}: configured as it is, for configure's own message");
            default:
                _facts = _facts with { Style = ConfigStyle.Refused };
                var reason = result.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.DiagnosticSeverity.Error)?.Message ?? "see the diagnostics";
                return Step(VerificationStepKind.Convert, StepOutcome.Failed, $"the config is old style and the converter refused it: {reason}");
        }
    }

    // The refusal of a config every path of which stops configure before it registers a module (CC3014), and no other.
    private static Diagnostics.Diagnostic? StopsConfigure(ConversionResult result)
        => result.Diagnostics.Where(d => d.Severity == Diagnostics.DiagnosticSeverity.Error).ToList() is [{ } only] && only.Descriptor == ConversionDiagnostics.StopsConfigure ? only : null;

    private VerificationStep ConfigureStatic()
    {
        ConfigureAll();
        var original = _configured[OriginalLabel];
        if (original.Files is null)
        {
            return Step(VerificationStepKind.StaticConfigure, StepOutcome.Failed, "configure --add-module failed with the original config", original.Run);
        }

        _originalBuild = StaticBuildFacts.Read(original.Files, _conversion is null ? _module : OriginalModule);
        if (_conversion is null)
        {
            return Step(VerificationStepKind.StaticConfigure, StepOutcome.Passed, $"configure --add-module succeeded ({Added(_originalBuild)})", original.Run);
        }

        var converted = _configured[ConvertedLabel];
        if (converted.Files is null)
        {
            return Step(VerificationStepKind.StaticConfigure, StepOutcome.Failed, "configure --add-module failed with the converted config", original.Run, converted.Run);
        }

        _convertedBuild = StaticBuildFacts.Read(converted.Files, _module);
        return Step(VerificationStepKind.StaticConfigure, StepOutcome.Passed, $"configure --add-module succeeded with the original and the converted config ({Added(_originalBuild)})", original.Run, converted.Run);
    }

    // Every configure of the verification runs here, at once: they differ only in the module they add, so they share
    // configure's first part (NginxToolchain.Configure). A build that a failed step makes unneeded is not reported.
    // The module's copy gets the converted config, as the kept directory shows it; the original is configured from a
    // copy of its own.
    private void ConfigureAll()
    {
        var builds = new List<ConfigureBuild>();
        if (_conversion is not null)
        {
            DirectoryCopy.Copy(ModuleCopyTop(_work.Directory("module")), ModuleCopyTop(_work.Directory("original")));
            // A config that is a link (copied as a link) would be written through, into the user's own file.
            File.Delete(Path.Combine(_module, "config"));
            File.WriteAllBytes(Path.Combine(_module, "config"), _conversion.ConvertedBytes!);
            builds.Add(new(OriginalLabel, _work.Directory("static-original"), StaticFlags(OriginalModule)));
            builds.Add(new(ConvertedLabel, _work.Directory("static-converted"), StaticFlags(_module)));
        }
        else
        {
            builds.Add(new(OriginalLabel, _work.Directory("static-original"), StaticFlags(_module)));
        }

        builds.Add(new(DynamicLabel, _work.Directory("dynamic"), _toolchain.DynamicFlags([.. _flags, .. _request.ConfiguredFirst.Select(d => "--add-dynamic-module=" + Path.GetFullPath(d)), "--add-dynamic-module=" + _module])));
        builds.Add(NginxToolchain.AloneBuild(_flags, _work.Directory("nginx-alone")));
        var configured = _toolchain.Configure(builds, _work.Directory("configure"));
        _configured = builds.Select((b, i) => (b.Label, configured[i])).ToDictionary(b => b.Label, b => b.Item2, StringComparer.Ordinal);
    }

    private VerificationStep CompareStatic()
    {
        if (_originalBuild is null || _convertedBuild is null)
        {
            return Step(VerificationStepKind.StaticComparison, StepOutcome.NotApplicable, "no conversion to compare");
        }

        var differences = _originalBuild.Compare(_convertedBuild);
        _facts = _facts with { StaticDifferences = differences };
        return differences.IsEmpty
            ? Step(VerificationStepKind.StaticComparison, StepOutcome.Passed, "the converted config builds the same static nginx: modules in the same order, sources, include dirs, libs and defines")
            : Step(VerificationStepKind.StaticComparison, StepOutcome.Failed, "the converted config builds a different static nginx than the original");
    }

    private VerificationStep BuildDynamic()
    {
        var build = _toolchain.BuildModules(_configured[DynamicLabel]);
        _dynamicLists = build.Lists;
        _facts = _facts with { SharedObjects = build.SharedObjects, SharedObjectModules = build.Lists?.SharedObjects ?? [] };
        var runs = build.Runs.ToArray();
        if (!build.Succeeded)
        {
            var what = build.Runs.Length == 1 ? "configure --add-dynamic-module failed" : "make modules failed";
            return Step(VerificationStepKind.DynamicBuild, StepOutcome.Failed, what, runs);
        }

        if (build.SharedObjects.IsEmpty)
        {
            return Step(VerificationStepKind.DynamicBuild, StepOutcome.Failed, "make modules built no shared object: configure linked the module into nginx instead, as it does for a config that does not call `. auto/module`", runs);
        }

        var names = string.Join(", ", build.SharedObjects.Select(Path.GetFileName));
        return Step(VerificationStepKind.DynamicBuild, StepOutcome.Passed, $"make modules built {names}", runs);
    }

    private VerificationStep CheckPlacement()
    {
        if (_originalBuild is null || _dynamicLists is null)
        {
            return Step(VerificationStepKind.ModulePlacement, StepOutcome.NotApplicable, "no static and dynamic build to compare");
        }

        var alone = _configured[NginxToolchain.AloneLabel];
        if (alone.Files is null)
        {
            return Step(VerificationStepKind.ModulePlacement, StepOutcome.Failed, "configure failed for nginx alone (with the same flags and no module)", alone.Run);
        }

        var nginxAlone = StaticBuildFacts.ModuleArray(alone.Files.ModulesFile);
        var differences = _dynamicLists.Compare(_originalBuild.Modules, nginxAlone);
        _facts = _facts with { PlacementDifferences = differences };
        var added = _originalBuild.Modules.Count(m => !nginxAlone.Contains(m));
        return differences.IsEmpty
            ? Step(VerificationStepKind.ModulePlacement, StepOutcome.Passed, $"the {added} module{(added == 1 ? string.Empty : "s")} the original static build adds to nginx {(added == 1 ? "is" : "are")} in the shared objects, and nginx's own module list is that of nginx alone", alone.Run)
            : Step(VerificationStepKind.ModulePlacement, StepOutcome.Failed, "the dynamic build puts modules elsewhere than the original static build implies", alone.Run);
    }

    private VerificationStep Load()
    {
        var sharedObjects = _request.Preload.Select(Path.GetFullPath).Concat(_facts.SharedObjects).ToList();
        var test = _toolchain.Load(_setup.Nginx, sharedObjects, _request.Directives, _work.Directory("load"));
        _facts = _facts with { NginxConfiguration = test.Configuration, NginxMessages = test.Messages };
        if (test.Run.Succeeded)
        {
            return Step(VerificationStepKind.Load, StepOutcome.Passed, $"nginx -t loaded {string.Join(", ", _facts.SharedObjects.Select(Path.GetFileName))} and accepted the configuration", test.Run);
        }

        if (test.Run.ExitCode is > 128 and < 160 and var status)
        {
            // nginx exits with 0 or 1 of itself; the shell's 128 + N is a signal: a module crashed it while loading.
            return Step(VerificationStepKind.Load, StepOutcome.Failed, $"nginx -t was killed by signal {status - 128}{SignalName(status - 128)}: a module crashed it while it loaded the modules or read the configuration", test.Run);
        }

        var first = test.Messages.FirstOrDefault(m => m.Contains("[emerg]", StringComparison.Ordinal)) ?? test.Messages.FirstOrDefault();
        return Step(VerificationStepKind.Load, StepOutcome.Failed, first is null ? "nginx -t refused the configuration" : "nginx -t refused the configuration: " + first, test.Run);
    }

    private static string SignalName(int signal) => signal switch
    {
        6 => " (SIGABRT)",
        7 => " (SIGBUS)",
        8 => " (SIGFPE)",
        9 => " (SIGKILL)",
        11 => " (SIGSEGV)",
        _ => string.Empty,
    };

    private ImmutableArray<string> ConfigureFlags(ModuleDirectory module)
    {
        var given = _setup.Source.ConfFlags.Concat(_request.ConfigureFlags).ToList();
        var types = module.Describe(LinkMode.Addon).Outcomes.SelectMany(o => o.Modules).Select(m => m.Type).ToHashSet();
        var needed = FlagsForModuleTypes
            .Where(t => types.Contains(t.Type) && !given.Any(f => f == t.Flag || f.StartsWith(t.Flag + "=", StringComparison.Ordinal)))
            .Select(t => t.Flag);
        return [.. needed, .. _request.ConfigureFlags];
    }

    // configure takes the --with modules before the module, in order, as --add-module (static) or --add-dynamic-module;
    // the flags that add modules come last, so that the builds can share configure's first part.
    private ImmutableArray<string> StaticFlags(string module) => [.. _flags, .. _request.ConfiguredFirst.Select(d => "--add-module=" + Path.GetFullPath(d)), "--add-module=" + module];

    // The original config's copy of the module keeps the directory's name: configure names objs/addon/NAME/ after it.
    private string OriginalModule => Path.Combine(_work.Directory("original"), Path.GetRelativePath(_work.Directory("module"), _module));

    // The directory copied for the module under `module/` (the module's own, or the one above it that ModuleFootprint
    // chose), and its place under another folder of the work area.
    private string ModuleCopyTop(string folder)
        => Path.Combine(folder, Path.GetRelativePath(_work.Directory("module"), _module).Split('/')[0]);

    private static string Added(StaticBuildFacts build)
    {
        var sources = build.AddonSources.Count;
        return $"{build.Modules.Count} modules in the static nginx, {sources} source{(sources == 1 ? string.Empty : "s")} of the module";
    }

    private static VerificationStep Step(VerificationStepKind kind, StepOutcome outcome, string message, params ProcessRun[] runs)
        => new(kind, outcome, message, [.. runs]);
}
