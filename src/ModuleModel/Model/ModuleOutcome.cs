using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// What the config registers in one outcome: one combination of the conditions the model cannot
/// decide (feature tests, external programs), listed in <see cref="Assumptions"/>.
/// </summary>
public sealed class ModuleOutcome
{
    private readonly NameMap<ShellValue> _before;
    private readonly NameMap<ShellValue> _after;
    private readonly string _moduleDirectory;

    // The description's memo, shared by its outcomes, which may be asked from several threads: each fact is made
    // under its lock.
    private readonly ListChangeMemo _lists;

    // Made on first use: every variable's change is wanted only by the converter and a few rules,
    // and most ask about one name (ChangesVariable).
    private ImmutableSortedDictionary<string, ShellValue?>? _changedVariables;

    // The facts read from configure's lists, made on first use too: a check describes each module in three link modes
    // and up to 64 worlds each, and most of its rules read a few facts of a few of those outcomes. A field each, not a
    // Lazy each: the five objects of a Lazy and its closures, for each fact of each outcome, outlived every young
    // collection of a module's check.
    private ImmutableArray<RegisteredModule> _modules;
    private ImmutableArray<RemovedModule> _removedModules;
    private ImmutableArray<ListFact> _sources;
    private ImmutableArray<ListFact> _deps;
    private ImmutableArray<ListFact> _incs;
    private ImmutableArray<ListFact> _libs;
    private ImmutableArray<SharedObject> _sharedObjects;

    // What Facts makes of a word the config added to a list, made once per outcome rather than per list asked for.
    private Func<ShellValue, string, ListFact>? _makeFact;

