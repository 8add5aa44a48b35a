using System.Globalization;
using System.Text;

namespace ConfigConvert.Verification.Processes;

/// <summary>Runs the programs of one verification with the same time limit, numbering their log files when logs are kept.</summary>
internal sealed class ProcessRunner(TimeSpan timeout, string? logDirectory, CancellationToken cancellationToken)
{
    private int _count;

    /// <summary>Variables set in the environment of every program run (those configs read, such as a library's path).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    public ProcessRun Run(string label, string program, IReadOnlyList<string> arguments, string workingDirectory)
    {
        _count++;
        var logFile = logDirectory is null ? null : Path.Combine(logDirectory, _count.ToString("00", CultureInfo.InvariantCulture) + "-" + FileName(label) + ".log");
        return ChildProcess.Run(new ProcessSpec(label, program, arguments, workingDirectory) { Environment = Environment }, timeout, logFile, cancellationToken);
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
