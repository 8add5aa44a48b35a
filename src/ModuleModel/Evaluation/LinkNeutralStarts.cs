using System.Collections.Concurrent;
using System.Collections.Immutable;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// Where a world of one link mode may start, found by the world with the same choices in another link
/// mode of the same config. Until a world reads <c>ngx_module_link</c> or a variable that configure
/// clears per addon, writes one, or asks whether <c>auto/module</c> exists, nothing it does depends on
/// the link mode: the three modes run the same statements with the same choices and reach the same
/// state, but for those variables. A config's feature tests (most of its worlds' work) come before
/// its <c>if [ -n "$ngx_module_link" ]</c>, so the second and third link modes start each world at
/// the last statement at the base of the config before that point (<see cref="Point"/>), with the
/// link mode's own values put in, and queue the alternatives the first mode's world queued before it.
/// </summary>
internal sealed class LinkNeutralStarts
{
    private readonly ConcurrentDictionary<string, Point> _points = new(StringComparer.Ordinal);

    // For each link mode, what configure had before the config as that link mode has it, by the map another link mode has.
    private readonly ConcurrentDictionary<NameMap<ShellValue>, NameMap<ShellValue>>[] _befores =
        [.. Enum.GetValues<LinkMode>().Select(_ => new ConcurrentDictionary<NameMap<ShellValue>, NameMap<ShellValue>>(ReferenceEqualityComparer.Instance))];

    /// <summary>
    /// The last statement at the base of the config that a world with these choices reaches in every
    /// link mode alike, and the alternatives it queued before it, in order.
    /// </summary>
    internal sealed record Point(WorldSnapshot Snapshot, ImmutableArray<Alternative> QueuedBefore);

    /// <summary>Keeps what a world with <paramref name="prefix"/> found (the first world to find it: every one finds the same).</summary>
    public void Offer(IReadOnlyList<bool> prefix, Point point) => _points.TryAdd(Key(prefix), point);

    /// <summary>How many worlds started at a point another link mode's world left (for the tests).</summary>
    public int StartsGiven => _startsGiven;

    private int _startsGiven;

    /// <summary>
    /// Where a world of <paramref name="link"/> with <paramref name="prefix"/> starts when another link
    /// mode's world with the same choices went further than <paramref name="start"/> before the link
    /// mode mattered (and within <paramref name="budget"/> steps): that point as this link mode has it,
    /// and the alternatives queued on the way, the first <paramref name="startsWanted"/> of them with
    /// their starts, still the other link mode's (<see cref="Alternative.StartIsAnotherLinkModes"/>: made
    /// this link mode's only if the world starts there), the others with none, as they would not have.
    /// </summary>
    public (WorldSnapshot Start, IEnumerable<Alternative> QueuedBefore)? StartFor(IReadOnlyList<bool> prefix, WorldSnapshot? start, int budget, LinkMode link, int startsWanted)
    {
        if (!_points.TryGetValue(Key(prefix), out var point) || point.Snapshot.Steps > budget || point.Snapshot.Steps <= (start?.Steps ?? 0))
        {
            return null;
        }

        Interlocked.Increment(ref _startsGiven);
        var queued = point.QueuedBefore.Select((a, i) => i < startsWanted && a.Start is not null ? a with { StartIsAnotherLinkModes = true } : a with { Start = null });
        return (ForLink(point.Snapshot, link), queued);
    }

    private static string Key(IReadOnlyList<bool> prefix) => string.Create(prefix.Count, prefix, static (chars, choices) =>
    {
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = choices[i] ? '1' : '0';
        }
    });

    /// <summary><paramref name="before"/>, configure's variables before the config, as <paramref name="link"/> has them.</summary>
    private static NameMap<ShellValue> BeforeFor(NameMap<ShellValue> before, LinkMode link)
    {
        foreach (var name in AutoModuleVariables.SetPerAddon)
        {
            before = InitialValue(name, link) is { } initial ? before.SetItem(name, initial) : before.Remove(name);
        }

        return before;
    }

    /// <summary>Whether configure sets <paramref name="name"/> differently per link mode before it sources a config.</summary>
    public static bool DependsOnLink(string name)
        => name.StartsWith("ngx_module_", StringComparison.Ordinal) && AutoModuleVariables.SetPerAddon.Contains(name);

    /// <summary>
    /// What configure gives <paramref name="name"/> (one of <see cref="DependsOnLink"/>'s) under
    /// <paramref name="link"/> before it sources an addon's config: null for unset (nginx before
    /// 1.9.11 has none of them).
    /// </summary>
    public static ShellValue? InitialValue(string name, LinkMode link) => link switch
    {
        LinkMode.Legacy => null,
        _ when name != AutoModuleVariables.Link => ShellValue.Text(string.Empty),
        LinkMode.Dynamic => ShellValue.Text(AutoModuleVariables.DynamicLink),
        _ => ShellValue.Text(AutoModuleVariables.AddonLink),
    };

    /// <summary>
    /// <paramref name="snapshot"/>, taken where no link-dependent variable was read or written yet,
    /// as a world of <paramref name="link"/> has it: those variables are configure's for that link
    /// mode, in the state and in what configure had before the config.
    /// </summary>
    public WorldSnapshot ForLink(WorldSnapshot snapshot, LinkMode link)
    {
        var state = snapshot.State.Clone();
        foreach (var name in AutoModuleVariables.SetPerAddon)
        {
            state.SetInitial(name, InitialValue(name, link), keepValue: state.AssignedPerAddon(name));
        }

        // What configure had before the config is one map for every world of a link mode: made once for each other one.
        var before = _befores[(int)link].GetOrAdd(snapshot.Before, static (before, link) => BeforeFor(before, link), link);

        return new WorldSnapshot
        {
            Path = snapshot.Path,
            State = state,
            Record = snapshot.Record,
            Environment = snapshot.Environment,
            Directory = snapshot.Directory,
            Steps = snapshot.Steps,
            Assumptions = snapshot.Assumptions,
            Before = before,
            LinkNeutral = true,
        };
    }
}