    /// <param name="moduleDirectory">The module directory (absolute).</param>
    /// <param name="world">The world this outcome is of.</param>
    /// <param name="lists">Shared by the outcomes of one description, which compare the same long lists.</param>
    internal ModuleOutcome(string moduleDirectory, WorldResult world, ListChangeMemo lists)
    {
        var after = world.State.Variables;
        Assumptions = world.Assumptions;
        Exited = world.Exited;
        ExitStatus = world.ExitStatus;
        ExitLocation = world.ExitLocation;
        Complete = !world.Record.Incomplete;
        _before = world.Before;
        _after = after;
        _moduleDirectory = moduleDirectory;
        _lists = lists;
        Use = [.. world.Record.UseSwitches
            .Where(s => after.ContainsKey(s.Key))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ListFact($"{s.Key}={after[s.Key]}", s.Key, s.Value))];
        AutoModuleCalls = [.. world.Record.AutoModuleCalls];
        Defines = [.. world.Record.Defines];
        Commands = [.. world.Record.Commands];
        Unknowns = [.. world.Record.Unknowns, .. world.Record.EnvironmentReads
            .DistinctBy(r => r.Name)
            .Select(r => new UnknownValue($"`{r.Name}` is read from the environment of configure, which the model does not know", r.Location))];
        RequiredModules = [.. world.Record.RequiredModules.DistinctBy(r => (r.Name, r.Found))];
        Redirections = [.. world.Record.Redirections.Distinct()];
        WrittenFiles = [.. Redirections.Select(r => r.Path).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The files the config writes through a redirection (<c>echo ... &gt; "$ngx_addon_dir/src/autoconf.h"</c>), as
    /// named: absolute, or relative to nginx's source tree, where configure runs. They exist once the config has run.
    /// </summary>
    public ImmutableArray<string> WrittenFiles { get; }

    /// <summary>
    /// The redirections that write those files, each once: the file as its target expands, whether it appends, and
    /// where the redirection is written, in the order they ran.
    /// </summary>
    public ImmutableArray<RedirectionFact> Redirections { get; }

    /// <summary>
    /// The modules the config looks for in configure's module lists (another module it needs
    /// configured first), and whether this outcome found each there.
    /// </summary>
    public ImmutableArray<RequiredModule> RequiredModules { get; }

    /// <summary>The conditions this outcome assumes, in the order the config meets them.</summary>
    public ImmutableArray<Assumption> Assumptions { get; }

    /// <summary>True when the config called <c>exit</c> (configure stops; with a status other than 0 it fails).</summary>
    public bool Exited { get; }

    /// <summary>The status given to <c>exit</c>, when known.</summary>
    public int? ExitStatus { get; }

    /// <summary>The <c>exit</c> command that stopped configure, when the config ran one.</summary>
    public Location? ExitLocation { get; }

    /// <summary>False when part of the config could not be evaluated (see <see cref="Unknowns"/>).</summary>
    internal bool Complete { get; }

    /// <summary>The modules put into configure's module lists, in order.</summary>
    public ImmutableArray<RegisteredModule> Modules => Made(ref _modules, static o => ModuleType.All.SelectMany(type => o._lists.Added(o._before, o._after, type.ModulesList)
            .Select(added => new RegisteredModule(added.Word.ToString(), type, added.Position, Origin(added.Word) ?? added.Word.Unknowns.FirstOrDefault()?.Location)))
        .ToImmutableArray());

    /// <summary>nginx's own modules the config took out of a list (rare, and never what a module should do).</summary>
    public ImmutableArray<RemovedModule> RemovedModules
        => Made(ref _removedModules, static o => ModuleType.All.SelectMany(type => o._lists.Removed(o._before, o._after, type.ModulesList).Select(name => new RemovedModule(name, type))).ToImmutableArray());

    /// <summary>Source files added (<c>NGX_ADDON_SRCS</c>, or a type's <c>*_SRCS</c>).</summary>
    public ImmutableArray<ListFact> Sources => Made(ref _sources, static o => o.Facts(ConfigureLists.Sources.AsSpan()));

    /// <summary>Headers added to the dependencies.</summary>
    public ImmutableArray<ListFact> Deps => Made(ref _deps, static o => o.Facts(ConfigureLists.Deps.AsSpan()));

    /// <summary>Include directories added.</summary>
    public ImmutableArray<ListFact> Incs => Made(ref _incs, static o => o.Facts(ConfigureLists.Incs.AsSpan()));

    /// <summary>Linker flags added to <c>CORE_LIBS</c>.</summary>
    public ImmutableArray<ListFact> Libs => Made(ref _libs, static o => o.Facts(ConfigureLists.CoreLibs));

    /// <summary><c>USE_*</c> switches set (<c>USE_OPENSSL=YES</c>...).</summary>
    public ImmutableArray<ListFact> Use { get; }

    /// <summary>Shared objects of a dynamic build.</summary>
    public ImmutableArray<SharedObject> SharedObjects
        => Made(ref _sharedObjects, static o => o._lists.Added(o._before, o._after, ConfigureLists.DynamicModules).Select(added => o.SharedObjectOf(added.Word.ToString())).ToImmutableArray());

    /// <summary>Every <c>. auto/module</c> call, with what it was given.</summary>
    public ImmutableArray<AutoModuleCall> AutoModuleCalls { get; }

    /// <summary><c>#define</c>s added to <c>ngx_auto_config.h</c>.</summary>
    public ImmutableArray<DefineFact> Defines { get; }

    /// <summary>External programs the config runs.</summary>
    public ImmutableArray<CommandFact> Commands { get; }

    /// <summary>What the model could not know, and where.</summary>
    public ImmutableArray<UnknownValue> Unknowns { get; }

    /// <summary>
    /// Every variable the config created, changed (its new value) or unset (null). A variable set to
    /// the string it had (<c>USE_OPENSSL=YES</c> where it was YES already) is not changed.
    /// </summary>
    public ImmutableSortedDictionary<string, ShellValue?> ChangedVariables => Made(ref _changedVariables, static o => Changes(o._before, o._after, o._lists));

    /// <summary>Whether <see cref="ChangedVariables"/> holds <paramref name="name"/>, without making the rest of it.</summary>
    internal bool ChangesVariable(string name)
        => IsChange(_before.TryGetValue(name, out var old) ? old : null, _after.TryGetValue(name, out var value) ? value : null);

    /// <summary>
    /// Whether a variable that held <paramref name="old"/> and holds <paramref name="value"/> (null: unset) changed:
    /// it was set or unset, or holds other text; a variable set to the text it had is not changed.
    /// </summary>
    private static bool IsChange(ShellValue? old, ShellValue? value)
        => value is null ? old is not null : old is null || !old.ContentEquals(value);

    /// <summary>A path under the module directory as <c>$ngx_addon_dir/...</c>.</summary>
    public static string DisplayPath(string word, string moduleDirectory)
    {
        // Spans, not substrings: every source word of every outcome passes here.
        var root = moduleDirectory.AsSpan().TrimEnd('/');
        var path = word.AsSpan();
        return path.SequenceEqual(root) ? "$ngx_addon_dir"
            : path.Length > root.Length && path[root.Length] == '/' && path.StartsWith(root, StringComparison.Ordinal) ? string.Concat("$ngx_addon_dir", path[root.Length..])
            : word;
    }

    private static Location? Origin(ShellValue value) => value.Segments.FirstOrDefault(s => s.Origin is not null).Origin;

    private static ImmutableSortedDictionary<string, ShellValue?> Changes(NameMap<ShellValue> before, NameMap<ShellValue> after, ListChangeMemo lists)
    {
        // Only the names whose value is another instance: the world's variables share the rest of
        // their map with configure's globals, and those parts are skipped without a look.
        var changed = ImmutableSortedDictionary.CreateBuilder<string, ShellValue?>(StringComparer.Ordinal);
        foreach (var (name, old, value) in NameMap<ShellValue>.Differences(before, after))
        {
            if (IsChange(old, value))
            {
                // The value equal part by part seen in an earlier outcome, if any: its text is joined once.
                changed[name] = value is null ? null : lists.Shared(value);
            }
        }

        return changed.ToImmutable();
    }

    /// <summary>The value of a fact, made by <paramref name="make"/> the first time it is asked for, under the memo's lock.</summary>
    private T Made<T>(ref T? field, Func<ModuleOutcome, T> make)
        where T : class
    {
        if (Volatile.Read(ref field) is { } made)
        {
            return made;
        }

        lock (_lists)
        {
            return field ??= make(this);
        }
    }

    /// <summary><see cref="Made{T}(ref T, Func{ModuleOutcome, T})"/> of a fact that is an array.</summary>
    private ImmutableArray<T> Made<T>(ref ImmutableArray<T> field, Func<ModuleOutcome, ImmutableArray<T>> make)
    {
        if (!field.IsDefault)
        {
            return field;
        }

        lock (_lists)
        {
            if (field.IsDefault)
            {
                ImmutableInterlocked.InterlockedInitialize(ref field, make(this));
            }

            return field;
        }
    }

    private string Display(string word) => DisplayPath(word, _moduleDirectory);

    /// <summary>
    /// The facts of the words the config added to <paramref name="variables"/>, in order. A loop, not LINQ: every outcome
    /// of every world asks for four lists, and a list changes in one of its variables at most, whose facts (made once per
    /// change, <see cref="ListChangeMemo.AddedFacts"/>) are then the outcome's as they are, not copied.
    /// </summary>
    private ImmutableArray<ListFact> Facts(params ReadOnlySpan<string> variables)
    {
        var makeFact = _makeFact ??= (word, variable) => new ListFact(Display(word.ToString()), variable, Origin(word)) { Word = word };
        ImmutableArray<ListFact> found = [];
        ImmutableArray<ListFact>.Builder? joined = null;
        foreach (var variable in variables)
        {
            var facts = _lists.AddedFacts(_before, _after, variable, makeFact);
            if (facts.IsEmpty)
            {
                continue;
            }

            if (found.IsEmpty)
            {
                found = facts;
                continue;
            }

            joined ??= found.ToBuilder();
            joined.AddRange(facts);
        }

        return joined is null ? found : joined.DrainToImmutable();
    }

    /// <summary>What auto/module recorded for the shared object <paramref name="name"/> in <c>&lt;name&gt;_MODULES</c>, <c>_SRCS</c>...</summary>
    private SharedObject SharedObjectOf(string name)
    {
        ImmutableArray<string> Words(string suffix) => _after.TryGetValue(name + suffix, out var v) ? _lists.DisplayedWords(v, Display) : [];
        return new SharedObject(
            name,
            Words(ConfigureLists.SharedObject.Modules),
            Words(ConfigureLists.SharedObject.Sources),
            Words(ConfigureLists.SharedObject.SharedSources),
            Words(ConfigureLists.SharedObject.Libs),
            Words(ConfigureLists.SharedObject.Order));
    }
}
