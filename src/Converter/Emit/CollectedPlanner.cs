using System.Collections.Immutable;
using ConfigConvert.Converter.Registrations;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Emit;

/// <summary>
/// Plans the conversion of a config that registers its module in several places: in both branches of
/// an <c>if</c>, in several blocks, or in a loop. Each append stays where it is but collects into a
/// variable of the module's own (<c>NGX_ADDON_SRCS="$NGX_ADDON_SRCS x.c"</c> becomes
/// <c>ngx_http_foo_srcs="$ngx_http_foo_srcs x.c"</c>), as nginx-rtmp-module's config collects its lists;
/// one description after the last of them uses the variables, and the old branch appends them to
/// configure's lists. The self-check decides whether that builds the same.
/// </summary>
internal static class CollectedPlanner
{
    /// <summary>The suffix of each kind's variable, in the order the old branch appends them.</summary>
    private static readonly (ContributionKind Kind, string Suffix)[] Suffixes =
    [
        (ContributionKind.Names, "modules"),
        (ContributionKind.Sources, "srcs"),
        (ContributionKind.Deps, "deps"),
        (ContributionKind.Incs, "incs"),
        (ContributionKind.Libs, "libs"),
    ];

    public static ConversionPlan? Plan(SyntaxTree tree, ImmutableArray<Registration> registrations, ModuleDescription addon, ConversionOptions options, List<Diagnostic> problems)
    {
        var where = tree.GetLocation(registrations[0].Statement);
        void Refuse(string why) => problems.Add(Diagnostic.Create(ConversionDiagnostics.RegistrationPlacement, where, "the config registers its module in several places, and " + why));

        var appends = Appends(registrations);
        var contributions = appends.Select(a => a.Contribution).ToList();
        var types = contributions.Select(c => c.Type).OfType<ModuleType>().Distinct().ToList();
        var targets = appends.GroupBy(a => a.Contribution.Kind).ToDictionary(g => g.Key, g => g.Select(a => a.Assignment.Name.Text).Distinct(StringComparer.Ordinal).ToList());
        if (appends.FirstOrDefault(a => a.Contribution.Kind == ContributionKind.PositionedNames) is { } positioned)
        {
            where = tree.GetLocation(positioned.Statement);
            Refuse($"puts modules at a position of `{positioned.Assignment.Name.Text}` here, which one description after the last place cannot do");
            return null;
        }

        // A module of another type that a kept line forces into nginx's lists is nginx's: the names come from the module's own type.
        var first = types.Count == 1 ? addon.Outcomes.SelectMany(o => o.Modules).FirstOrDefault(m => m.Type == types[0]) : null;
        if (types.Count != 1 || first is null)
        {
            var second = appends.FirstOrDefault(a => a.Contribution.Type is { } t && t != types.FirstOrDefault());
            where = second is null ? where : tree.GetLocation(second.Statement);
            Refuse(types.Count == 0 ? "names no module in configure's lists" : $"names modules of several types ({string.Join(", ", types.Select(t => t.Name))}), which one description of one type cannot register");
            return null;
        }

        if (targets.Values.FirstOrDefault(t => t.Count > 1) is { } several)
        {
            Refuse($"adds the same kind of item to several lists ({string.Join(", ", several)})");
            return null;
        }

        if (targets.ContainsKey(ContributionKind.Incs) && !ConfigureLists.Incs.Contains(types[0].VariableStem + "_INCS"))
        {
            Refuse($"adds include directories, which a static build of {types[0].Name} modules with auto/module would put where configure no longer reads them");
            return null;
        }

        if (!appends.All(a => RewrittenValue(tree, a.Assignment, "x", initialise: false) is not null))
        {
            Refuse("some of its lists are not appended to with `NAME=\"$NAME words\"`");
            return null;
        }

        var prefix = Prefix(tree, first.Name);
        if (prefix is null)
        {
            Refuse("the names of the variables to collect them in are taken");
            return null;
        }

        return Build(tree, appends, targets, types[0], prefix, options);
    }

    private static ConversionPlan Build(SyntaxTree tree, List<Append> appends, Dictionary<ContributionKind, List<string>> targets, ModuleType type, string prefix, ConversionOptions options)
    {
        string Variable(ContributionKind kind) => prefix + "_" + Suffixes.First(s => s.Kind == kind).Suffix;
        var root = tree.GetRoot();
        var rewrites = ImmutableArray.CreateBuilder<AssignmentRewrite>();
        var initialisations = ImmutableArray.CreateBuilder<(StatementSyntax Before, string Text)>();
        foreach (var (kind, _) in Suffixes.Where(s => targets.ContainsKey(s.Kind)))
        {
            // The first append of a kind starts its list when it runs on every path (at the top level);
            // otherwise the list starts empty before the first statement that registers anything.
            var group = appends.Where(a => a.Contribution.Kind == kind).ToList();
            var startsList = root.Statements.Contains(group[0].Statement) && RewrittenValue(tree, group[0].Assignment, Variable(kind), initialise: true) is not null;
            foreach (var append in group)
            {
                var value = RewrittenValue(tree, append.Assignment, Variable(kind), initialise: startsList && ReferenceEquals(append, group[0]))!;
                rewrites.Add(new AssignmentRewrite(append.Assignment, Variable(kind) + "=" + value));
            }

            if (!startsList)
            {
                initialisations.Add((TopLevel(root, group[0].Statement), Variable(kind) + "=\n"));
            }
        }

        var rewritesByStart = rewrites.OrderBy(r => tree.GetSpan(r.Assignment).Start).ToImmutableArray();
        var kinds = Suffixes.Where(s => targets.ContainsKey(s.Kind)).ToList();
        string Of(ContributionKind kind) => targets.ContainsKey(kind) ? "$" + Variable(kind) : string.Empty;
        var call = new ModuleCall(type, Of(ContributionKind.Names), Of(ContributionKind.Incs), Of(ContributionKind.Deps), Of(ContributionKind.Sources), Of(ContributionKind.Libs), string.Empty, ResetUnused: false);
        var legacy = string.Concat(kinds.Select(k => $"{targets[k.Kind][0]}=\"${targets[k.Kind][0]} ${Variable(k.Kind)}\"\n"));
        var lists = new CollectedLists(
            rewritesByStart,
            initialisations.ToImmutable(),
            TopLevel(root, appends[^1].Statement),
            legacy,
            [.. kinds.Select(k => Variable(k.Kind))]);
        return new ConversionPlan(PlanShape.Simple, [], [call], null, options.Compatibility) { Collected = lists };
    }

