using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// Runs a config script symbolically, the way nginx's configure sources it with /bin/sh: variables,
/// quoting, expansions, control flow, functions, <c>.</c>, <c>eval</c>, and nginx's own
/// <c>auto/module</c>, <c>auto/feature</c>, <c>auto/have</c> and <c>auto/define</c> emulated natively.
/// What it cannot know (a program's output, a feature test's result) is an explicit unknown or a
/// recorded assumption; nothing is guessed silently. One instance makes one run (one "world").
/// </summary>
internal sealed partial class Evaluator
{
    private readonly EvaluationSettings _settings;
    private readonly Decisions _decisions;
    private readonly Stack<(SyntaxTree Tree, Location? Outer)> _trees = new();
    private readonly Stack<ShellValue.Builder> _outputs = new();
    private readonly Stack<List<Piece>> _pieceLists = new();
    private static readonly ConditionalWeakTable<SyntaxTree, Dictionary<RedirectSyntax, string>> HereDocuments = new();
    private readonly HashSet<string> _sourcing = new(StringComparer.Ordinal);
    private ShellState _state = new();
    // How many worlds' worth of steps all the worlds of one evaluation may spend together.
    private const int WorldsOfFullBudget = 4;

    private const int CharactersPerStep = 256;

    private const int SegmentsPerStep = 16;

    private readonly int _stepBudget;
    private int _steps;
    private int _functionDepth;

    private readonly SyntaxMemo _memo;

    /// <summary>Where this world starts, when it parts from an earlier one after the beginning of the config.</summary>
    private readonly WorldSnapshot? _start;

    private Evaluator(EvaluationSettings settings, Decisions decisions, int stepBudget, SyntaxMemo memo, ValueMemo values, WorldSnapshot? start)
    {
        _settings = settings;
        _decisions = decisions;
        _stepBudget = stepBudget;
        _memo = memo;
        Values = values;
        _start = start;
    }

    /// <summary>What the worlds of this evaluation compute alike from equal values (for nginx's scripts).</summary>
    internal ValueMemo Values { get; }

    /// <summary>Facts gathered by the run (of the module's own config: what dependencies configured first did is not among them).</summary>
    public EvaluationRecord Record { get; private set; } = new();

    /// <summary>Runs the config under every combination of undecidable conditions (bounded).</summary>
    public static ImmutableArray<WorldResult> RunAllWorlds(EvaluationSettings settings, SyntaxTree config)
    {
        var results = ImmutableArray.CreateBuilder<WorldResult>();
        var pending = new Queue<Alternative>();
        pending.Enqueue(new Alternative([], null));

        // The worlds share a budget of steps as well as each having one: a loop whose condition is
        // unknown forks a world at every turn, and 64 worlds each looping to the end of its own
        // budget took minutes (fuzzing found it: `while [ $i -lt 5 ]; do i=`expr $i + 1`; done`).
        var spent = 0;
        var memo = new SyntaxMemo();
        var values = new ValueMemo();
        while (pending.Count > 0 && spent < settings.MaxSteps * WorldsOfFullBudget)
        {
            if (results.Count == settings.MaxWorlds)
            {
                results[^1].Record.Diagnostics.Add(Diagnostic.Create(ModelDiagnostics.TooManyOutcomes, Location.None(config.FilePath), settings.MaxWorlds));
                break;
            }

            var next = pending.Dequeue();
            var budget = Math.Min(settings.MaxSteps, (settings.MaxSteps * WorldsOfFullBudget) - spent);

            // A world starts where it parts from the world that queued it, unless its budget would
            // have run out on the way there: then it runs from the beginning, to stop where it did.
            var start = next.Start is { } snapshot && snapshot.Steps <= budget ? snapshot : null;

            // Only the alternatives queued ahead of the cap on worlds can ever run: they alone need a start.
            var startsWanted = settings.StartWorldsWhereTheyPart ? settings.MaxWorlds - results.Count - 1 - pending.Count : 0;
            var shared = settings.StartWorldsWhereTheyPart ? settings.LinkNeutralStarts?.StartFor(next.Prefix, start, budget, settings.Link, startsWanted) : null;
            if (shared is null && start is not null && next.StartIsAnotherLinkModes)
            {
                start = settings.LinkNeutralStarts!.ForLink(start, settings.Link);
            }

            var decisions = shared is null
                ? new Decisions(next.Prefix, settings.MaxWorlds, startsWanted, start)
                : new Decisions(next.Prefix, settings.MaxWorlds, startsWanted, shared.Value.Start, shared.Value.QueuedBefore);
            start = shared?.Start ?? start;
            var evaluator = new Evaluator(settings, decisions, budget, memo, settings.ShareValuesAcrossWorlds ? values : new ValueMemo(), start);
            var result = evaluator.Run(config);
            spent += evaluator._steps;
            results.Add(result);
            if (shared is null && evaluator._neutralPoint is { } point)
            {
                settings.LinkNeutralStarts?.Offer(next.Prefix, new LinkNeutralStarts.Point(point, [.. decisions.Alternatives.Take(evaluator._queuedBeforeNeutralPoint)]));
            }
            foreach (var alternative in decisions.Alternatives)
            {
                pending.Enqueue(alternative);
            }
        }

        return results.ToImmutable();
    }

