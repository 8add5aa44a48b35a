using System.Collections.Immutable;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Evaluation;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// What the config registers in one outcome: one combination of the conditions the model cannot
/// decide (feature tests, external programs), listed in <see cref="Assumptions"/>.
/// </summary>
public sealed class ModuleOutcome
{
    private static readonly string[] ModuleLists = ["CORE", "HTTP", "HTTP_FILTER", "HTTP_INIT_FILTER", "HTTP_AUX_FILTER", "MAIL", "STREAM", "MISC"];
    private static readonly string[] SourceLists = ["NGX_ADDON_SRCS", "CORE_SRCS", "HTTP_SRCS", "MAIL_SRCS", "STREAM_SRCS", "MISC_SRCS"];
    private static readonly string[] DepLists = ["NGX_ADDON_DEPS", "CORE_DEPS", "HTTP_DEPS", "MAIL_DEPS", "STREAM_DEPS", "MISC_DEPS"];
    private static readonly string[] IncludeLists = ["CORE_INCS", "HTTP_INCS", "MAIL_INCS", "STREAM_INCS", "MISC_INCS"];

    internal ModuleOutcome(string moduleDirectory, IReadOnlyDictionary<string, ShellValue> before, WorldResult world)
    {
        Assumptions = world.Assumptions;
        Exited = world.Exited;
        ExitStatus = world.ExitStatus;
        var after = world.State.Variables;
        string Display(string word) => DisplayPath(word, moduleDirectory);

        var changed = ImmutableSortedDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        foreach (var (name, value) in after)
        {
            if (!before.TryGetValue(name, out var old) || old.ToString() != value.ToString() || old.IsKnown != value.IsKnown)
            {
                changed[name] = value.ToString();
            }
        }

        foreach (var name in before.Keys.Where(n => !after.ContainsKey(n)))
        {
            changed[name] = null;
        }

        ChangedVariables = changed.ToImmutable();

        var modules = ImmutableArray.CreateBuilder<RegisteredModule>();
        foreach (var list in ModuleLists)
        {
            var name = list + "_MODULES";
            foreach (var (word, position) in NewWordsWithPositions(before, after, name))
            {
                modules.Add(new RegisteredModule(word.ToString(), list, position, Origin(word)));
            }
        }

        Modules = modules.ToImmutable();
        RemovedModules = [.. ModuleLists.SelectMany(list => RemovedWords(before, after, list + "_MODULES").Select(w => new RegisteredModule(w, list, "removed", null)))];
        Sources = Facts(before, after, SourceLists, Display);
        Deps = Facts(before, after, DepLists, Display);
        Incs = Facts(before, after, IncludeLists, Display);
        Libs = Facts(before, after, ["CORE_LIBS"], Display);
        Use = [.. world.Record.UseSwitches
            .Where(s => after.ContainsKey(s.Key))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ListFact($"{s.Key}={after[s.Key]}", s.Key, s.Value))];

        var shared = ImmutableArray.CreateBuilder<SharedObject>();
        foreach (var (word, _) in NewWordsWithPositions(before, after, "DYNAMIC_MODULES"))
        {
            var so = word.ToString();
            ImmutableArray<string> Words(string suffix) => after.TryGetValue(so + suffix, out var v) ? [.. v.SplitWords().Select(w => Display(w.ToString()))] : [];
            shared.Add(new SharedObject(so, Words("_MODULES"), Words("_SRCS"), Words("_SHRD"), Words("_LIBS"), Words("_ORDER")));
        }