    /// <summary>Every append of the registrations, with its contribution, in the order written; <c>USE_*=YES</c> switches stay as they are.</summary>
    private static List<Append> Appends(ImmutableArray<Registration> registrations)
    {
        var appends = new List<Append>();
        foreach (var registration in registrations)
        {
            var assignments = ((SimpleCommandSyntax)registration.Statement.Command).Assignments.Where(a => RegistrationFinder.IsRegistrationGlobal(a.Name.Text)).ToList();
            appends.AddRange(assignments.Zip(registration.Contributions)
                .Where(p => p.Second.Kind != ContributionKind.UseLibrary)
                .Select(p => new Append(registration.Statement, p.First, p.Second)));
        }

        return appends;
    }

    /// <summary>
    /// The value of an append with the module's variable in place of the global it appended to
    /// (<c>"$NGX_ADDON_SRCS x.c"</c> gives <c>"$v x.c"</c>), or with the reference dropped when it starts the
    /// list (<c>"x.c"</c>); null when the value does not start with the reference, or cannot drop it.
    /// </summary>
    private static string? RewrittenValue(SyntaxTree tree, AssignmentSyntax assignment, string variable, bool initialise)
    {
        var name = assignment.Name.Text;
        var text = assignment.Value is { } value ? tree.Text.Text[tree.GetSpan(value).Start..tree.GetSpan(value).End] : string.Empty;
        var quote = text.StartsWith('"') ? 1 : 0;
        var reference = new[] { "${" + name + "}", "$" + name }.FirstOrDefault(r => string.CompareOrdinal(text, quote, r, 0, r.Length) == 0);
        if (reference is null)
        {
            return null;
        }

        var rest = text[(quote + reference.Length)..];
        if (!initialise)
        {
            return text[..quote] + (reference[1] == '{' ? "${" + variable + "}" : "$" + variable) + rest;
        }

        // `"$NAME words"` and `$NAME" words"` start the list with `"words"`; a line continued right after
        // the reference is left to an empty start.
        var unquoted = quote == 0 && rest.StartsWith('"') ? rest[1..] : rest;
        var words = unquoted.TrimStart(' ', '\t');
        return words.Length == unquoted.Length || words.StartsWith('\\') || (quote == 0 && unquoted.Length == rest.Length) ? null : "\"" + words;
    }

    /// <summary>A prefix for the module's variables (<c>ngx_http_foo</c> for <c>ngx_http_foo_module</c>) that the config does not use yet.</summary>
    private static string? Prefix(SyntaxTree tree, string firstModule)
    {
        var stem = firstModule.EndsWith("_module", StringComparison.Ordinal) ? firstModule[..^"_module".Length] : firstModule;
        var text = tree.Text.Text;
        return new[] { stem, stem + "_addon" }.FirstOrDefault(p => Suffixes.All(s => !text.Contains(p + "_" + s.Suffix, StringComparison.Ordinal)));
    }

    private static StatementSyntax TopLevel(ScriptSyntax root, StatementSyntax statement)
    {
        foreach (var candidate in root.Statements)
        {
            if (ReferenceEquals(candidate, statement) || candidate.DescendantNodes().Any(n => ReferenceEquals(n, statement)))
            {
                return candidate;
            }
        }

        return statement;
    }

    private sealed record Append(StatementSyntax Statement, AssignmentSyntax Assignment, Contribution Contribution);
}

/// <summary>An assignment written anew: <c>NAME=value</c> as a whole.</summary>
internal sealed record AssignmentRewrite(AssignmentSyntax Assignment, string Text);

/// <summary>
/// The lists of a module collected into variables: the rewritten appends, the variables emptied before
/// the top-level statement that first appends to them (where that append does not start the list), the
/// statement after which the description goes, and what the old branch appends to configure's lists.
/// </summary>
internal sealed record CollectedLists(
    ImmutableArray<AssignmentRewrite> Rewrites,
    ImmutableArray<(StatementSyntax Before, string Text)> Initialisations,
    StatementSyntax Last,
    string LegacyAppends,
    ImmutableArray<string> Variables);
