using System.Collections.Immutable;
using ConfigConvert.Converter.Registrations;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Verification;

/// <summary>
/// Evaluates the original and the converted config with the module model and lists every difference
/// that matters: the static build (module lists in order, sources, deps, include dirs, libs, USE_*
/// switches, #defines, whether configure stops), the dynamic build (every module in a shared object,
/// nothing left in the static lists, every source compiled and lib linked, and what auto/module does the
/// same in both modes: deps, include dirs, #defines, whether configure stops), and for the compatibility
/// branch, nginx before 1.9.11 (the very same variables).
/// </summary>
internal static class SelfCheck
{
    /// <param name="original">The module as it is.</param>
    /// <param name="originalAddon">Its description under ADDON, which the converter already has.</param>
    /// <param name="converted">The module with the converted config.</param>
    /// <param name="options">How it was converted.</param>
    /// <param name="collectedVariables">The variables the conversion collects the module's lists in: new, and the module's own.</param>
    /// <param name="kept">The lines that change nginx's own build, kept where they are: a module they force into nginx's lists is nginx's, not the module's.</param>
    /// <param name="registration">The first statement that registers the module: where a difference that no line of the original says is reported.</param>
    public static ImmutableArray<Diagnostic> Verify(ModuleDirectory original, ModuleDescription originalAddon, ModuleDirectory converted, ConversionOptions options, ImmutableArray<string> collectedVariables, IReadOnlyList<NginxBuildChange> kept, Location registration)
    {
        var problems = ImmutableArray.CreateBuilder<Diagnostic>();
        void Fail(string build, Difference difference) => problems.Add(Diagnostic.Create(ConversionDiagnostics.SelfCheckFailed, difference.At ?? registration, build, difference.What));

        if (converted.Config is null || converted.Config.HasErrors)
        {
            Fail("static", new Difference("the converted text does not parse: " + string.Join("; ", converted.Diagnostics.Select(d => d.Message)), null));
            return problems.ToImmutable();
        }

        var before = originalAddon;
        Compare("static", before, converted.Describe(LinkMode.Addon, options.Reference), (a, b) => StaticDifferences(a, b, original.Config, converted.Config), Fail);
        var nginxModules = NginxModulesForced(original, originalAddon, kept);
        Compare("dynamic", before, converted.Describe(LinkMode.Dynamic, options.Reference), (a, b) => DynamicDifferences(a, b, nginxModules, original.Config, converted.Config), Fail);
        if (options.Compatibility)
        {
            Compare("legacy", original.Describe(LinkMode.Legacy, options.Reference), converted.Describe(LinkMode.Legacy, options.Reference), (a, b) => LegacyDifferences(a, b, collectedVariables, options.Reference, original.Config), Fail);
        }

        return problems.ToImmutable();
    }

