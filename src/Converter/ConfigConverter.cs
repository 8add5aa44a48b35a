using System.Collections.Immutable;
using ConfigConvert.Converter.Emit;
using ConfigConvert.Converter.Registrations;
using ConfigConvert.Converter.Verification;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Converter;

/// <summary>
/// Converts an old-style module config to the new style: the statements that append to configure's
/// globals are replaced by a module description and <c>. auto/module</c>, the old text is kept in an
/// <c>else</c> branch for nginx before 1.9.11, and every other line stays as it was. Nothing is
/// returned that the module model has not shown to build the same static nginx and a complete dynamic
/// module.
/// </summary>
public static class ConfigConverter
{
    /// <summary>Converts the config of <paramref name="module"/>.</summary>
    public static ConversionResult Convert(ModuleDirectory module, ConversionOptions? options = null)
    {
        options ??= new ConversionOptions();
        var configPath = Path.Combine(module.Path, "config");
        var tree = module.Config;
        if (tree is null)
        {
            // A missing directory or config, or one that cannot be read: the model says which.
            return Refuse(configPath, SourceText.From(string.Empty), module.Diagnostics);
        }

        var original = tree.Text;
        if (tree.HasErrors)
        {
            // The model already says so (the parser's errors, then CC2004), as `describe` shows it.
            return Refuse(configPath, original, [.. module.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)]);
        }

        var addon = module.Describe(LinkMode.Addon, options.Reference);
        if (AutoModuleCall(tree, addon) is { } call)
        {
            return new ConversionResult(configPath, original, ConversionStatus.Unchanged, null, [Diagnostic.Create(ConversionDiagnostics.AlreadyNewStyle, call)]);
        }

        if (BlockerBeforeReading(tree, addon) is { } blocker)
        {
            return Refuse(configPath, original, [blocker.WithSeverity(DiagnosticSeverity.Error)]);
        }

        var problems = new List<Diagnostic>();
        var notes = new List<Diagnostic>();
        Blockers.FindPatches(module, addon, problems, notes);
        var nginxBuildChanges = new List<NginxBuildChange>();
        var registrations = RegistrationFinder.Find(tree, problems, nginxBuildChanges);
        Blockers.FindUnknownRegistrations(tree, addon, [.. nginxBuildChanges.Select(c => tree.GetLocation(c.Assignment))], problems);
        if (problems.Count > 0)
        {
            return Refuse(configPath, original, [.. problems]);
        }

        if (StopsOnEveryPath(configPath, addon) is { } stops)
        {
            return Refuse(configPath, original, [stops]);
        }

        if (addon.Outcomes.All(o => o.Modules.IsEmpty) && SourceOnlyAddon(tree, addon) is { } sourceOnly)
        {
            return Refuse(configPath, original, [sourceOnly]);
        }

        if (registrations.IsEmpty || addon.Outcomes.All(o => o.Modules.IsEmpty))
        {
            return new ConversionResult(configPath, original, ConversionStatus.Unchanged, null, [Diagnostic.Create(ConversionDiagnostics.NothingRegistered, Location.None(configPath))]);
        }

        var plan = ConversionPlanner.Plan(module, tree, registrations, addon, options, problems);
        if (plan is null || problems.Count > 0)
        {
            return Refuse(configPath, original, [.. problems]);
        }

        var converted = ConfigWriter.Write(tree, plan);
        if (module.WithConfigText(original.WithText(converted)).Config is { HasErrors: false } written)
        {
            converted = GuardWidening.Apply(written);
        }

        var check = SelfCheck.Verify(module, addon, module.WithConfigText(original.WithText(converted)), options, plan.Collected?.Variables ?? [], nginxBuildChanges, tree.GetLocation(registrations[0].Statement));
        if (!check.IsEmpty)
        {
            return Refuse(configPath, original, check);
        }

