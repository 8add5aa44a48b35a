using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace ConfigConvert.Verification.Processes;

/// <summary>
/// Runs one program to its end with a timeout, standard input closed (configure must not wait for
/// an answer) and standard output and error interleaved into one log, as a terminal would show them.
/// </summary>
internal sealed class ChildProcess
{
    // The report keeps the end of a log; a runaway program must not fill the memory.
    private const int MaxKeptCharacters = 4 * 1024 * 1024;

    private const string DroppedNote = "[the beginning of the output was dropped; see the log file]\n";

    private readonly StringBuilder _output = new();
    private readonly StreamWriter? _log;
    private readonly Lock _gate = new();
    private bool _truncated;

    private ChildProcess(string? logFile)
    {
        if (logFile is not null)
        {
            _log = new StreamWriter(logFile, append: false, new UTF8Encoding(false));
        }
    }

    /// <summary>
    /// Runs the program of <paramref name="spec"/>; a program that cannot start or runs too long gives a failed run, never
    /// an exception. <paramref name="started"/> is given the process's id once it runs.
    /// </summary>
    public static ProcessRun Run(ProcessSpec spec, TimeSpan timeout, string? logFile, CancellationToken cancellationToken, Action<int>? started = null)
    {
        var child = new ChildProcess(logFile);
        try
        {
            return child.Execute(spec, timeout, logFile, cancellationToken, started);
        }
        finally
        {
            child._log?.Dispose();
        }
    }

    private ProcessRun Execute(ProcessSpec spec, TimeSpan timeout, string? logFile, CancellationToken cancellationToken, Action<int>? started)
    {
        var command = Cli.Wrap(spec.Program)
            .WithArguments(spec.Arguments)
            .WithWorkingDirectory(spec.WorkingDirectory)
            .WithEnvironmentVariables(spec.Environment.ToDictionary(v => v.Key, v => (string?)v.Value))
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Append))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(Append));
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var clock = Stopwatch.StartNew();
        int? exitCode = null;
        string? startError = null;
        var timedOut = false;
        try
        {
            var running = command.ExecuteAsync(deadline.Token);
            started?.Invoke(running.ProcessId);
            exitCode = running.Task.GetAwaiter().GetResult().ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            timedOut = true;
            Append(TimeLimitNote(timeout));
        }
        catch (Win32Exception e)
        {
            startError = e.Message;
        }
        catch (InvalidOperationException e) when (e.InnerException is Win32Exception inner)
        {
            startError = inner.Message;
        }

        var output = Snapshot();
        return new ProcessRun(spec.Label, spec.Program, [.. spec.Arguments], spec.WorkingDirectory, exitCode, timedOut, startError, clock.Elapsed, output, logFile);
    }

    /// <summary>The line that ends the output of a program stopped at <paramref name="limit"/>.</summary>
    public static string TimeLimitNote(TimeSpan limit) => $"[stopped after {limit.TotalSeconds:0} s: over the time limit]";

    /// <summary>
    /// A file a program wrote its output to, as <see cref="Run"/> keeps output: one line feed after each line, and past
    /// the limit only the end, so that a program that never stops printing cannot fill the memory.
    /// </summary>
    public static string KeptTail(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read);
        var dropped = file.Length > MaxKeptCharacters;
        if (dropped)
        {
            file.Seek(-MaxKeptCharacters / 2, SeekOrigin.End);
        }

        using var reader = new StreamReader(file, new UTF8Encoding(false));
        var text = new StringBuilder(dropped ? DroppedNote : string.Empty);
        while (reader.ReadLine() is { } line)
        {
            text.Append(line).Append('\n');
        }

        return text.ToString();
    }

    private void Append(string line)
    {
        lock (_gate)
        {
            _log?.WriteLine(line);
            _output.Append(line).Append('\n');
            if (_output.Length > MaxKeptCharacters)
            {
                _output.Remove(0, _output.Length - MaxKeptCharacters / 2);
                _truncated = true;
            }
        }
    }

    private string Snapshot()
    {
        lock (_gate)
        {
            return _truncated ? DroppedNote + _output : _output.ToString();
        }
    }
}

/// <summary>A program to run: what it is called in the report, the program, its arguments and where it runs.</summary>
internal sealed record ProcessSpec(string Label, string Program, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Variables set in the program's environment besides those it inherits (a module's <c>LUAJIT_INC</c>, say).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
