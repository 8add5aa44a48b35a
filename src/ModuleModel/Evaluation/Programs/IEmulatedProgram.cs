using System.Collections.Immutable;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// A program that configs run and that the evaluator runs itself, on plain text, instead of leaving
/// its output unknown. Each one says what it writes and its exit status, or that this use of it
/// cannot be known; it never guesses.
/// </summary>
internal interface IEmulatedProgram
{
    ProgramResult Run(ProgramCall call);
}

/// <summary>What a program is given.</summary>
/// <param name="Arguments">The arguments after the program's name; null where an argument is not known.</param>
/// <param name="Input">Standard input (empty when nothing is piped in); null when it is not known.</param>
/// <param name="ReadFile">The text of a file by its path: one of the module directory, or one of nginx's that the reference build knows (a path relative to nginx's tree, such as <c>src/core/nginx.h</c>); null for any other file.</param>
internal sealed record ProgramCall(IReadOnlyList<string?> Arguments, string? Input, Func<string, string?> ReadFile)
{
    /// <summary>The arguments, when every one is known; otherwise null.</summary>
    public IReadOnlyList<string>? KnownArguments => Arguments.Any(a => a is null) ? null : [.. Arguments.Select(a => a!)];
}

/// <summary>A piece of what a program writes.</summary>
internal abstract record OutputPart
{
    private OutputPart()
    {
    }

    /// <summary>Text the program made. It is placed at the command, or at the argument it was made from.</summary>
    public sealed record Text(string Value, int? FromArgument = null) : OutputPart;

    /// <summary>An argument written as it was given, known or not (echo).</summary>
    public sealed record Argument(int Index) : OutputPart;

    /// <summary>Standard input written as it was given, known or not (cat).</summary>
    public sealed record Input : OutputPart;

    /// <summary>Output that cannot be known, and why; without a reason, it is "the output of" the command.</summary>
    public sealed record Unknown(string? Reason = null) : OutputPart;
}

/// <summary>What a program wrote and its exit status (null: not known).</summary>
internal sealed class ProgramResult
{
    private ProgramResult(ImmutableArray<OutputPart> output, int? status, bool emulated)
    {
        Output = output;
        Status = status;
        IsEmulated = emulated;
    }

    /// <summary>This use of the program is not emulated: the evaluator treats it as any program it does not know.</summary>
    public static ProgramResult NotEmulated { get; } = new([], null, emulated: false);

    /// <summary>The program's output and status depend on what is not known (an argument, its input, an option it does not emulate).</summary>
    public static ProgramResult CannotKnow { get; } = new([new OutputPart.Unknown()], null, emulated: true);

    public ImmutableArray<OutputPart> Output { get; }

    public int? Status { get; }

    public bool IsEmulated { get; }

    public static ProgramResult Written(string text, int status = 0) => new([new OutputPart.Text(text)], status, emulated: true);

    public static ProgramResult Of(IEnumerable<OutputPart> output, int? status) => new([.. output], status, emulated: true);
}
