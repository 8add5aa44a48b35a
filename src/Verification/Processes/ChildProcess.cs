using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using CliWrap;

namespace ConfigConvert.Verification.Processes;

/// <summary>
/// Runs one program to its end with a timeout, standard input closed (configure must not wait for an answer), and
/// standard output and error into one file, in the order they came, as a terminal would show them: the log file when
/// logs are kept, a temporary file otherwise. A file rather than a pipe, because the run is over when the program is:
/// a process it leaves running in the background (a config's <c>cmd &amp;</c>, a module that starts a helper when
/// nginx -t loads it) keeps what it inherited open, and a pipe held open would keep the run waiting until the time
/// limit, and report it stopped there. What the program leaves running is stopped once it ends (<see cref="RunMark"/>):
/// a verification must not leave processes behind it, working in a directory it then deletes.
/// </summary>
internal static class ChildProcess
{
    // The report keeps the end of a log; a runaway program must not fill the memory.
    private const int MaxKeptCharacters = 4 * 1024 * 1024;

    private const string DroppedNote = "[the beginning of the output was dropped; see the log file]\n";

    // Puts the output file (the first argument) in place of the shell's standard output and error, for good, and
    // becomes the program: its process is the one started, and it holds no pipe of this process.
    private const string Redirect = "output=$1; shift; exec \"$@\" > \"$output\" 2>&1";

    /// <summary>
    /// Runs the program of <paramref name="spec"/>; a program that cannot start or runs too long gives a failed run, not
    /// an exception (only a log file that cannot be written throws, an <see cref="IOException"/> of the work directory).
    /// <paramref name="started"/> is given the process's id once it runs.
    /// </summary>
    public static ProcessRun Run(ProcessSpec spec, TimeSpan timeout, string? logFile, CancellationToken cancellationToken, Action<int>? started = null)
    {
        var clock = Stopwatch.StartNew();
        var problem = StartProblem(spec);
        var output = problem is null ? OutputFile(logFile, out problem) : null;
        if (output is null)
        {
            return new ProcessRun(spec.Label, spec.Program, [.. spec.Arguments], spec.WorkingDirectory, null, false, problem, clock.Elapsed, string.Empty, logFile);
        }

        try
        {
            var (exitCode, timedOut, startError) = Execute(spec, output, timeout, cancellationToken, started);
            var text = File.Exists(output) ? KeptTail(output) : string.Empty;
            if (timedOut)
            {
                var note = TimeLimitNote(timeout) + "\n";
                File.AppendAllText(output, note, new UTF8Encoding(false));
                text += note;
            }

            return new ProcessRun(spec.Label, spec.Program, [.. spec.Arguments], spec.WorkingDirectory, exitCode, timedOut, startError, clock.Elapsed, text, logFile);
        }
        finally
        {
            if (logFile is null)
            {
                File.Delete(output);
            }
        }
    }

    // The file the output goes to. The log is made here, before the program runs, so that a log that cannot be written
    // is the work directory's I/O error; a temporary file that cannot be made (a full disk) makes a run that cannot start.
    private static string? OutputFile(string? logFile, out string? problem)
    {
        problem = null;
        if (logFile is not null)
        {
            File.WriteAllBytes(logFile, []);
            return logFile;
        }

        try
        {
            return Path.GetTempFileName();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot make a file for its output: {e.Message}";
            return null;
        }
    }

    private static (int? ExitCode, bool TimedOut, string? StartError) Execute(ProcessSpec spec, string output, TimeSpan timeout, CancellationToken cancellationToken, Action<int>? started)
    {
        var mark = new RunMark();
        var environment = spec.Environment.ToDictionary(v => v.Key, v => (string?)v.Value);
        environment[RunMark.Variable] = mark.Value;
        var command = Cli.Wrap("/bin/sh")
            .WithArguments(["-c", Redirect, "sh", output, spec.Program, .. spec.Arguments])
            .WithWorkingDirectory(spec.WorkingDirectory)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Null);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var running = command.ExecuteAsync(deadline.Token);
            started?.Invoke(running.ProcessId);
            return (running.Task.GetAwaiter().GetResult().ExitCode, false, null);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, true, null);
        }
        catch (Win32Exception e)
        {
            return (null, false, e.Message);
        }
        catch (InvalidOperationException e) when (e.InnerException is Win32Exception inner)
        {
            return (null, false, inner.Message);
        }
        finally
        {
            // Also when the run was stopped (its time limit, Ctrl-C): stopping its tree leaves out what init was given.
            mark.StopMarked();
        }
    }

    // The shell would report a program it cannot find as its own failure (exit 127): found as the shell finds it,
    // by its path, or in PATH for a bare name.
    private static string? StartProblem(ProcessSpec spec)
    {
        var path = spec.Environment.TryGetValue("PATH", out var own) ? own : Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        var found = spec.Program.Contains('/')
            ? File.Exists(Path.Combine(spec.WorkingDirectory, spec.Program))
            : path.Split(':', StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, spec.Program)));
        return found ? null : $"{spec.Program}: no such file or directory";
    }

    /// <summary>The line that ends the output of a program stopped at <paramref name="limit"/>.</summary>
    public static string TimeLimitNote(TimeSpan limit) => $"[stopped after {limit.TotalSeconds:0} s: over the time limit]";

    /// <summary>
    /// A file a program wrote its output to, as a run keeps output: one line feed after each line, and past the limit
    /// only the end, so that a program that never stops printing cannot fill the memory.
    /// </summary>
    public static string KeptTail(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
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
}

/// <summary>A program to run: what it is called in the report, the program, its arguments and where it runs.</summary>
internal sealed record ProcessSpec(string Label, string Program, IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Variables set in the program's environment besides those it inherits (a module's <c>LUAJIT_INC</c>, say).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
