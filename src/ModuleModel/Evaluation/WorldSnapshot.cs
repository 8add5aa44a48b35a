using System.Collections.Immutable;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// A world's whole state just before a statement at the base of the config (its top level, or a
/// branch of an <c>if</c> or a <c>{ }</c> group there): where a world that differs only by choices
/// made from there on can start, instead of running the config again from the beginning to reach
/// it. The run from a statement onwards depends on nothing but this state and the choices, so both
/// ways give the same world. Never changed: a world that starts here copies what it will change, and its immutable
/// parts are shared with the world that took it.
/// </summary>
internal sealed class WorldSnapshot
{
    /// <summary>The statement lists from the config's top level down, each with the statement about to run.</summary>
    public required ImmutableArray<(SyntaxList<StatementSyntax> Statements, int Index)> Path { get; init; }

    public required ShellState State { get; init; }

    /// <summary>The facts gathered so far: the first facts of the record of the world that took the snapshot, which it goes on appending to.</summary>
    public required RecordMark Record { get; init; }

    /// <summary>The environment variables read so far, each one unknown value.</summary>
    public required NameMap<ShellValue> Environment { get; init; }

    /// <summary>Where the config's commands run (<c>cd</c>).</summary>
    public required WorkingDirectory Directory { get; init; }

    /// <summary>The steps spent to get here, which count against a world's budget as if it had run them.</summary>
    public required int Steps { get; init; }

    /// <summary>The choices made before this statement (a prefix of the choices of any world that starts here).</summary>
    public required ImmutableArray<Assumption> Assumptions { get; init; }

    /// <summary>configure's variables just before it sourced the config.</summary>
    public required NameMap<ShellValue> Before { get; init; }

    /// <summary>
    /// True when the world had not yet read or written a variable that depends on the link mode, nor
    /// asked whether <c>auto/module</c> exists: the same snapshot, with those variables put back as
    /// configure sets them, is where a world of another link mode is (<see cref="LinkNeutralStarts"/>).
    /// </summary>
    public bool LinkNeutral { get; init; }
}
