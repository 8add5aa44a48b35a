using ConfigConvert.Diagnostics;

namespace ConfigConvert.ModuleModel.Evaluation;

// Control flow of the evaluated script. Exceptions keep the interpreter's recursion simple; they are
// thrown at most once per `exit`, `return`, `break` or `continue` the script runs.

/// <summary>The script ran <c>exit</c>: configure stops.</summary>
internal sealed class ScriptExitException(int? status, Location? where = null) : Exception("exit")
{
    public int? Status { get; } = status;

    /// <summary>The <c>exit</c> command, when the script ran one (not when the shell itself stopped).</summary>
    public Location? Where { get; } = where;
}

/// <summary><c>return</c> from a function or a sourced file.</summary>
internal sealed class ScriptReturnException(int? status) : Exception("return")
{
    public int? Status { get; } = status;
}

/// <summary><c>break N</c> or <c>continue N</c>.</summary>
internal sealed class LoopControlException(bool isContinue, int levels) : Exception("loop control")
{
    public bool IsContinue { get; } = isContinue;

    public int Levels { get; set; } = levels;
}

/// <summary>The evaluation ran out of its step budget (a loop that does not end, for example).</summary>
internal sealed class StepLimitException(ConfigConvert.Diagnostics.Location? where) : Exception("step limit")
{
    public ConfigConvert.Diagnostics.Location? Where { get; } = where;
}