    private WorldResult Run(SyntaxTree config)
    {
        int? exitStatus = null;
        Location? exitLocation = null;

        // Null: the evaluation stopped before the config did.
        bool? exited = false;
        try
        {
            if (_start is null)
            {
                InitializeState();
                ConfigureFirst();
                PrepareAddon(_settings.ModuleDirectory);
                _before = _state.Variables;
                _linkNeutral = _settings.LinkNeutralStarts is not null && _settings.ConfiguredFirst.IsEmpty;
            }
            else
            {
                Restore(_start);
                _linkNeutral = _settings.LinkNeutralStarts is not null && _start.LinkNeutral;
            }

            RunConfig(config);
        }
        catch (ScriptExitException exit)
        {
            exited = true;
            exitStatus = exit.Status;
            exitLocation = exit.Where;
        }
        catch (ScriptReturnException)
        {
            // `return` at the top level of a sourced config ends it, like the end of the file.
        }
        catch (LoopControlException)
        {
            // `break` outside a loop: dash ignores it.
        }
        catch (StepLimitException limit)
        {
            Record.Diagnostics.Add(Diagnostic.Create(ModelDiagnostics.StepLimit, limit.Where ?? Location.None(config.FilePath), _stepBudget));
            Record.Incomplete = true;
            exited = null;
        }

        if (exited == false)
        {
            CheckWhatConfigureInherits(config);
        }

        return new WorldResult(_state, AssumptionsSoFar(), exited == true, exitStatus, Record)
        {
            ExitLocation = exitLocation,
            Before = _before ?? _state.Variables,
        };
    }

    /// <summary>
    /// The dependency modules, configured before this one as configure does with several
    /// <c>--add-module</c> options: each config sourced in order, with its own <c>ngx_addon_dir</c>. Their
    /// facts are not this module's: the record starts afresh after them. A dependency that exits stops
    /// configure there, and this module's config never runs.
    /// </summary>
    private void ConfigureFirst()
    {
        foreach (var dependency in _settings.ConfiguredFirst)
        {
            PrepareAddon(dependency.Directory);
            RunTree(dependency.Config);
        }

        Record = new EvaluationRecord();
    }

    private void InitializeState() => _state.SetVariables(InitialValues.GetValue(_settings.InitialGlobals, MakeInitialValues));

    /// <summary>
    /// The initial globals as values, made once per set of globals (a reference build's): every world of
    /// every module starts from the same instances, so configure's long lists (<c>HTTP_SRCS</c>...) are
    /// split once, and a list no world changed is seen unchanged without comparing its words.
    /// </summary>
    private static readonly ConditionalWeakTable<IReadOnlyDictionary<string, string>, NameMap<ShellValue>> InitialValues = new();

