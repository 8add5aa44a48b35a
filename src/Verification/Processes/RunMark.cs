using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConfigConvert.Verification.Processes;

/// <summary>
/// What one run of a program leaves running when it ends, found by a variable of its own in the environment every
/// process it starts inherits: a config's <c>cmd &amp;</c>, a build that goes on alone after a config stopped the
/// configure it shares (<c>kill $$</c>), a helper a module starts when <c>nginx -t</c> loads it. Found neither by the
/// process tree, which gives such processes to init when their parent ends; nor by the process group, which the
/// program must share with this process for Ctrl-C to reach it; nor by the working directory, which a user's shell in a
/// kept directory may share. A process that empties its environment (<c>env -i</c>) is not found. Linux (the
/// environment as <c>/proc/ID/environ</c> shows it); elsewhere nothing is found.
/// </summary>
internal sealed class RunMark
{
    /// <summary>The variable set in the program's environment.</summary>
    public const string Variable = "CONFIGCONVERT_RUN_MARK";

    // A process may start another while the one before it is being stopped: the search is made again until it finds
    // none, a bounded number of times (a process that forks without end is not a program this runs).
    private const int MaxSearches = 50;

    // /proc/ID/stat, counted from the field after the name (field 3, the state) as 0: field 22 is 19.
    private const int StartTimeField = 19;
    private static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(10);

    private readonly byte[] _entry;

    public RunMark()
    {
        Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _entry = Encoding.ASCII.GetBytes(Variable + "=" + Value);
    }

    /// <summary>The variable's value, random, so that no other run has it.</summary>
    public string Value { get; }

    /// <summary>Stops every process that has the mark in its environment; call it once the program has ended.</summary>
    public void StopMarked()
    {
        for (var search = 0; search < MaxSearches; search++)
        {
            var marked = Marked().ToList();
            if (marked.Count == 0)
            {
                return;
            }

            marked.ForEach(p => Stop(p.Id, p.Started));
            Thread.Sleep(Pause);
        }
    }

    // Each marked process with its start time, read before its environment: the id alone may be another process's by
    // the time it is stopped (Stop checks the start time again).
    private IEnumerable<(int Id, string Started)> Marked()
    {
        if (!Directory.Exists("/proc"))
        {
            return [];
        }

        return Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0 && id != Environment.ProcessId)
            .Select(id => (Id: id, Started: StartTime(id)))
            .Where(p => p.Started is not null && HasMark(p.Id))
            .Select(p => (p.Id, p.Started!));
    }

    // The 22nd field of /proc/ID/stat, the time the process started (in clock ticks after boot): with the id, it names
    // one process. The name (field 2) may hold spaces and parentheses, so the fields are counted after its last ')'.
    private static string? StartTime(int id)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > StartTimeField ? fields[StartTimeField] : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    // An environment is NUL-separated NAME=VALUE entries; a process that has ended (a zombie) shows none.
    private bool HasMark(int id)
    {
        byte[] environment;
        try
        {
            environment = File.ReadAllBytes($"/proc/{id}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Ended meanwhile, or another user's.
            return false;
        }

        var rest = environment.AsSpan();
        while (rest.Length > 0)
        {
            var end = rest.IndexOf((byte)0);
            var entry = end < 0 ? rest : rest[..end];
            if (entry.SequenceEqual(_entry))
            {
                return true;
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return false;
    }

    // Only the process found: one that ended meanwhile, its id given to another, has another start time. (The window
    // left, between this look and the kill, is a few microseconds against the system's cycle through every id.)
    private static void Stop(int id, string started)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            if (StartTime(id) == started)
            {
                process.Kill();
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // It ended on its own meanwhile, or cannot be stopped by this user.
        }
    }
}
