using System.Globalization;
using System.Text;

namespace ConfigConvert.Verification.Processes;

/// <summary>Runs the programs of one verification with the same time limit, numbering their log files when logs are kept.</summary>
internal sealed class ProcessRunner(TimeSpan timeout, string? logDirectory, CancellationToken cancellationToken)
{
    // Each program the caller stops runs a little past its limit (until the caller looks, and while it is stopped):
    // the whole must not be stopped first.
    private static readonly TimeSpan OnBehalfMargin = TimeSpan.FromMinutes(1);

    private int _count;

    /// <summary>Variables set in the environment of every program run (those configs read, such as a library's path).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How long each program may run.</summary>
    public TimeSpan Timeout => timeout;

    public ProcessRun Run(string label, string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        var logFile = NextLogFile(label);
        return ChildProcess.Run(new ProcessSpec(label, program, arguments, workingDirectory) { Environment = Environment }, timeout, logFile, cancellationToken);
    }

    /// <summary>
    /// Runs a program that does the work of <paramref name="programs"/> programs and keeps no log of its own: the runs it
    /// stands for are given to <see cref="Record"/>. Holding each of them to the time limit is the caller's, given the
    /// process's id (<paramref name="started"/>); the program as a whole is stopped when their limits added up, and a
    /// minute more, are over.
    /// </summary>
    public ProcessRun RunOnBehalf(string label, string program, IReadOnlyList<string> arguments, string workingDirectory, int programs, Action<int> started)
        => ChildProcess.Run(new ProcessSpec(label, program, arguments, workingDirectory) { Environment = Environment }, (timeout * Math.Max(1, programs)) + OnBehalfMargin, null, cancellationToken, started);

    /// <summary>Numbers <paramref name="run"/> as <see cref="Run"/> numbers its runs and writes its log when logs are kept.</summary>
    public ProcessRun Record(ProcessRun run)
    {
        if (NextLogFile(run.Label) is not { } logFile)
        {
            return run;
        }

        File.WriteAllText(logFile, run.Output, new UTF8Encoding(false));
        return run with { LogFile = logFile };
    }

    // Every run takes the next number, whether or not logs are kept.
    private string? NextLogFile(string label)
    {
        _count++;
        return logDirectory is null ? null : Path.Combine(logDirectory, _count.ToString("00", CultureInfo.InvariantCulture) + "-" + FileName(label) + ".log");
    }

    private static string FileName(string label)
    {
        // "configure --add-module (original config)" becomes configure-add-module-original-config.
        var name = new StringBuilder();
        foreach (var c in label)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        return name.ToString().TrimEnd('-');
    }
}
