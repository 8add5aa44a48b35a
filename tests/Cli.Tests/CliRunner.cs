namespace ConfigConvert.Cli.Tests;

/// <summary>Runs the tool in-process with captured output.</summary>
internal static class CliRunner
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunOn(terminal: false, color: false, args);

    /// <summary>As <see cref="Run(string[])"/>, with a console that says whether it is a terminal.</summary>
    public static Result Run(bool isTerminal, params string[] args) => RunOn(isTerminal, color: false, args);

    /// <summary>Runs with output that is (or is not) a terminal, with (or without) colour.</summary>
    public static Result RunOn(bool terminal, bool color, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApplication.Run(args, new CliConsole(output, error) { IsTerminal = terminal, UseColor = color, ShowsProgress = terminal });
        return new Result(code, output.ToString(), error.ToString());
    }
}

/// <summary>A temporary directory removed after the test.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cc-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relativePath, string content)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
