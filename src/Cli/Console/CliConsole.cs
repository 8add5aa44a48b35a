namespace ConfigConvert.Cli;

/// <summary>Where the tool writes, and what the output is: tests give it string writers and say whether it is a terminal.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    /// <summary>The process's standard output and error; a terminal unless output is redirected, in colour where the terminal has it and <c>NO_COLOR</c> is unset.</summary>
    public static CliConsole System { get; } = OpenSystem();

    private static CliConsole OpenSystem()
    {
        var output = GuardedWriter.Open(Console.IsOutputRedirected ? BufferedStandardOutput : () => Console.Out);
        return new(output, GuardedWriter.Open(() => Console.Error, flushFirst: output))
        {
            IsTerminal = !Console.IsOutputRedirected,
            UseColor = !Console.IsOutputRedirected && TerminalColor.Supported(Environment.GetEnvironmentVariable),
            ShowsProgress = !Console.IsOutputRedirected && !Console.IsErrorRedirected,
        };
    }

    /// <summary>
    /// Standard output sent to a file or a pipe, written in blocks as C's stdio writes it rather than a system call per
    /// line (a quarter of a <c>describe</c> of a large module went to writing its lines one by one). Standard error, which
    /// a person may watch beside it, flushes it before each write (<see cref="GuardedWriter.Open"/>), so that the two
    /// keep their order in one file (<c>2&gt;&amp;1</c>); the run flushes it when it ends. A terminal is written line by line.
    /// Like <see cref="Console.Out"/>, it may be written from any thread.
    /// </summary>
    private static TextWriter BufferedStandardOutput()
        => TextWriter.Synchronized(new StreamWriter(Console.OpenStandardOutput(), Console.Out.Encoding, bufferSize: 1 << 16) { AutoFlush = false });

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when standard output is a terminal that a person reads: text output shows source lines and carets.</summary>
    public bool IsTerminal { get; init; }

    /// <summary>True when the terminal shows colours and the user has not switched them off.</summary>
    public bool UseColor { get; init; }

    /// <summary>True when a person watches both standard output and standard error: only then is progress drawn (on standard error).</summary>
    public bool ShowsProgress { get; init; }
}

/// <summary>Whether a terminal gets colour: not when <c>NO_COLOR</c> is set to anything (no-color.org), nor on a dumb terminal.</summary>
internal static class TerminalColor
{
    public static bool Supported(Func<string, string?> environment)
        => string.IsNullOrEmpty(environment("NO_COLOR")) && environment("TERM") is not (null or "" or "dumb");
}