    private static NameMap<ShellValue> MakeInitialValues(IReadOnlyDictionary<string, string> globals)
        => ShellState.NoVariables.SetItems(globals.Select(g => KeyValuePair.Create(g.Key, ShellValue.Text(g.Value))))

            // /bin/sh's own IFS, which the captured globals leave out: set back to it, IFS has not changed; unset, it has.
            .SetItem("IFS", ShellValue.Text(DefaultFieldSeparators));

    /// <summary>What auto/modules does before it sources each addon's config; nginx before 1.9.11 has none of these but the directory.</summary>
    private void PrepareAddon(string directory)
    {
        Set("ngx_addon_dir", ShellValue.Text(directory));
        foreach (var name in AutoModuleVariables.SetPerAddon)
        {
            if (LinkNeutralStarts.InitialValue(name, _settings.Link) is { } value)
            {
                Set(name, value);
            }
            else
            {
                _state.Unset(name);
            }
        }
    }

    private void RunTree(SyntaxTree tree)
    {
        _trees.Push((tree, null));
        try
        {
            ExecuteStatements(tree.GetRoot().Statements);
        }
        finally
        {
            _trees.Pop();
        }
    }

    /// <summary>Runs the module's config, from <see cref="_start"/> when the world starts there.</summary>
    private void RunConfig(SyntaxTree config)
    {
        _trees.Push((config, null));
        try
        {
            ExecuteBase(config.GetRoot().Statements, _start, 0);
        }
        finally
        {
            _trees.Pop();
        }
    }

    private SyntaxTree CurrentTree => _trees.Peek().Tree;

    /// <summary>
    /// Where an element is, for facts and diagnostics. Text that is parsed from a string (a backquote
    /// body, an <c>eval</c>) has no place in a file: its facts point at the backquote or the eval.
    /// </summary>
    internal Location LocationOf(SyntaxElement element) => _trees.Peek() switch
    {
        (_, { } outer) => outer,
        (var tree, null) => _memo.LocationOf(tree, element),
    };

    private void Step(SyntaxElement at) => Step(at, 1);

    /// <summary>What was stepped last: where a failure found below a step (an assignment deep in an expansion) is said to be.</summary>
    private SyntaxElement? _lastStep;

    /// <summary>How many subshells (<c>( )</c>, <c>$( )</c>) the run is inside: an error that stops the shell stops only the innermost.</summary>
    private int _subshells;

    /// <summary>
    /// Counts <paramref name="steps"/> steps, or throws when the budget is spent. Long values cost
    /// steps too (<see cref="Assigned"/>): a loop that appends to a variable copies ever longer text,
    /// and a step count alone would let it run for minutes.
    /// </summary>
    private void Step(SyntaxElement at, int steps)
    {
        _lastStep = at;
        _steps += steps;
        if (_steps > _stepBudget)
        {
            throw new StepLimitException(LocationOf(at));
        }
    }

    /// <summary>Charges an assignment a step for every <see cref="CharactersPerStep"/> characters of its value and every <see cref="SegmentsPerStep"/> segments (known or not).</summary>
    private void Assigned(ShellValue value, SyntaxElement at)
    {
        // A loop, not LINQ: every assignment of every world passes here.
        var segments = value.Segments.AsSpan();
        var characters = 0;
        foreach (var segment in segments)
        {
            characters += segment.Text.Length;
        }

        Step(at, (characters / CharactersPerStep) + (segments.Length / SegmentsPerStep));
    }

    internal void AddUnknown(string reason, SyntaxElement at) => Record.Unknowns.Add(new UnknownValue(reason, LocationOf(at)));

    internal bool Decide(string condition, SyntaxElement at) => _decisions.Decide(condition, LocationOf(at));

