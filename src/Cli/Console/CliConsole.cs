namespace ConfigConvert.Cli;

/// <summary>Where the tool writes; tests give it string writers, and say whether it is a terminal.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool isTerminal = false)
{
    /// <summary>The process's standard output and error; a terminal when neither is redirected.</summary>
    public static CliConsole System { get; } = new(Console.Out, Console.Error, !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when a person watches the output: progress is shown (on standard error) only then.</summary>
    public bool IsTerminal { get; } = isTerminal;
}
