using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>The variables, functions and positional parameters of the shell that runs a config.</summary>
internal sealed class ShellState
{
    public Dictionary<string, ShellValue> Variables { get; private init; } = new(StringComparer.Ordinal);

    public Dictionary<string, ShellFunction> Functions { get; private init; } = new(StringComparer.Ordinal);

    public List<ShellValue> Positional { get; private set; } = [];

    public int? LastStatus { get; set; } = 0;

    /// <summary>A copy, for a subshell: what it changes is lost when it ends.</summary>
    public ShellState Clone() => new()
    {
        Variables = new Dictionary<string, ShellValue>(Variables, StringComparer.Ordinal),
        Functions = new Dictionary<string, ShellFunction>(Functions, StringComparer.Ordinal),
        Positional = [.. Positional],
        LastStatus = LastStatus,
    };

    public void SetPositional(IEnumerable<ShellValue> values) => Positional = [.. values];
}

/// <summary>A function defined by the script, with the tree it was written in (for locations).</summary>
internal sealed record ShellFunction(FunctionDefinitionSyntax Syntax, SyntaxTree Tree);
