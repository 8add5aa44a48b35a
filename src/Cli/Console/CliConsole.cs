namespace ConfigConvert.Cli;

/// <summary>Where the tool writes; tests give it string writers.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error)
{
    /// <summary>The process's standard output and error.</summary>
    public static CliConsole System { get; } = new(Console.Out, Console.Error);

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;
}
