using System.ComponentModel;
using System.Diagnostics;

namespace ConfigConvert.Verification.Nginx;

/// <summary>
/// Holds a shared configure (<see cref="ConfigureBranches"/>) to the time limit each whole configure it stands for
/// has: its shared part must end within the limit, and each build within the limit from when the build starts. A
/// build over its limit is stopped with every process under it, and the script goes on with the next build; a shared
/// part over its limit stops the whole script. The script tells where it is by files: <c>TREE.pid</c> when a build
/// starts (the id of its subshell), <c>TREE.status</c> when it ends, and the shared part's done file.
/// </summary>
internal sealed class BranchWatch : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly TimeSpan _limit;
    private readonly string _sharedPartDone;
    private readonly IReadOnlyList<string> _trees;
    private readonly Dictionary<string, DateTime> _buildStarted = new(StringComparer.Ordinal);
    private readonly HashSet<string> _stopped = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private (int Id, DateTime Since)? _script;
    private bool _sharedPartStopped;
    private bool _disposed;

    public BranchWatch(TimeSpan limit, string sharedPartDone, IReadOnlyList<string> trees)
    {
        (_limit, _sharedPartDone, _trees) = (limit, sharedPartDone, trees);
        _timer = new Timer(_ => Look(), null, Interval, Interval);
    }

    /// <summary>True when the shared part ran over its limit and the script was stopped.</summary>
    public bool SharedPartStopped
    {
        get
        {
            lock (_gate)
            {
                return _sharedPartStopped;
            }
        }
    }

    /// <summary>Starts watching the script, whose process is <paramref name="processId"/>.</summary>
    public void Started(int processId)
    {
        lock (_gate)
        {
            _script = (processId, DateTime.UtcNow);
        }
    }

    /// <summary>True when the build configured in <paramref name="tree"/> ran over its limit and was stopped.</summary>
    public bool Stopped(string tree)
    {
        lock (_gate)
        {
            return _stopped.Contains(tree);
        }
    }

    /// <summary>Stops watching: once the script has ended, an id it wrote may be another process's. What was stopped stays readable.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
        }

        _timer.Dispose();
    }

    private void Look()
    {
        lock (_gate)
        {
            if (_disposed || _sharedPartStopped || _script is not { } script)
            {
                return;
            }

            var now = DateTime.UtcNow;
            if (!File.Exists(_sharedPartDone))
            {
                if (now - script.Since > _limit)
                {
                    _sharedPartStopped = true;
                    StopTree(script.Id);
                }

                return;
            }

            foreach (var tree in _trees.Where(t => !_stopped.Contains(t) && !File.Exists(t + ".status")))
            {
                LookAtBuild(tree, now);
            }
        }
    }

    private void LookAtBuild(string tree, DateTime now)
    {
        if (ReadId(tree + ".pid") is not { } build)
        {
            return;
        }

        if (!_buildStarted.TryGetValue(tree, out var since))
        {
            _buildStarted[tree] = now;
        }
        else if (now - since > _limit)
        {
            _stopped.Add(tree);
            StopTree(build);
        }
    }

    private static int? ReadId(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return int.TryParse(File.ReadAllText(path).Trim(), out var id) ? id : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    // The process and everything it started: configure's compiler runs, or whatever the module's config started.
    private static void StopTree(int id)
    {
        try
        {
            using var process = Process.GetProcessById(id);
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException or AggregateException)
        {
            // It ended on its own meanwhile, or a part of its tree could not be stopped: an exception here, on the
            // timer's thread, would end the process.
        }
    }
}
