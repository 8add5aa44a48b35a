using System.Collections.Immutable;
using ConfigConvert.Converter.Registrations;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Emit;

/// <summary>Decides the shape of the new config and the description each <c>auto/module</c> call gets.</summary>
internal static class ConversionPlanner
{
    public static ConversionPlan? Plan(ModuleDirectory module, SyntaxTree tree, ImmutableArray<Registration> registrations, ModuleDescription addon, ConversionOptions options, List<Diagnostic> problems)
    {
        if (!CheckPlacement(tree, registrations, problems))
        {
            return null;
        }

        var contributions = registrations.SelectMany(r => r.Contributions).ToList();
        string Join(ContributionKind kind) => string.Join(' ', contributions.Where(c => c.Kind == kind).Select(c => c.Text).Where(t => t.Length > 0));
        var libs = string.Join(' ', new[] { Join(ContributionKind.Libs), Join(ContributionKind.UseLibrary) }.Where(t => t.Length > 0));
        var types = contributions.Where(c => c.Kind is ContributionKind.Names or ContributionKind.PositionedNames).Select(c => c.Type).Distinct().ToList();
        var statements = registrations.Select(r => r.Statement).ToImmutableArray();
        if (types.Count == 0)
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, tree.GetLocation(statements[0]), "the config adds to configure's lists but names no module in them"));
            return null;
        }

        var outcome = addon.Outcomes[0];
        if (addon.Outcomes.Any(o => !SameFacts(o, outcome)) && (types.Count > 1 || contributions.Any(c => c.Kind == ContributionKind.PositionedNames)))
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, tree.GetLocation(statements[0]), "the modules and sources registered depend on conditions the model cannot decide (feature tests, programs), and this config needs them known to split or order its modules"));
            return null;
        }

        // A list edited in a way the converter cannot read, which the model shows only appended to,
        // registers its modules like an append: describe them by name.
        var positioned = contributions.Where(c => c.Kind == ContributionKind.PositionedNames).Select(c => c.Type).ToHashSet();
        if (positioned.Count > 0 && outcome.Modules.Where(m => positioned.Contains(m.Type)).All(m => m.Position == "append"))
        {
            contributions = contributions
                .Where(c => c.Kind != ContributionKind.PositionedNames)
                .Concat(positioned.Select(t => new Contribution(ContributionKind.Names, t + "_MODULES", t, string.Join(' ', outcome.Modules.Where(m => m.Type == t).Select(m => m.Name)), registrations[0].Contributions[0].Assignment)))
                .ToList();
        }

        if (contributions.Any(c => c.Kind == ContributionKind.PositionedNames))
        {
            if (types.Count > 1)
            {
                problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, tree.GetLocation(statements[0]), "modules of several types, some placed at a position of a list"));
                return null;
            }

            var type = types[0];
            var modules = outcome.Modules.Where(m => m.Type == type).ToList();
            var order = OrderFor(type, modules);
            var call = new ModuleCall(type, string.Join(' ', modules.Select(m => m.Name)), Join(ContributionKind.Incs), Join(ContributionKind.Deps), Join(ContributionKind.Sources), libs, order, false);
            return new ConversionPlan(PlanShape.Positioned, statements, [], call, options.Compatibility);
        }

        if (types.Count == 1)
        {
            var names = string.Join(' ', contributions.Where(c => c.Kind == ContributionKind.Names).Select(c => c.Text));
            var call = new ModuleCall(types[0], names, Join(ContributionKind.Incs), Join(ContributionKind.Deps), Join(ContributionKind.Sources), libs, string.Empty, false);
            return new ConversionPlan(PlanShape.Simple, statements, [call], null, options.Compatibility);
        }

        // Several types: ADDON needs one call per type, each with the sources that define its modules.
        var sourcesByType = SplitSources(module, outcome, types, out var problem);
        if (sourcesByType is null)
        {
            problems.Add(Diagnostic.Create(ConversionDiagnostics.SourcesNotSplit, tree.GetLocation(statements[0]), string.Join(", ", types), problem));
            return null;
        }

        var calls = ImmutableArray.CreateBuilder<ModuleCall>();
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i];
            var names = string.Join(' ', outcome.Modules.Where(m => m.Type == type).Select(m => m.Name));
            calls.Add(i == 0
                ? new ModuleCall(type, names, Join(ContributionKind.Incs), Join(ContributionKind.Deps), string.Join(' ', sourcesByType[type]), libs, string.Empty, false)
                : new ModuleCall(type, names, string.Empty, string.Empty, string.Join(' ', sourcesByType[type]), string.Empty, string.Empty, true));
        }

        var allNames = string.Join(' ', contributions.Where(c => c.Kind == ContributionKind.Names).Select(c => c.Text));
        var hasFilters = types.Any(t => t is "HTTP_FILTER" or "HTTP_AUX_FILTER");
        var dynamic = new ModuleCall(types[0], allNames, Join(ContributionKind.Incs), Join(ContributionKind.Deps), Join(ContributionKind.Sources), libs,
            hasFilters ? allNames + " ngx_http_copy_filter_module" : string.Empty, false);
        return new ConversionPlan(PlanShape.MultiType, statements, calls.ToImmutable(), dynamic, options.Compatibility);
    }

    private static bool SameFacts(ModuleOutcome a, ModuleOutcome b)
        => a.Modules.Select(m => (m.Name, m.Type, m.Position)).SequenceEqual(b.Modules.Select(m => (m.Name, m.Type, m.Position)))
           && a.Sources.Select(s => s.Value).SequenceEqual(b.Sources.Select(s => s.Value));

    /// <summary>All registrations must sit in one statement list, outside loops, functions, pipelines and subshells.</summary>
    private static bool CheckPlacement(SyntaxTree tree, ImmutableArray<Registration> registrations, List<Diagnostic> problems)
    {
        var parent = tree.GetParent(registrations[0].Statement);
        foreach (var registration in registrations)
        {
            if (!ReferenceEquals(tree.GetParent(registration.Statement), parent))
            {
                problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, tree.GetLocation(registration.Statement), "the config registers its module in several blocks"));
                return false;
            }

            var blocker = tree.GetAncestors(registration.Statement).FirstOrDefault(a => a is ForCommandSyntax or WhileCommandSyntax or FunctionDefinitionSyntax or SubshellSyntax or PipelineSyntax or AndOrListSyntax or CommandSubstitutionSyntax or RedirectedCommandSyntax);
            if (blocker is not null)
            {
                var what = blocker switch
                {
                    FunctionDefinitionSyntax => "a function",
                    ForCommandSyntax or WhileCommandSyntax => "a loop",
                    _ => "a subshell, pipeline or redirected block",
                };
                problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, tree.GetLocation(registration.Statement), $"the config registers its module inside {what}"));
                return false;
            }
        }

        return true;
    }

    /// <summary>The order a dynamic build needs to put the modules where the config put them in a static one.</summary>
    private static string OrderFor(string type, List<RegisteredModule> modules)
    {
        var names = string.Join(' ', modules.Select(m => m.Name));
        var initial = ReferenceBuild.Default.Globals.TryGetValue(type + "_MODULES", out var list) ? list.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries) : [];
        var position = modules[0].Position.Split(' ');
        var anchor = position[0] switch
        {
            "before" => position[1],
            "prepend" => initial.FirstOrDefault(),
            "after" => initial.SkipWhile(n => n != position[1]).Skip(1).FirstOrDefault(),
            _ => null,
        };
        if (anchor is not null)
        {
            return names + " " + anchor;
        }

        return type is "HTTP_FILTER" or "HTTP_AUX_FILTER" ? names + " ngx_http_copy_filter_module" : string.Empty;
    }

    /// <summary>Assigns each source to the type of the module it defines (from the C sources); a source that defines none goes with the first type.</summary>
    private static Dictionary<string, List<string>>? SplitSources(ModuleDirectory module, ModuleOutcome outcome, List<string> types, out string problem)
    {
        problem = string.Empty;
        var typeOfModule = outcome.Modules.GroupBy(m => m.Name).ToDictionary(g => g.Key, g => g.First().Type, StringComparer.Ordinal);
        var index = module.Sources;
        var definitions = index.Modules.Where(d => typeOfModule.ContainsKey(d.Name)).ToList();
        var missing = typeOfModule.Keys.Where(name => definitions.All(d => d.Name != name)).ToList();
        if (missing.Count > 0)
        {
            problem = $"no C source defines {string.Join(", ", missing.Select(m => "`" + m + "`"))}";
            return null;
        }

        var result = types.ToDictionary(t => t, _ => new List<string>(), StringComparer.Ordinal);
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
}
