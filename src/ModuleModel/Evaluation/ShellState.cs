using System.Collections.Immutable;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The variables, functions and positional parameters of the shell that runs a config. They are
/// immutable maps and lists that a change replaces, so that a copy (for a subshell, or for a world
/// that may start here later) shares them and costs nothing: copying them whole at every command
/// substitution and every statement took time quadratic in the length of a config.
/// </summary>
internal sealed class ShellState
{
    public static NameMap<ShellValue> NoVariables => NameMap<ShellValue>.Empty;

    // One empty set for every state: making it anew (the comparer set on an empty set) cost more than the rest of a
    // copy of the state, and a world copies its state before most statements.
    private static readonly ImmutableHashSet<string> NoNames = ImmutableHashSet.Create<string>(StringComparer.Ordinal);

    /// <summary>
    /// The variables. The map that leaves here is never changed again: this state gives up what it owned of it
    /// (<see cref="NameMap{TValue}.SetItem(string, TValue, object?)"/>), and its next change copies what it changes.
    /// </summary>
    public NameMap<ShellValue> Variables
    {
        get
        {
            _owner = null;
            return _variables;
        }
    }

    private NameMap<ShellValue> _variables = NoVariables;

    /// <summary>
    /// Who owns the nodes of <see cref="_variables"/> this state made since its map last left it (null: none yet).
    /// A world sets variables many times between two copies of its state (a snapshot before each statement at
    /// the base of the config, a subshell); the sets after the first change those nodes in place.
    /// </summary>
    private object? _owner;

    /// <summary>The owner of what this state changes from now on until its map leaves it.</summary>
    private object Owner => _owner ??= new object();

    /// <summary>The value of <paramref name="name"/>, when it is set (a read leaves the map here).</summary>
    public bool TryGetVariable(string name, [System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out ShellValue value) => _variables.TryGetValue(name, out value);

    public NameMap<ShellFunction> Functions { get; private set; } = NameMap<ShellFunction>.Empty;

    /// <summary>Never changed in place: <see cref="SetPositional"/> replaces it.</summary>
    public IReadOnlyList<ShellValue> Positional { get; private set; } = [];

    public int? LastStatus { get; set; } = 0;

    /// <summary>The variables <c>readonly</c> marked: dash stops the script at any later assignment to one, or its <c>unset</c>.</summary>
    public ImmutableHashSet<string> ReadOnly { get; private set; } = NoNames;

    /// <summary>
    /// The names the script unset. dash's <c>unset</c> removes a variable that configure's environment
    /// gave as much as one the script set, so such a name reads as unset from then on, not as the
    /// environment's unknown value again.
    /// </summary>
    public ImmutableHashSet<string> UnsetByScript { get; private set; } = NoNames;

    /// <summary>A copy, for a subshell: what it changes is lost when it ends.</summary>
    public ShellState Clone() => new()
    {
        _variables = Variables,
        Functions = Functions,
        Positional = Positional,
        LastStatus = LastStatus,
        ReadOnly = ReadOnly,
        UnsetByScript = UnsetByScript,
        _assignedPerAddon = _assignedPerAddon,
    };

    /// <summary>Which of <see cref="AutoModuleVariables.SetPerAddon"/> the script assigned (a bit each), while the world is alike in every link mode.</summary>
    private int _assignedPerAddon;

    public bool AssignedPerAddon(string name) => (_assignedPerAddon & PerAddonBit(name)) != 0;

    public void MarkAssignedPerAddon(string name) => _assignedPerAddon |= PerAddonBit(name);

    private static int PerAddonBit(string name) => 1 << AutoModuleVariables.SetPerAddon.IndexOf(name);

    /// <summary>Takes <paramref name="variables"/> as all the variables (configure's, at the start of a run).</summary>
    public void SetVariables(NameMap<ShellValue> variables) => _variables = variables;

    public void SetVariable(string name, ShellValue value) => _variables = _variables.SetItem(name, value, Owner);

    /// <summary>The builtin <c>unset</c>: the name is unset, whatever the environment held (<see cref="UnsetByScript"/>).</summary>
    public void Unset(string name)
    {
        _variables = _variables.Remove(name, Owner);
        UnsetByScript = UnsetByScript.Add(name);
    }

    /// <summary>
    /// Gives <paramref name="name"/> the value configure gave it before the config (null: unset, as
    /// configure's own <c>unset</c> leaves it), whatever another link mode's configure gave it; with
    /// <paramref name="keepValue"/> (the script assigned it since), only what configure's <c>unset</c> left.
    /// </summary>
    public void SetInitial(string name, ShellValue? value, bool keepValue)
    {
        UnsetByScript = value is null ? UnsetByScript.Add(name) : UnsetByScript.Remove(name);
        if (!keepValue)
        {
            _variables = value is null ? _variables.Remove(name, Owner) : _variables.SetItem(name, value, Owner);
        }
    }

    /// <summary>What <paramref name="name"/> is now, for <see cref="Restore"/> to give back (when a prefix assignment's command or a local's function ends).</summary>
    public SavedVariable Save(string name)
        => new(_variables.TryGetValue(name, out var value) ? value : null, UnsetByScript.Contains(name));

    /// <summary>Gives <paramref name="name"/> back what <see cref="Save"/> found: its value, or unset as it was (by the script, or never set).</summary>
    public void Restore(string name, SavedVariable saved)
    {
        _variables = saved.Value is null ? _variables.Remove(name, Owner) : _variables.SetItem(name, saved.Value, Owner);
        UnsetByScript = saved.UnsetByScript ? UnsetByScript.Add(name) : UnsetByScript.Remove(name);
    }

    public void MarkReadOnly(string name) => ReadOnly = ReadOnly.Add(name);

    public void SetReadOnly(string name, bool readOnly) => ReadOnly = readOnly ? ReadOnly.Add(name) : ReadOnly.Remove(name);

    public void SetFunction(string name, ShellFunction function) => Functions = Functions.SetItem(name, function);

    public void RemoveFunction(string name) => Functions = Functions.Remove(name);

    public void SetPositional(IEnumerable<ShellValue> values) => Positional = [.. values];
}

/// <summary>A variable's value (null: not set) and whether the script had unset it, as <see cref="ShellState.Save"/> found them.</summary>
internal readonly record struct SavedVariable(ShellValue? Value, bool UnsetByScript);

/// <summary>A function defined by the script, with the tree it was written in (for locations).</summary>
internal sealed record ShellFunction(FunctionDefinitionSyntax Syntax, SyntaxTree Tree);
