using System.Collections.Immutable;
using ConfigConvert.Converter.Registrations;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Converter.Verification;

/// <summary>
/// Evaluates the original and the converted config with the module model and lists every difference
/// that matters: the static build (module lists in order, sources, deps, include dirs, libs, USE_*
/// switches, #defines, whether configure stops), the dynamic build (every module in a shared object,
/// nothing left in the static lists, every source compiled), and for the compatibility branch, nginx
/// before 1.9.11 (the very same variables).
/// </summary>
internal static class SelfCheck
{
    /// <param name="original">The module as it is.</param>
    /// <param name="originalAddon">Its description under ADDON, which the converter already has.</param>
    /// <param name="converted">The module with the converted config.</param>
    /// <param name="options">How it was converted.</param>
    /// <param name="collectedVariables">The variables the conversion collects the module's lists in: new, and the module's own.</param>
    /// <param name="kept">The lines that change nginx's own build, kept where they are: a module they force into nginx's lists is nginx's, not the module's.</param>
    public static ImmutableArray<Diagnostic> Verify(ModuleDirectory original, ModuleDescription originalAddon, ModuleDirectory converted, ConversionOptions options, ImmutableArray<string> collectedVariables, IReadOnlyList<NginxBuildChange> kept)
    {
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        var configPath = Path.Combine(original.Path, "config");
        void Fail(string build, string what) => problems.Add(Diagnostic.Create(ConversionDiagnostics.SelfCheckFailed, Location.None(configPath), build, what));

        if (converted.Config is null || converted.Config.HasErrors)
        {
            Fail("static", "the converted text does not parse: " + string.Join("; ", converted.Diagnostics.Select(d => d.Message)));
            return problems.ToImmutable();
        }

        var before = originalAddon;
        Compare("static", before, converted.Describe(LinkMode.Addon, options.Reference), StaticDifferences, Fail);
        var nginxModules = NginxModulesForced(original, originalAddon, kept);
        Compare("dynamic", before, converted.Describe(LinkMode.Dynamic, options.Reference), (a, b) => DynamicDifferences(a, b, nginxModules), Fail);
        if (options.Compatibility)
        {
            Compare("legacy", original.Describe(LinkMode.Legacy, options.Reference), converted.Describe(LinkMode.Legacy, options.Reference), (a, b) => LegacyDifferences(a, b, collectedVariables, options.Reference), Fail);
        }

        return problems.ToImmutable();
    }

    private static void Compare(string build, ModuleDescription a, ModuleDescription b, Func<ModuleOutcome, ModuleOutcome, IEnumerable<string>> differences, Action<string, string> fail)
    {
        var pairs = Pair(a, b, out var pairing);

        // Outcomes that differ the same way (a feature test's every branch) are one problem, said once.
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var difference in pairs.SelectMany(p => differences(p.Item1, p.Item2)).Where(said.Add))
        {
            fail(build, difference);
        }