    private int? ExecuteStatements(IEnumerable<StatementSyntax> statements)
    {
        int? status = 0;
        foreach (var statement in statements)
        {
            status = ExecuteStatement(statement, atBase: false);
            _state.LastStatus = status;
        }

        return status;
    }

    private int? ExecuteStatement(StatementSyntax statement, bool atBase)
    {
        if (statement.IsAsync)
        {
            // A background job runs in a subshell: nothing it sets reaches this shell.
            RunInBackground(statement.Command);
            return 0;
        }

        return Execute(statement.Command, atBase);
    }

    // The closures of these three live apart from the methods that call them, which run for every statement and
    // command: a lambda there would make its closure on every call, whichever branch is taken.
    private void RunInBackground(CommandSyntax command) => RunInSubshell(() => Execute(command));

    private int? ExecuteSubshell(SubshellSyntax subshell) => RunInSubshell(() => ExecuteStatements(subshell.Statements));

    private int? ExecuteRedirected(RedirectedCommandSyntax redirected) => WithRedirects(redirected.Redirects, () => Execute(redirected.Command));

    /// <summary>Runs a command; <paramref name="atBase"/> when it is a statement at the base of the config (see <see cref="ExecuteBase"/>).</summary>
    private int? Execute(CommandSyntax command, bool atBase = false)
    {
        Step(command);
        switch (command)
        {
            case SimpleCommandSyntax simple:
                return ExecuteSimple(simple, []);
            case PipelineSyntax pipeline:
                return ExecutePipeline(pipeline);
            case AndOrListSyntax list:
                return ExecuteAndOr(list);
            case IfCommandSyntax ifCommand:
                return ExecuteIf(ifCommand, atBase);
            case CaseCommandSyntax caseCommand:
                return ExecuteCase(caseCommand);
            case ForCommandSyntax forCommand:
                return ExecuteFor(forCommand);
            case WhileCommandSyntax whileCommand:
                return ExecuteWhile(whileCommand);
            case BraceGroupSyntax group:
                return ExecuteBranch(group.Statements, atBase);
            case SubshellSyntax subshell:
                return ExecuteSubshell(subshell);
            case FunctionDefinitionSyntax function:
                _state.SetFunction(function.Name.Text, new ShellFunction(function, CurrentTree));
                return 0;
            case RedirectedCommandSyntax redirected:
                return ExecuteRedirected(redirected);
            default:
                AddUnknown("a command the parser could not read", command);
                return null;
        }
    }

    private int? RunInSubshell(Func<int?> body)
    {
        // A subshell's variables and directory are its own: `(cd $ngx_addon_dir && make)` leaves configure where it was.
        var saved = _state;
        var directory = _directory;
        _state = saved.Clone();
        _subshells++;
        try
        {
            return body();
        }
        catch (ScriptExitException exit)
        {
            return exit.Status;
        }
        catch (ScriptReturnException returned)
        {
            return returned.Status;
        }
        catch (LoopControlException)
        {
            return 0;
        }
        finally
        {
            _subshells--;
            _state = saved;
            _directory = directory;
        }
    }

    private int? ExecutePipeline(PipelineSyntax pipeline)
    {
        var commands = pipeline.Commands.ToList();
        int? status;
        if (ModuleListCheck.ModuleOf(pipeline) is { } required && !IsInModuleLists(required, pipeline))
        {
            status = RequiredModuleConfigured(required, pipeline) ? 0 : 1;
        }
        else if (commands.Count == 1)
        {
            status = Execute(commands[0]);
        }
        else
        {
            // Every part of a pipeline runs in a subshell; each one's output is the next one's input.
            ShellValue? input = null;
            status = 0;
            for (var i = 0; i < commands.Count; i++)
            {
                var part = commands[i];
                var stdin = input;
                _outputs.Push(new ShellValue.Builder());
                var saved = _pipeInput;
                _pipeInput = stdin;
                try
                {
                    status = RunInSubshell(() => Execute(part));
                }
                finally
                {
                    _pipeInput = saved;
                    input = _outputs.Pop().ToValue();
                }
            }

            WriteOutput(input!);
        }

        return pipeline.Bang is null ? status : status switch { null => null, 0 => 1, _ => 0 };
    }

