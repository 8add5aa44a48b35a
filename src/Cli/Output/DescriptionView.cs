using System.Collections.Immutable;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Cli.Output;

/// <summary>
/// A description as printed: the facts every outcome shares at the top, and, when the config has
/// conditions the model cannot decide, each outcome with its assumptions.
/// </summary>
internal sealed record DescriptionView(
    ImmutableArray<RegisteredModule> Modules,
    ImmutableArray<string> Sources,
    ImmutableArray<string> Deps,
    ImmutableArray<string> Incs,
    ImmutableArray<string> Libs,
    ImmutableArray<string> Use,
    ImmutableArray<SharedObject> SharedObjects,
    ImmutableArray<string> Defines,
    ImmutableArray<string> Unknowns)
{
    public static DescriptionView Of(ModuleOutcome outcome) => new(
        outcome.Modules,
        [.. outcome.Sources.Select(f => f.Value)],
        [.. outcome.Deps.Select(f => f.Value)],
        [.. outcome.Incs.Select(f => f.Value)],
        [.. outcome.Libs.Select(f => f.Value)],
        [.. outcome.Use.Select(f => f.Value)],
        outcome.SharedObjects,
        [.. outcome.Defines.Select(d => d.Value.Length == 0 ? d.Name : $"{d.Name} {d.Value}")],
        [.. outcome.Unknowns.Select(Describe)]);

    /// <summary>What all outcomes have in common (each list keeps the order of the first outcome).</summary>
    public static DescriptionView Common(ImmutableArray<ModuleOutcome> outcomes)
    {
        var views = outcomes.Select(Of).ToList();
        if (views.Count == 0)
        {
            return new DescriptionView([], [], [], [], [], [], [], [], []);
        }

        ImmutableArray<T> Shared<T>(Func<DescriptionView, ImmutableArray<T>> select)
            => [.. select(views[0]).Where(item => views.All(v => select(v).Contains(item)))];

        return new DescriptionView(
            Shared(v => v.Modules), Shared(v => v.Sources), Shared(v => v.Deps), Shared(v => v.Incs), Shared(v => v.Libs),
            Shared(v => v.Use), [.. views[0].SharedObjects.Where(so => views.All(v => v.SharedObjects.Any(o => SameObject(o, so))))],
            Shared(v => v.Defines), Shared(v => v.Unknowns));
    }

    private static bool SameObject(SharedObject a, SharedObject b) => a.Name == b.Name && a.Modules.SequenceEqual(b.Modules)
        && a.Sources.SequenceEqual(b.Sources) && a.SharedSources.SequenceEqual(b.SharedSources) && a.Libs.SequenceEqual(b.Libs) && a.Order.SequenceEqual(b.Order);

    public static string Describe(UnknownValue unknown)
        => unknown.Location is { } location ? $"{unknown.Reason} (line {location.Start.Line})" : unknown.Reason;

    public static string LinkName(LinkMode link) => link.ToString().ToLowerInvariant();

    /// <summary>A module's position as <c>describe</c> prints it: <c>append</c>, <c>prepend</c>, <c>before NAME</c>, <c>after NAME</c>.</summary>
    public static string PositionText(ModulePosition position) => position.Kind switch
    {
        ModulePositionKind.Prepend => "prepend",
        ModulePositionKind.Before => "before " + position.Anchor,
        ModulePositionKind.After => "after " + position.Anchor,
        _ => "append",
    };
}