        if (pairing is not null)
        {
            fail(build, pairing);
        }
    }

    /// <summary>
    /// The variables nginx before 1.9.11 would see otherwise. configure splits its lists into words, so
    /// those compare word by word; the variables a conversion collects the module's lists in are new.
    /// </summary>
    private static IEnumerable<string> LegacyDifferences(ModuleOutcome a, ModuleOutcome b, ImmutableArray<string> collectedVariables, ReferenceBuild reference)
    {
        var changed = a.ChangedVariables.Keys.Union(b.ChangedVariables.Keys)
            .Where(k => !collectedVariables.Contains(k))
            .Where(k => RegistrationFinder.IsRegistrationGlobal(k) ? !SameWords(a, b, k, reference) : !a.ChangedVariables.TryGetValue(k, out var x) || !b.ChangedVariables.TryGetValue(k, out var y) || !SameValue(x, y))
            .ToList();
        if (changed.Count > 0)
        {
            yield return "nginx before 1.9.11 would see other values of " + string.Join(", ", changed);
        }
    }

    /// <summary>Outcomes of the two descriptions that make the same assumptions.</summary>
    private static List<(ModuleOutcome, ModuleOutcome)> Pair(ModuleDescription a, ModuleDescription b, out string? problem)
    {
        problem = null;
        var pairs = new List<(ModuleOutcome, ModuleOutcome)>();
        foreach (var outcome in a.Outcomes)
        {
            var key = string.Join(";", outcome.Assumptions);
            var match = b.Outcomes.FirstOrDefault(o => string.Join(";", o.Assumptions) == key);
            if (match is null)
            {
                problem = $"the outcome [{key}] has no counterpart";
                continue;
            }

            pairs.Add((outcome, match));
        }

        if (a.Outcomes.Length != b.Outcomes.Length)
        {
            problem ??= $"{a.Outcomes.Length} outcomes before, {b.Outcomes.Length} after";
        }

        return pairs;
    }

    private static IEnumerable<string> StaticDifferences(ModuleOutcome a, ModuleOutcome b)
    {
        foreach (var type in ModuleType.All)
        {
            // The whole list, nginx's own modules included: a config may remove or reorder them.
            if (!SameWords(a, b, type.ModulesList))
            {
                yield return $"{type.ModulesList} would differ: {Describe(a, type)} instead of {Describe(b, type)}";
            }
        }

        foreach (var (name, left, right) in new[]
        {
            ("sources", Set(a.Sources), Set(b.Sources)),
            ("deps", Set(a.Deps), Set(b.Deps)),
            ("include dirs", Set(a.Incs), Set(b.Incs)),
            ("libs", string.Join(' ', a.Libs.Select(l => l.Value)), string.Join(' ', b.Libs.Select(l => l.Value))),
            ("USE_ switches", string.Join(' ', UseSwitches(a)), string.Join(' ', UseSwitches(b))),
            ("#defines", string.Join(' ', a.Defines.Select(d => d.Name + "=" + d.Value)), string.Join(' ', b.Defines.Select(d => d.Name + "=" + d.Value))),
        })
        {
            if (left != right)
            {
                yield return $"{name}: `{right}` instead of `{left}`";
            }
        }

        if (a.Exited != b.Exited || a.ExitStatus != b.ExitStatus)
        {
            yield return "configure would stop differently";
        }
    }

    /// <summary>The names of the modules that kept lines put into nginx's lists in the original (its own modules: they stay in its lists).</summary>
    private static HashSet<string> NginxModulesForced(ModuleDirectory original, ModuleDescription originalAddon, IReadOnlyList<NginxBuildChange> kept)
    {
        var lines = kept.Select(k => original.Config!.GetLocation(k.Assignment)).ToList();
        return originalAddon.Outcomes.SelectMany(o => o.Modules)
            .Where(m => m.Location is { } at && lines.Any(l => l.Path == at.Path && l.Span.Start <= at.Span.Start && at.Span.End <= l.Span.End))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> DynamicDifferences(ModuleOutcome staticOriginal, ModuleOutcome dynamic, HashSet<string> nginxModules)
    {
        var leftStatic = dynamic.Modules.Where(m => !nginxModules.Contains(m.Name)).ToList();
        if (leftStatic.Count > 0)
        {
            yield return "modules left in static lists: " + string.Join(", ", leftStatic.Select(m => m.Name));
        }

        var inObjects = dynamic.SharedObjects.SelectMany(so => so.Modules).ToHashSet(StringComparer.Ordinal);
        var missing = staticOriginal.Modules.Select(m => m.Name).Where(n => !inObjects.Contains(n) && !nginxModules.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            yield return "modules in no shared object: " + string.Join(", ", missing);
        }

        var compiled = dynamic.SharedObjects.SelectMany(so => so.Sources.Concat(so.SharedSources)).ToHashSet(StringComparer.Ordinal);
        // nginx's own sources that a kept line forces into nginx's build are nginx's, not the module's.
        var uncompiled = staticOriginal.Sources.Select(s => s.Value).Where(s => IsModuleFile(s) && !compiled.Contains(s)).Distinct().ToList();
        if (uncompiled.Count > 0)
        {
            yield return "sources in no shared object: " + string.Join(", ", uncompiled);
        }

        var libs = dynamic.SharedObjects.SelectMany(so => so.Libs).ToHashSet(StringComparer.Ordinal);
        var unlinked = staticOriginal.Libs.Select(l => l.Value).Where(l => !libs.Contains(l) && !dynamic.Libs.Any(d => d.Value == l)).ToList();
        if (unlinked.Count > 0)
        {
            yield return "libs not linked: " + string.Join(" ", unlinked);
        }

        if (string.Join(' ', UseSwitches(staticOriginal)) != string.Join(' ', UseSwitches(dynamic)))
        {
            yield return "USE_ switches differ";
        }
    }

    private static bool IsModuleFile(string displayedPath) => displayedPath.StartsWith("$ngx_addon_dir", StringComparison.Ordinal);

    private static bool SameValue(ShellValue? a, ShellValue? b) => a is null ? b is null : b is not null && a.ContentEquals(b);

    /// <summary>True when the list has the same words after both configs ran, or neither touched it.</summary>
    private static bool SameWords(ModuleOutcome a, ModuleOutcome b, string variable)
    {
        var before = a.ChangedVariables.GetValueOrDefault(variable);
        var after = b.ChangedVariables.GetValueOrDefault(variable);
        return before is null || after is null
            ? before is null && after is null
            : before.SplitWords().SequenceEqual(after.SplitWords(), ShellValue.ContentComparer);
    }

    /// <summary>True when the list has the same words after both configs ran, a list neither changed counting as configure left it.</summary>
    private static bool SameWords(ModuleOutcome a, ModuleOutcome b, string variable, ReferenceBuild reference)
    {
        ShellValue Words(ModuleOutcome outcome) => outcome.ChangedVariables.GetValueOrDefault(variable) ?? ShellValue.Text(reference.Globals.GetValueOrDefault(variable) ?? string.Empty);
        return Words(a).SplitWords().SequenceEqual(Words(b).SplitWords(), ShellValue.ContentComparer);
    }

    private static string Describe(ModuleOutcome outcome, ModuleType type)
    {
        var added = outcome.Modules.Where(m => m.Type == type).Select(m => $"{m.Name} ({m.Position})").ToList();
        var removedNames = outcome.RemovedModules.Where(m => m.Type == type).Select(m => m.Name).ToList();
        List<string> removed = removedNames.Count <= 3
            ? [.. removedNames.Select(n => "without " + n)]
            : [$"without {removedNames.Count} of nginx's own modules"];
        var all = added.Concat(removed).ToList();
        return all.Count == 0 ? "nginx's own modules only" : string.Join(", ", all);
    }

    private static string Set(ImmutableArray<ListFact> facts) => string.Join(' ', facts.Select(f => f.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    /// <summary>
    /// The switches the build reads: nginx's configure no longer reads <c>USE_MD5</c> or <c>USE_SHA1</c>
    /// (and auto/module ignores <c>MD5</c>, <c>SHA1</c>), so a conversion that drops them builds the same.
    /// </summary>
    private static IEnumerable<string> UseSwitches(ModuleOutcome outcome) => outcome.Use
        .Where(u => BuiltInLibrary.FromUseVariable(u.Variable) is not { IsObsolete: true })
        .Select(u => u.Value)
        .Order(StringComparer.Ordinal);
}