    private static void Compare(string build, ModuleDescription a, ModuleDescription b, Func<ModuleOutcome, ModuleOutcome, IEnumerable<Difference>> differences, Action<string, Difference> fail)
    {
        var pairs = Pair(a, b, out var pairing);

        // Where both stop configure the same way, neither builds anything: what the lists held then does not matter.
        var building = pairs.Where(p => !(p.Item1.Exited && p.Item2.Exited && p.Item1.ExitStatus == p.Item2.ExitStatus));

        // Outcomes that differ the same way (a feature test's every branch) are one problem, said once.
        var said = new HashSet<string>(StringComparer.Ordinal);
        foreach (var difference in building.SelectMany(p => differences(p.Item1, p.Item2)).Where(d => said.Add(d.What)))
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
    private static IEnumerable<Difference> LegacyDifferences(ModuleOutcome a, ModuleOutcome b, ImmutableArray<string> collectedVariables, ReferenceBuild reference, SyntaxTree? config)
    {
        var changed = a.ChangedVariables.Keys.Union(b.ChangedVariables.Keys)
            .Where(k => !collectedVariables.Contains(k))
            .Where(k => RegistrationFinder.IsRegistrationGlobal(k) ? !SameWords(a, b, k, reference) : !a.ChangedVariables.TryGetValue(k, out var x) || !b.ChangedVariables.TryGetValue(k, out var y) || !SameValue(x, y))
            .ToList();
        if (changed.Count > 0)
        {
            yield return new Difference("nginx before 1.9.11 would see other values of " + string.Join(", ", changed), Assignments.First(config, changed[0]));
        }
    }

    /// <summary>Outcomes of the two descriptions that make the same assumptions.</summary>
    private static List<(ModuleOutcome, ModuleOutcome)> Pair(ModuleDescription a, ModuleDescription b, out Difference? problem)
    {
        var pairs = new List<(ModuleOutcome, ModuleOutcome)>();
        foreach (var outcome in a.Outcomes)
        {
            var key = string.Join(";", outcome.Assumptions);
            if (b.Outcomes.FirstOrDefault(o => string.Join(";", o.Assumptions) == key) is { } match)
            {
                pairs.Add((outcome, match));
            }
        }

        problem = pairs.Count == a.Outcomes.Length && a.Outcomes.Length == b.Outcomes.Length ? null : OtherPaths(a, b);
        return pairs;
    }

    /// <summary>
    /// The conditions that only one of the two configs decides (a list read before the module is in it,
    /// a test that moved), at the first the original decides alone.
    /// </summary>
    private static Difference OtherPaths(ModuleDescription a, ModuleDescription b)
    {
        var before = a.Outcomes.SelectMany(o => o.Assumptions).DistinctBy(x => x.Condition).ToList();
        var after = b.Outcomes.SelectMany(o => o.Assumptions).Select(x => x.Condition).Distinct(StringComparer.Ordinal).ToList();
        var dropped = before.Where(x => !after.Contains(x.Condition)).ToList();
        var added = after.Where(c => before.All(x => x.Condition != c)).ToList();
        var what = (added.Count, dropped.Count) switch
        {
            (0, 0) => $"the same conditions combine into {a.Outcomes.Length} outcomes in the original and {b.Outcomes.Length} in the converted config",
            (_, 0) => $"the converted config depends on whether {string.Join(" and whether ", added)}, where the original does not",
            (0, _) => $"the converted config no longer depends on whether {string.Join(" and whether ", dropped.Select(x => x.Condition))}",
            _ => $"the converted config depends on whether {string.Join(" and whether ", added)} instead of whether {string.Join(" and whether ", dropped.Select(x => x.Condition))}",
        };
        return new Difference(what, dropped.FirstOrDefault()?.Location);
    }

    private static IEnumerable<Difference> StaticDifferences(ModuleOutcome a, ModuleOutcome b, SyntaxTree? config, SyntaxTree? convertedConfig)
    {
        foreach (var type in ModuleType.All)
        {
            // The whole list, nginx's own modules included: a config may remove or reorder them.
            if (!SameWords(a, b, type.ModulesList))
            {
                var at = Assignments.Enclosing(config, a.Modules.FirstOrDefault(m => m.Type == type)?.Location) ?? Assignments.First(config, type.ModulesList);
                yield return new Difference($"{type.ModulesList} would differ: {Describe(b, type)} instead of {Describe(a, type)}", at);
            }
        }

        var libs = a.Libs.Select(l => l.Value).SequenceEqual(b.Libs.Select(l => l.Value), StringComparer.Ordinal)
            ? null
            : new Difference($"libs: {Quoted(Joined(b.Libs))} instead of {Quoted(Joined(a.Libs))}", FirstMissing(a.Libs, b.Libs, config));
        var differences = new[] { SetDifference("sources", a.Sources, b.Sources, config) }
            .Concat(SameListsInBothModes(a, b, config))
            .Append(SetDifference("USE_ switches", ReadSwitches(a), ReadSwitches(b), config))
            .Append(libs)
            .Concat(SameEndInBothModes(a, b, config, convertedConfig));
        foreach (var difference in differences.OfType<Difference>())
        {
            yield return difference;
        }
    }

    /// <summary>
    /// What auto/module does the same in a dynamic build as in a static one, so what the dynamic build must
    /// keep of the original's static build: the headers go to <c>NGX_ADDON_DEPS</c> in both modes, the include
    /// dirs to the lists every addon and shared object is compiled with (<c>ALL_INCS</c>: <c>CORE_INCS</c> in
    /// a dynamic build, the type's <c>*_INCS</c> in a static one), and the lines after the registration run
    /// in both, so they must write the same <c>#define</c>s and stop configure the same way. A line that reads
    /// the module's own lists back (<c>NGX_ADDON_SRCS</c>, <c>HTTP_MODULES</c>) finds them empty in a dynamic
    /// build, where auto/module keeps them in the shared object's variables.
    /// </summary>
    private static IEnumerable<Difference> SameInBothModes(ModuleOutcome staticOriginal, ModuleOutcome dynamic, SyntaxTree? config, SyntaxTree? convertedConfig)
        => SameListsInBothModes(staticOriginal, dynamic, config).Concat(SameEndInBothModes(staticOriginal, dynamic, config, convertedConfig)).OfType<Difference>();

    /// <summary>The lists auto/module fills alike in both modes: the deps and the include dirs.</summary>
    private static IEnumerable<Difference?> SameListsInBothModes(ModuleOutcome original, ModuleOutcome converted, SyntaxTree? config)
    {
        yield return SetDifference("deps", original.Deps, converted.Deps, config);
        yield return SetDifference("include dirs", original.Incs, converted.Incs, config);
    }

    /// <summary>What the lines after the registration do alike in both modes: the <c>#define</c>s, and how configure stops.</summary>
    private static IEnumerable<Difference?> SameEndInBothModes(ModuleOutcome original, ModuleOutcome converted, SyntaxTree? config, SyntaxTree? convertedConfig)
    {
        yield return DefinesDifference(original, converted);
        yield return StopDifference(original, converted, config, convertedConfig);
    }

    /// <summary>The words of a list, in any order and each once, that differ; at the line of the original that adds the first one lost.</summary>
    private static Difference? SetDifference(string name, ImmutableArray<ListFact> original, ImmutableArray<ListFact> converted, SyntaxTree? config)
        => Set(original) == Set(converted) ? null : new Difference($"{name}: {Quoted(Set(converted))} instead of {Quoted(Set(original))}", FirstMissing(original, converted, config));

    /// <summary>The <c>#define</c>s of <c>ngx_auto_config.h</c>, in order; at the original's first one the converted config lacks.</summary>
    private static Difference? DefinesDifference(ModuleOutcome original, ModuleOutcome converted)
    {
        if (original.Defines.Select(d => (d.Name, d.Value)).SequenceEqual(converted.Defines.Select(d => (d.Name, d.Value))))
        {
            return null;
        }

        string Defines(ModuleOutcome o) => string.Join(' ', o.Defines.Select(d => d.Name + "=" + d.Value));
        var missing = original.Defines.FirstOrDefault(d => !converted.Defines.Any(x => x.Name == d.Name && x.Value == d.Value));
        return new Difference($"#defines: {Quoted(Defines(converted))} instead of {Quoted(Defines(original))}", missing?.Location);
    }

    /// <summary>Whether configure stops, and with which status; at the original's <c>exit</c>, or where only the converted config stops, at that <c>exit</c> in the original.</summary>
    private static Difference? StopDifference(ModuleOutcome original, ModuleOutcome converted, SyntaxTree? config, SyntaxTree? convertedConfig)
        => original.Exited == converted.Exited && original.ExitStatus == converted.ExitStatus
            ? null
            : new Difference("configure would stop differently", original.ExitLocation ?? Assignments.SameExit(config, convertedConfig, converted.ExitLocation));

    /// <summary>
    /// Where the original wrote the first word that the converted config lacks; for a word only the
    /// converted config has, the first line of the original that changes that list.
    /// </summary>
    private static Location? FirstMissing(ImmutableArray<ListFact> original, ImmutableArray<ListFact> converted, SyntaxTree? config)
    {
        var lacking = original.FirstOrDefault(f => !converted.Any(c => c.Value == f.Value));
        var extra = converted.FirstOrDefault(f => !original.Any(o => o.Value == f.Value));
        return Assignments.Enclosing(config, lacking?.Location) ?? (extra is null ? Assignments.Enclosing(config, original.FirstOrDefault()?.Location) : Assignments.First(config, extra.Variable));
    }

    /// <summary>The names of the modules that kept lines put into nginx's lists in the original (its own modules: they stay in its lists).</summary>
    private static HashSet<string> NginxModulesForced(ModuleDirectory original, ModuleDescription originalAddon, IReadOnlyList<NginxBuildChange> kept)
    {
        var lines = kept.Select(k => original.Config!.GetLocation(k.Assignment)).ToList();
        return originalAddon.Outcomes.SelectMany(o => o.Modules)
            .Where(m => lines.Any(l => l.Contains(m.Location)))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<Difference> DynamicDifferences(ModuleOutcome staticOriginal, ModuleOutcome dynamic, HashSet<string> nginxModules, SyntaxTree? config, SyntaxTree? convertedConfig)
    {
        Location? ModuleLine(string name) => Assignments.Enclosing(config, staticOriginal.Modules.FirstOrDefault(m => m.Name == name)?.Location);
        var leftStatic = dynamic.Modules.Where(m => !nginxModules.Contains(m.Name)).ToList();
        if (leftStatic.Count > 0)
        {
            yield return new Difference("modules left in static lists: " + string.Join(", ", leftStatic.Select(m => m.Name)), ModuleLine(leftStatic[0].Name));
        }

        var inObjects = dynamic.SharedObjects.SelectMany(so => so.Modules).ToHashSet(StringComparer.Ordinal);
        var missing = staticOriginal.Modules.Select(m => m.Name).Where(n => !inObjects.Contains(n) && !nginxModules.Contains(n)).ToList();
        if (missing.Count > 0)
        {
            yield return new Difference("modules in no shared object: " + string.Join(", ", missing), ModuleLine(missing[0]));
        }

        var compiled = dynamic.SharedObjects.SelectMany(so => so.Sources.Concat(so.SharedSources)).ToHashSet(StringComparer.Ordinal);
        // nginx's own sources that a kept line forces into nginx's build are nginx's, not the module's.
        var uncompiled = staticOriginal.Sources.Where(s => IsModuleFile(s.Value) && !compiled.Contains(s.Value)).DistinctBy(s => s.Value).ToList();
        if (uncompiled.Count > 0)
        {
            yield return new Difference("sources in no shared object: " + string.Join(", ", uncompiled.Select(s => s.Value)), Assignments.Enclosing(config, uncompiled[0].Location));
        }

        var libs = dynamic.SharedObjects.SelectMany(so => so.Libs).ToHashSet(StringComparer.Ordinal);
        var unlinked = staticOriginal.Libs.Where(l => !libs.Contains(l.Value) && !dynamic.Libs.Any(d => d.Value == l.Value)).ToList();
        if (unlinked.Count > 0)
        {
            yield return new Difference("libs not linked: " + string.Join(" ", unlinked.Select(l => l.Value)), Assignments.Enclosing(config, unlinked[0].Location));
        }

        if (Set(ReadSwitches(staticOriginal)) != Set(ReadSwitches(dynamic)))
        {
            yield return new Difference("USE_ switches differ", Assignments.Enclosing(config, ReadSwitches(staticOriginal).FirstOrDefault()?.Location));
        }

        foreach (var difference in SameInBothModes(staticOriginal, dynamic, config, convertedConfig))
        {
            yield return difference;
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

    private static string Joined(ImmutableArray<ListFact> facts) => string.Join(' ', facts.Select(f => f.Value));

    /// <summary>Words as a message shows them: in backquotes, or "none" for no words (an empty pair of backquotes reads as a typo).</summary>
    private static string Quoted(string words) => words.Length == 0 ? "none" : $"`{words}`";

    /// <summary>
    /// The switches the build reads: nginx's configure no longer reads <c>USE_MD5</c> or <c>USE_SHA1</c>
    /// (and auto/module ignores <c>MD5</c>, <c>SHA1</c>), so a conversion that drops them builds the same.
    /// </summary>
    private static ImmutableArray<ListFact> ReadSwitches(ModuleOutcome outcome)
        => [.. outcome.Use.Where(u => BuiltInLibrary.FromUseVariable(u.Variable) is not { IsObsolete: true })];

    /// <summary>A difference the self-check found, and the line of the original that makes it, when one does.</summary>
    private sealed record Difference(string What, Location? At);
}