    /// <summary>Standard input of the command being run, when a pipe or here-document provides it.</summary>
    private ShellValue? _pipeInput;

    private int? ExecuteAndOr(AndOrListSyntax list)
    {
        var elements = list.Elements;
        var status = Execute((CommandSyntax)elements[0]);
        for (var i = 1; i + 1 < elements.Count; i += 2)
        {
            var op = (SyntaxToken)elements[i];
            var next = (CommandSyntax)elements[i + 1];
            var proceed = op.Kind == SyntaxKind.AmpersandAmpersandToken
                ? IsTrue(status, elements[i - 1])
                : !IsTrue(status, elements[i - 1]);
            if (proceed)
            {
                status = Execute(next);
            }
        }

        return status;
    }

    /// <summary>Turns an exit status into a branch; an unknown one becomes a recorded assumption.</summary>
    private bool IsTrue(int? status, SyntaxElement condition)
        => status switch
        {
            0 => true,
            null => Decide($"`{Shorten(condition.ToString())}` succeeds", condition),
            _ => false,
        };

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    private int? ExecuteIf(IfCommandSyntax command, bool atBase)
    {
        if (IsTrue(ExecuteStatements(command.Condition), ConditionNode(command.Condition, command)))
        {
            return ExecuteBranch(command.Statements, atBase);
        }

        foreach (var clause in command.ElseClauses)
        {
            switch (clause)
            {
                case ElifClauseSyntax elif when IsTrue(ExecuteStatements(elif.Condition), ConditionNode(elif.Condition, elif)):
                    return ExecuteBranch(elif.Statements, atBase);
                case ElseClauseSyntax elseClause:
                    return ExecuteBranch(elseClause.Statements, atBase);
            }
        }

        return 0;
    }

    private int? ExecuteBranch(SyntaxList<StatementSyntax> statements, bool atBase)
        => atBase ? ExecuteBase(statements, null, 0) : ExecuteStatements(statements);

    private static SyntaxElement ConditionNode(SyntaxList<StatementSyntax> condition, SyntaxNode owner)
        => condition.Count > 0 ? condition[^1].Command : owner;

    private int? ExecuteCase(CaseCommandSyntax command)
    {
        var subject = ExpandToValue(command.Subject);
        var fallThrough = false;
        foreach (var item in command.Items)
        {
            var matched = fallThrough;
            foreach (var pattern in item.PatternWords)
            {
                if (matched)
                {
                    break;
                }

                var patternValue = ExpandPattern(pattern);
                matched = (subject.KnownText, patternValue) switch
                {
                    ({ } text, { } glob) => Glob.Matches(glob, text),
                    _ => Decide($"`{Shorten(command.Subject.ToString())}` matches `{pattern}`", pattern),
                };
                if (ModuleListCheck.ModuleOf(command, pattern) is { } required)
                {
                    matched = matched ? FoundInModuleLists(required, pattern) : RequiredModuleConfigured(required, pattern);
                }
            }

            if (matched)
            {
                return ExecuteStatements(item.Statements);
            }
        }

        return 0;
    }

    private int? ExecuteFor(ForCommandSyntax command)
    {
        var items = command.InKeyword is null
            ? [.. _state.Positional]
            : ExpandFields(command.Words);
        int? status = 0;
        foreach (var item in items)
        {
            Step(command);
            Set(command.Name.Text, item);
            if (!RunLoopBody(command.Statements, ref status))
            {
                break;
            }
        }

        return status;
    }

    private int? ExecuteWhile(WhileCommandSyntax command)
    {
        int? status = 0;
        while (true)
        {
            Step(command);
            var holds = IsTrue(ExecuteStatements(command.Condition), ConditionNode(command.Condition, command));
            if (holds != (command.Kind == SyntaxKind.WhileCommand))
            {
                return status;
            }

            if (!RunLoopBody(command.Statements, ref status))
            {
                return status;
            }
        }
    }

