using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Converter.Verification;

/// <summary>What makes a conversion impossible to prove, found before anything is written.</summary>
internal static class Blockers
{
    /// <summary>Patches to nginx's sources: shipped <c>*.patch</c>/<c>*.diff</c> files, or <c>patch</c> / <c>sed -i</c> run by the config.</summary>
    public static void FindPatches(ModuleDirectory module, ModuleDescription addon, List<Diagnostic> problems)
    {
        var configPath = Path.Combine(module.Path, "config");
        foreach (var file in SafeFiles(module.Path).Where(f => f.EndsWith(".patch", StringComparison.Ordinal) || f.EndsWith(".diff", StringComparison.Ordinal)))
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.PatchesNginx, Location.None(configPath), "the module ships `" + Path.GetRelativePath(module.Path, file) + "`"));
        }

        foreach (var command in addon.Outcomes.SelectMany(o => o.Commands).DistinctBy(c => c.Location))
        {
            var isPatch = command.Name == "patch" || (command.Name == "sed" && command.CommandLine.Split(' ').Any(a => a.StartsWith("-i", StringComparison.Ordinal)));
            if (isPatch)
            {
                problems.Add(Diagnostic.Create(ConversionDiagnostics.PatchesNginx, command.Location ?? Location.None(configPath), $"the config runs `{command.Name}`"));
            }
        }
    }

    /// <summary>Registration globals whose new value holds something the model cannot know.</summary>
    public static void FindUnknownRegistrations(ModuleDescription addon, List<Diagnostic> problems)
    {
        foreach (var outcome in addon.Outcomes)
        {
            foreach (var (name, value) in outcome.ChangedVariables)
            {
                if (value is { IsKnown: false } && Registrations.RegistrationFinder.IsRegistrationGlobal(name))
                {
                    // The unknown part itself says what the registration depends on, and where.
                    var unknown = value.Unknowns.First();
                    problems.Add(Diagnostic.Create(
                        ConversionDiagnostics.UnknownRegistration,
                        unknown.Location ?? Location.None(addon.ModuleDirectory),
                        unknown.Reason));
                    return;
                }
            }
        }
    }

    private static IEnumerable<string> SafeFiles(string directory)
    {
        try
        {
            return Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint, MaxRecursionDepth = 16 }).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