        SharedObjects = shared.ToImmutable();
        AutoModuleCalls = [.. world.Record.AutoModuleCalls];
        Defines = [.. world.Record.Defines];
        Commands = [.. world.Record.Commands];
        var unknowns = world.Record.Unknowns.ToList();
        unknowns.AddRange(world.Record.EnvironmentReads
            .DistinctBy(r => r.Name)
            .Select(r => new UnknownValue($"`{r.Name}` is read from the environment of configure; taken as unset", r.Location)));
        Unknowns = [.. unknowns];
        Complete = !world.Record.Incomplete;
    }

    /// <summary>The conditions this outcome assumes, in the order the config meets them.</summary>
    public ImmutableArray<Assumption> Assumptions { get; }

    /// <summary>True when the config called <c>exit</c> (configure stops; with a status other than 0 it fails).</summary>
    public bool Exited { get; }

    /// <summary>The status given to <c>exit</c>, when known.</summary>
    public int? ExitStatus { get; }

    /// <summary>False when part of the config could not be evaluated (see <see cref="Unknowns"/>).</summary>
    public bool Complete { get; }

    /// <summary>The modules put into configure's module lists, in order.</summary>
    public ImmutableArray<RegisteredModule> Modules { get; }

    /// <summary>nginx's own modules the config took out of a list (rare, and never what a module should do).</summary>
    public ImmutableArray<RegisteredModule> RemovedModules { get; }

    /// <summary>Source files added (<c>NGX_ADDON_SRCS</c>, or a type's <c>*_SRCS</c>).</summary>
    public ImmutableArray<ListFact> Sources { get; }

    /// <summary>Headers added to the dependencies.</summary>
    public ImmutableArray<ListFact> Deps { get; }

    /// <summary>Include directories added.</summary>
    public ImmutableArray<ListFact> Incs { get; }

    /// <summary>Linker flags added to <c>CORE_LIBS</c>.</summary>
    public ImmutableArray<ListFact> Libs { get; }

    /// <summary><c>USE_*</c> switches set (<c>USE_OPENSSL=YES</c>...).</summary>
    public ImmutableArray<ListFact> Use { get; }

    /// <summary>Shared objects of a dynamic build.</summary>
    public ImmutableArray<SharedObject> SharedObjects { get; }

    /// <summary>Every <c>. auto/module</c> call, with what it was given.</summary>
    public ImmutableArray<AutoModuleCall> AutoModuleCalls { get; }

    /// <summary><c>#define</c>s added to <c>ngx_auto_config.h</c>.</summary>
    public ImmutableArray<DefineFact> Defines { get; }

    /// <summary>External programs the config runs.</summary>
    public ImmutableArray<CommandFact> Commands { get; }

    /// <summary>What the model could not know, and where.</summary>
    public ImmutableArray<UnknownValue> Unknowns { get; }

    /// <summary>Every variable the config created, changed (its new value; unknown parts as <c>«reason»</c>) or unset (null).</summary>
    public ImmutableSortedDictionary<string, string?> ChangedVariables { get; }

    /// <summary>A path under the module directory as <c>$ngx_addon_dir/...</c>.</summary>
    public static string DisplayPath(string word, string moduleDirectory)
    {
        var root = moduleDirectory.TrimEnd('/');
        return word == root ? "$ngx_addon_dir" : word.StartsWith(root + "/", StringComparison.Ordinal) ? "$ngx_addon_dir" + word[root.Length..] : word;
    }

    private static Location? Origin(ShellValue value) => value.Segments.FirstOrDefault(s => s.Origin is not null).Origin;

    private static ImmutableArray<ListFact> Facts(IReadOnlyDictionary<string, ShellValue> before, IReadOnlyDictionary<string, ShellValue> after, string[] variables, Func<string, string> display)
        => [.. variables.SelectMany(v => NewWordsWithPositions(before, after, v).Select(w => new ListFact(display(w.Word.ToString()), v, Origin(w.Word))))];

    private static IEnumerable<string> RemovedWords(IReadOnlyDictionary<string, ShellValue> before, IReadOnlyDictionary<string, ShellValue> after, string variable)
    {
        if (!before.TryGetValue(variable, out var old) || !after.TryGetValue(variable, out var final))
        {
            return [];
        }

        var remaining = final.SplitWords().Select(w => w.ToString()).ToList();
        var removed = new List<string>();
        foreach (var word in old.SplitWords().Select(w => w.ToString()))
        {
            if (!remaining.Remove(word))
            {
                removed.Add(word);
            }
        }

        return removed;
    }

    /// <summary>
    /// The words a list gained, each with where it went relative to the words it had: appended,
    /// prepended, or before/after a named one.
    /// </summary>
    private static IEnumerable<(ShellValue Word, string Position)> NewWordsWithPositions(IReadOnlyDictionary<string, ShellValue> before, IReadOnlyDictionary<string, ShellValue> after, string variable)
    {
        if (!after.TryGetValue(variable, out var final))
        {
            yield break;
        }

        var initial = before.TryGetValue(variable, out var old) ? old.SplitWords().Select(w => w.ToString()).ToList() : [];
        var words = final.SplitWords();
        var remaining = initial.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var isNew = new bool[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            var text = words[i].ToString();
            if (remaining.TryGetValue(text, out var count) && count > 0)
            {
                remaining[text] = count - 1;
            }
            else
            {
                isNew[i] = true;
            }
        }

        for (var i = 0; i < words.Length; i++)
        {
            if (!isNew[i])
            {
                continue;
            }

            var next = Enumerable.Range(i + 1, words.Length - i - 1).FirstOrDefault(j => !isNew[j], -1);
            var previous = Enumerable.Range(0, i).Reverse().FirstOrDefault(j => !isNew[j], -1);
            var position = next < 0 ? "append"
                : previous < 0 ? "prepend"
                : next == i + 1 || previous < 0 ? $"before {words[next]}"
                : $"after {words[previous]}";
            yield return (words[i], initial.Count == 0 ? "append" : position);
        }
    }
}