    /// <summary>Runs one iteration; false when the loop ends (<c>break</c>). An outer loop's <c>break N</c> or <c>continue N</c> goes on up.</summary>
    private bool RunLoopBody(SyntaxList<StatementSyntax> body, ref int? status)
    {
        try
        {
            status = ExecuteStatements(body);
            return true;
        }
        catch (LoopControlException control)
        {
            if (--control.Levels > 0)
            {
                throw;
            }

            return control.IsContinue;
        }
    }

    private void WriteOutput(ShellValue value)
    {
        if (_outputs.Count > 0)
        {
            _outputs.Peek().Append(value);
        }
    }

    /// <summary>Runs <paramref name="body"/> in a subshell with its output captured, as <c>$(...)</c> does.</summary>
    private ShellValue Capture(Func<int?> body)
    {
        _outputs.Push(new ShellValue.Builder());
        ShellValue output;
        try
        {
            _state.LastStatus = RunInSubshell(body);
        }
        finally
        {
            output = _outputs.Pop().ToValue();
        }

        return output;
    }
}

/// <summary>What the evaluator needs to know besides the script.</summary>
internal sealed record EvaluationSettings(
    string ModuleDirectory,
    LinkMode Link,
    IReadOnlyDictionary<string, string> InitialGlobals,
    int MaxSteps = 200_000,
    int MaxWorlds = 64,
    Func<string, string?>? ReadNginxFile = null)
{
    /// <summary>The settings of an evaluation against <paramref name="reference"/>: its globals, and its own files for the scripts of nginx's source tree.</summary>
    public static EvaluationSettings Against(ReferenceBuild reference, string moduleDirectory, LinkMode link, int maxSteps = 200_000)
        => new(moduleDirectory, link, reference.Globals, maxSteps, ReadNginxFile: reference.ReadFile);

    /// <summary>The modules configure sources before this one (<c>--add-module</c> options given earlier), in order.</summary>
    public ImmutableArray<ConfiguredModule> ConfiguredFirst { get; init; } = [];

    /// <summary>
    /// True (the default): a world starts at the statement where it parts from the world that queued
    /// it (<see cref="WorldSnapshot"/>). False: every world runs the config from the beginning, which
    /// gives the same worlds more slowly (the tests compare the two).
    /// </summary>
    public bool StartWorldsWhereTheyPart { get; init; } = true;

    /// <summary>
    /// True (the default): the worlds share what they compute alike from equal values
    /// (<see cref="ValueMemo"/>). False: each world computes it for itself, which gives the same worlds
    /// more slowly (the tests compare the two).
    /// </summary>
    public bool ShareValuesAcrossWorlds { get; init; } = true;

    /// <summary>
    /// Where the worlds of this evaluation leave, and find, the points every link mode reaches alike
    /// (<see cref="LinkNeutralStarts"/>): the same for the evaluations of one config in its link
    /// modes. Null: every world runs from its own start. Not used with <see cref="ConfiguredFirst"/>
    /// (the modules configured first register themselves per link mode).
    /// </summary>
    public LinkNeutralStarts? LinkNeutralStarts { get; init; }

    /// <summary>
    /// The module files the config sources, parsed once for the evaluations of one module directory (<see cref="Evaluation.SourcedFiles"/>).
    /// Null: every world parses what it sources.
    /// </summary>
    public SourcedFiles? SourcedFiles { get; init; }
}

/// <summary>A module configured before the one evaluated: its directory (its <c>ngx_addon_dir</c>) and its parsed config.</summary>
internal sealed record ConfiguredModule(string Directory, SyntaxTree Config);

/// <summary>The facts a run gathers besides the final variables.</summary>
internal sealed class EvaluationRecord
{
    public List<AutoModuleCall> AutoModuleCalls { get; } = [];

