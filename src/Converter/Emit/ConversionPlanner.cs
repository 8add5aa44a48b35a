using System.Collections.Immutable;
using ConfigConvert.Converter.Registrations;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Emit;

/// <summary>Decides the shape of the new config and the description each <c>auto/module</c> call gets.</summary>
internal static class ConversionPlanner
{
    public static ConversionPlan? Plan(ModuleDirectory module, SyntaxTree tree, ImmutableArray<Registration> registrations, ModuleDescription addon, ConversionOptions options, List<Diagnostic> problems)
    {
        if (Misplaced(tree, registrations) is { } misplaced)
        {
            // Appends spread over several blocks or in a loop are collected into variables where they are.
            if (misplaced.Collectable)
            {
                return CollectedPlanner.Plan(tree, registrations, addon, options, problems);
            }

            problems.Add(misplaced.Problem);
            return null;
        }

        var where = tree.GetLocation(registrations[0].Statement);
        var contributions = registrations.SelectMany(r => r.Contributions).ToList();
        var types = contributions.Select(c => c.Type).OfType<ModuleType>().Distinct().ToList();
        if (types.Count == 0)
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, "the config adds to configure's lists but names no module in them"));
            return null;
        }

        // Where configure stops, nothing is built: the facts that count are those of the outcomes that go on.
        var building = addon.Outcomes.Where(o => !o.Exited).DefaultIfEmpty(addon.Outcomes[0]).ToList();
        var outcome = building[0];
        if (building.Any(o => !SameFacts(o, outcome)) && (types.Count > 1 || contributions.Any(IsPositioned)))
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, "the modules and sources registered depend on conditions the model cannot decide (feature tests, programs), and this config needs them known to split or order its modules"));
            return null;
        }

        var words = new PlannedWords(ReadEditedListsAsAppends(contributions, outcome));
        var statements = registrations.Select(r => r.Statement).ToImmutableArray();
        if (words.Contributions.Any(IsPositioned))
        {
            if (types.Count > 1)
            {
                problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, "modules of several types, some placed at a position of a list"));
                return null;
            }

            var modules = outcome.Modules.Where(m => m.Type == types[0]).ToList();
            var call = words.Call(types[0], string.Join(' ', modules.Select(m => m.Name)), words.Of(ContributionKind.Sources), OrderFor(types[0], modules, options.Reference));
            return new ConversionPlan(PlanShape.Positioned, statements, [], call, options.Compatibility);
        }

        if (types.Count == 1)
        {
            if (!CanCarryIncludeDirs(types[0], outcome))
            {
                problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, IncludeDirsProblem(types)));
                return null;
            }

            var call = words.Call(types[0], words.Names, words.Of(ContributionKind.Sources), string.Empty);
            return new ConversionPlan(PlanShape.Simple, statements, [call], null, options.Compatibility);
        }

        return MultiTypePlan(module, outcome, types, words, statements, options, problems, where);
    }

    /// <summary>Several types: ADDON needs one call per type, each with the sources that define its modules; DYNAMIC gets one call for all.</summary>
    private static ConversionPlan? MultiTypePlan(ModuleDirectory module, ModuleOutcome outcome, List<ModuleType> types, PlannedWords words, ImmutableArray<StatementSyntax> statements, ConversionOptions options, List<Diagnostic> problems, Location where)
    {
        var sourcesByType = SplitSources(module, outcome, types, out var problem);
        if (sourcesByType is null)
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.SourcesNotSplit, where, string.Join(", ", types), problem));
            return null;
        }

        // One call takes the include dirs, deps and libs (the first that can); the later ones reset what it set.
        var carrier = types.FindIndex(t => CanCarryIncludeDirs(t, outcome));
        if (carrier < 0)
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, IncludeDirsProblem(types)));
            return null;
        }

        var calls = types.Select((type, i) =>
        {
            var names = string.Join(' ', outcome.Modules.Where(m => m.Type == type).Select(m => m.Name));
            var sources = string.Join(' ', sourcesByType[type]);
            return i == carrier
                ? words.Call(type, names, sources, string.Empty)
                : new ModuleCall(type, names, string.Empty, string.Empty, sources, string.Empty, string.Empty, ResetUnused: i > carrier) { OneItemPerLine = words.OneItemPerLine };
        });

        // One shared object for all: a filter among them still needs its place before the copy filter.
        var order = types.Any(t => t.IsFilter) ? words.Names + " " + ModuleType.CopyFilterModule : string.Empty;
        var dynamic = words.Call(types[0], words.Names, words.Of(ContributionKind.Sources), order);
        return new ConversionPlan(PlanShape.MultiType, statements, [.. calls], dynamic, options.Compatibility);
    }

    /// <summary>
    /// For ADDON, auto/module adds <c>ngx_module_incs</c> to <c>${ngx_var}_INCS</c>; configure has
    /// folded <c>EVENT_INCS</c> into <c>CORE_INCS</c> before any config runs, so an EVENT call cannot
    /// carry include directories that the static build has.
    /// </summary>
    private static bool CanCarryIncludeDirs(ModuleType type, ModuleOutcome outcome)
        => outcome.Incs.IsEmpty || ConfigureLists.Incs.Contains(type.VariableStem + "_INCS");

    private static string IncludeDirsProblem(List<ModuleType> types)
        => $"the config adds include directories, and a static build of {string.Join(" and ", types.Select(t => t.Name))} modules with auto/module would put them where configure no longer reads them ({string.Join(", ", types.Select(t => t.VariableStem + "_INCS").Distinct())})";

    private static bool IsPositioned(Contribution contribution) => contribution.Kind == ContributionKind.PositionedNames;

    /// <summary>
    /// A list edited in a way the converter cannot read, which the model shows only appended to,
    /// registers its modules like an append: they are described by name.
    /// </summary>
    private static List<Contribution> ReadEditedListsAsAppends(List<Contribution> contributions, ModuleOutcome outcome)
    {
        var positioned = contributions.Where(IsPositioned).ToList();
        var types = positioned.Select(c => c.Type).ToHashSet();
        if (positioned.Count == 0 || !outcome.Modules.Where(m => types.Contains(m.Type)).All(m => m.Position.Kind == ModulePositionKind.Append))
        {
            return contributions;
        }

        var appended = types.OfType<ModuleType>().Select(t => new Contribution(
            ContributionKind.Names, t, string.Join(' ', outcome.Modules.Where(m => m.Type == t).Select(m => m.Name))));
        return [.. contributions.Where(c => !IsPositioned(c)), .. appended];
    }

    private static bool SameFacts(ModuleOutcome a, ModuleOutcome b)
        => a.Modules.Select(m => (m.Name, m.Type, m.Position)).SequenceEqual(b.Modules.Select(m => (m.Name, m.Type, m.Position)))
           && a.Sources.Select(s => s.Value).SequenceEqual(b.Sources.Select(s => s.Value));

    /// <summary>
    /// Null when all registrations sit in one statement list, outside loops, functions, pipelines and
    /// subshells; otherwise the first that does not, and whether its lists can still be collected into
    /// variables where they are (in another block or a loop, but not in a function, a subshell, a pipeline
    /// or a command substitution, whose order of running or whose variables the text does not show).
    /// </summary>
    private static (Diagnostic Problem, bool Collectable)? Misplaced(SyntaxTree tree, ImmutableArray<Registration> registrations)
    {
        var parent = tree.GetParent(registrations[0].Statement);
        (Diagnostic, bool)? found = null;
        foreach (var registration in registrations)
        {
            var where = tree.GetLocation(registration.Statement);
            var ancestors = tree.GetAncestors(registration.Statement).ToList();
            if (ancestors.FirstOrDefault(a => a is FunctionDefinitionSyntax or SubshellSyntax or PipelineSyntax or CommandSubstitutionSyntax) is { } closed)
            {
                var what = closed is FunctionDefinitionSyntax ? "a function" : "a subshell, pipeline or command substitution";
                return (Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, $"the config registers its module inside {what}"), false);
            }

            if (ancestors.FirstOrDefault(a => a is ForCommandSyntax or WhileCommandSyntax or AndOrListSyntax or RedirectedCommandSyntax) is { } open)
            {
                var what = open is ForCommandSyntax or WhileCommandSyntax ? "a loop" : "a list or redirected block";
                found ??= (Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, $"the config registers its module inside {what}"), true);
            }
            else if (!ReferenceEquals(tree.GetParent(registration.Statement), parent))
            {
                found ??= (Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, "the config registers its module in several blocks"), true);
            }
        }

        return found;
    }

    /// <summary>The order a dynamic build needs to put the modules where the config put them in a static one.</summary>
    private static string OrderFor(ModuleType type, List<RegisteredModule> modules, ReferenceBuild reference)
    {
        var names = modules.Select(m => m.Name).ToList();
        var initial = reference.Modules(type);
        var position = modules[0].Position;
        var anchor = position.Kind switch
        {
            ModulePositionKind.Before => position.Anchor,
            ModulePositionKind.Prepend => initial.FirstOrDefault(),
            ModulePositionKind.After => initial.SkipWhile(n => n != position.Anchor).Skip(1).FirstOrDefault(),
            _ => null,
        };
        return string.Join(' ', anchor is null ? type.DefaultOrder(names) : [.. names, anchor]);
    }

    /// <summary>Assigns each source to the type of the module it defines (from the C sources); a source that defines none goes with the first type.</summary>
    private static Dictionary<ModuleType, List<string>>? SplitSources(ModuleDirectory module, ModuleOutcome outcome, List<ModuleType> types, out string problem)
    {
        problem = string.Empty;
        var typeOfModule = outcome.Modules.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
        var index = module.Sources;
        var definitions = index.Modules.Where(d => typeOfModule.ContainsKey(d.Name)).ToList();
        var missing = typeOfModule.Keys.Where(name => definitions.All(d => d.Name != name)).ToList();
        if (missing.Count > 0)
        {
            problem = $"no source defines {string.Join(", ", missing.Select(m => "`" + m + "`"))}";
            return null;
        }

        var result = types.ToDictionary(t => t, _ => new List<string>());
        foreach (var source in outcome.Sources.Select(s => s.Value).Distinct(StringComparer.Ordinal))
        {
            var relative = source.StartsWith("$ngx_addon_dir/", StringComparison.Ordinal) ? source["$ngx_addon_dir/".Length..] : null;
            var defined = relative is null ? null : definitions.FirstOrDefault(d => d.File == relative);
            var type = defined is null ? types[0] : typeOfModule[defined.Name];
            result[type].Add(source);
        }

        foreach (var definition in definitions.Where(d => !outcome.Sources.Any(s => s.Value == "$ngx_addon_dir/" + d.File)))
        {
            problem = $"`{definition.Name}` is defined in `{definition.File}`, which the config does not compile";
            return null;
        }

        return result;
    }

    /// <summary>The words the contributions add, joined by kind, as the calls' shell text.</summary>
    private sealed class PlannedWords(List<Contribution> contributions)
    {
        public List<Contribution> Contributions { get; } = contributions;

        /// <summary>Every module name appended, in order.</summary>
        public string Names => string.Join(' ', Contributions.Where(c => c.Kind == ContributionKind.Names).Select(c => c.Text));

        /// <summary>
        /// Linker flags, then the built-in libraries asked for with <c>USE_*=YES</c>; not <c>MD5</c> or
        /// <c>SHA1</c>, which no configure since 1.11 reads: their switches stay, inert, in the old branch.
        /// </summary>
        public string Libs => string.Join(' ', new[] { Of(ContributionKind.Libs), UsedLibraries }.Where(t => t.Length > 0));

        private string UsedLibraries => string.Join(' ', Contributions
            .Where(c => c.Kind == ContributionKind.UseLibrary && BuiltInLibrary.FromName(c.Text) is not { IsObsolete: true })
            .Select(c => c.Text));

        public string Of(ContributionKind kind) => string.Join(' ', Contributions.Where(c => c.Kind == kind).Select(c => c.Text).Where(t => t.Length > 0));

        /// <summary>The variables whose lists the original wrote one item a line.</summary>
        public ImmutableHashSet<string> OneItemPerLine => [.. Contributions.Where(c => c.OneItemPerLine).Select(c => VariableOf(c.Kind)).OfType<string>()];

        /// <summary>A call with these include dirs, deps and libs.</summary>
        public ModuleCall Call(ModuleType type, string names, string sources, string order)
            => new(type, names, Of(ContributionKind.Incs), Of(ContributionKind.Deps), sources, Libs, order, ResetUnused: false) { OneItemPerLine = OneItemPerLine };

        private static string? VariableOf(ContributionKind kind) => kind switch
        {
            ContributionKind.Names => AutoModuleVariables.Name,
            ContributionKind.Sources => AutoModuleVariables.Sources,
            ContributionKind.Deps => AutoModuleVariables.Deps,
            ContributionKind.Incs => AutoModuleVariables.Incs,
            ContributionKind.Libs => AutoModuleVariables.Libs,
            _ => null,
        };
    }
}