        // The guard stays where it was; the dependency it checks for is said (CC2009), as describe says it.
        var requiredModules = addon.Diagnostics.Where(d => d.Descriptor == ModelDiagnostics.RequiresModule);
        return new ConversionResult(configPath, original, ConversionStatus.Converted, converted, [.. requiredModules, .. notes, .. nginxBuildChanges.Select(c => KeptNote(tree, c))]);
    }

    /// <summary>
    /// What stops a conversion before the config's registrations are read. An evaluation the model did not finish
    /// (CC2005: its step limit; CC2006: only some of the outcomes; CC2008: a file that sources itself): the self-check
    /// could hold the conversion only to what was evaluated. A carriage return (CC1103): /bin/sh would read the
    /// <c>then</c> of the block a conversion adds as <c>then\r</c>.
    /// </summary>
    private static Diagnostic? BlockerBeforeReading(SyntaxTree tree, ModuleDescription addon)
        => addon.Diagnostics.FirstOrDefault(d => d.Descriptor == ModelDiagnostics.StepLimit || d.Descriptor == ModelDiagnostics.TooManyOutcomes || d.Descriptor == ModelDiagnostics.RecursiveSource)
           ?? tree.GetDiagnostics().FirstOrDefault(d => d.Descriptor == SyntaxDiagnostics.CarriageReturn);

    /// <summary>
    /// The first <c>. auto/module</c> of the script, in whatever branch, or else of a file it sources
    /// (as the model ran it); null when there is none.
    /// </summary>
    private static Location? AutoModuleCall(SyntaxTree tree, ModuleDescription addon)
    {
        var command = tree.GetRoot().DescendantNodes().OfType<SimpleCommandSyntax>().FirstOrDefault(c =>
            c.Words.Select(w => w.GetLiteralValue()).ToList() is [".", "auto/module" or "./auto/module", ..]);
        var run = addon.Outcomes.SelectMany(o => o.AutoModuleCalls).FirstOrDefault();
        return command is not null ? tree.GetLocation(command) : run is null ? null : run.Location ?? Location.None(tree.FilePath);
    }

    /// <summary>
    /// The refusal of a config that makes configure fail on every path (a missing file or library it checks for, a
    /// read-only variable assigned): that is not "nothing to do", and with no build to compare, no conversion can be
    /// proven, whether modules were registered before the stop or not. Null when some path gets through.
    /// </summary>
    private static Diagnostic? StopsOnEveryPath(string configPath, ModuleDescription addon)
    {
        if (addon.Outcomes.IsEmpty || !addon.Outcomes.All(o => o.Exited && o.ExitStatus is not 0))
        {
            return null;
        }

        var first = addon.Outcomes[0];
        var conditions = first.Assumptions.IsEmpty ? string.Empty : " when " + string.Join(" and ", first.Assumptions.Select(a => a.ToString()));
        var when = addon.Outcomes.All(o => o.Modules.IsEmpty) ? ", before the config registers any module" : string.Empty;
        var where = first.ExitLocation ?? addon.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Location ?? Location.None(configPath);
        return Diagnostic.Create(ConversionDiagnostics.StopsConfigure, where, first.ExitStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown", conditions, when);
    }

    /// <summary>
    /// The refusal of a config that adds sources, include dirs or libraries to the build and registers no
    /// module, at the first line that adds one; null when it adds nothing either (then there is truly
    /// nothing to convert).
    /// </summary>
    private static Diagnostic? SourceOnlyAddon(SyntaxTree tree, ModuleDescription addon)
    {
        var added = addon.Outcomes.SelectMany(o => o.Sources.Concat(o.Incs).Concat(o.Libs)).ToList();
        if (added.Count == 0)
        {
            return null;
        }

        var kinds = new (string Name, int Count)[]
        {
            ("sources", addon.Outcomes.Sum(o => o.Sources.Length)),
            ("include dirs", addon.Outcomes.Sum(o => o.Incs.Length)),
            ("libraries", addon.Outcomes.Sum(o => o.Libs.Length)),
        };
        var what = string.Join(" and ", kinds.Where(k => k.Count > 0).Select(k => k.Name));
        var first = added.Where(f => f.Location is not null).OrderBy(f => f.Location!.Span.Start).FirstOrDefault();
        return Diagnostic.Create(ConversionDiagnostics.SourceOnlyAddon, first?.Location ?? Assignments.First(tree, added[0].Variable) ?? Location.None(tree.FilePath), what);
    }

    /// <summary>The note that a line changing nginx's own build stays where it is, and what a dynamic build then needs.</summary>
    private static Diagnostic KeptNote(SyntaxTree tree, NginxBuildChange change)
        => Diagnostic.Create(
            ConversionDiagnostics.NginxBuildChangeKept,
            tree.GetLocation(change.Assignment),
            change.Assignment.ToString().Trim(),
            change.Variable,
            change.TargetNeeds is null ? string.Empty : "; loaded as a dynamic module, it needs an nginx " + change.TargetNeeds);

    private static ConversionResult Refuse(string configPath, SourceText original, ImmutableArray<Diagnostic> diagnostics)
        => new(configPath, original, ConversionStatus.Refused, null, diagnostics);
}