    public List<DefineFact> Defines { get; } = [];

    public List<UnknownValue> Unknowns { get; } = [];

    public List<CommandFact> Commands { get; } = [];

    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>The <c>USE_*</c> switches the config (or auto/module for it) set, even to the value they had.</summary>
    public Dictionary<string, Location?> UseSwitches { get; } = new(StringComparer.Ordinal);

    /// <summary>Variables read from the environment of configure (unknown), and where.</summary>
    public List<(string Name, Location Location)> EnvironmentReads { get; } = [];

    /// <summary>The checks that another module is in configure's module lists, in order.</summary>
    public List<RequiredModule> RequiredModules { get; } = [];

    /// <summary>The files the config writes through a redirection (<c>echo ... &gt; FILE</c>), as named, in order.</summary>
    public List<RedirectionFact> Redirections { get; } = [];

    public bool Incomplete { get; set; }

    /// <summary>
    /// What the record holds now, as the lengths of its lists (they are only ever appended to, so the
    /// facts it holds now stay their first items) and a copy of the few <c>USE_*</c> switches, in the
    /// order they were set. A copy of the whole record at every statement where a world may start
    /// took time quadratic in the length of a config.
    /// </summary>
    public RecordMark Mark() => new(
        this,
        AutoModuleCalls.Count,
        Defines.Count,
        Unknowns.Count,
        Commands.Count,
        Diagnostics.Count,
        EnvironmentReads.Count,
        RequiredModules.Count,
        Redirections.Count,
        [.. UseSwitches],
        Incomplete);
}

/// <summary>A record as it was when <see cref="EvaluationRecord.Mark"/> was called: how many facts each of its lists held then.</summary>
internal sealed record RecordMark(
    EvaluationRecord Record,
    int AutoModuleCalls,
    int Defines,
    int Unknowns,
    int Commands,
    int Diagnostics,
    int EnvironmentReads,
    int RequiredModules,
    int Redirections,
    ImmutableArray<KeyValuePair<string, Location?>> UseSwitches,
    bool Incomplete)
{
    /// <summary>A new record holding what the marked record held at the mark, to change apart from it.</summary>
    public EvaluationRecord Copy()
    {
        var copy = new EvaluationRecord { Incomplete = Incomplete };
        CopyFirst(Record.AutoModuleCalls, AutoModuleCalls, copy.AutoModuleCalls);
        CopyFirst(Record.Defines, Defines, copy.Defines);
        CopyFirst(Record.Unknowns, Unknowns, copy.Unknowns);
        CopyFirst(Record.Commands, Commands, copy.Commands);
        CopyFirst(Record.Diagnostics, Diagnostics, copy.Diagnostics);
        CopyFirst(Record.EnvironmentReads, EnvironmentReads, copy.EnvironmentReads);
        CopyFirst(Record.RequiredModules, RequiredModules, copy.RequiredModules);
        CopyFirst(Record.Redirections, Redirections, copy.Redirections);
        foreach (var (name, location) in UseSwitches)
        {
            copy.UseSwitches[name] = location;
        }

        return copy;
    }

    /// <summary>A span's copy, not an enumeration: a world that starts at a snapshot copies the facts before it, hundreds in a long config.</summary>
    private static void CopyFirst<T>(List<T> from, int count, List<T> to) => to.AddRange(CollectionsMarshal.AsSpan(from)[..count]);
}

/// <summary>The result of one run.</summary>
internal sealed record WorldResult(ShellState State, ImmutableArray<Assumption> Assumptions, bool Exited, int? ExitStatus, EvaluationRecord Record)
{
    /// <summary>Where the config ran <c>exit</c>, when it did.</summary>
    public Location? ExitLocation { get; init; }

    /// <summary>configure's variables just before it sourced the module's config: the reference build's, and what the modules configured first added.</summary>
    public required NameMap<ShellValue> Before { get; init; }
}
