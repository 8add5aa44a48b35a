using System.Diagnostics;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Tests;

public sealed class ChildProcessTests
{
    private static ProcessRun Run(string script, TimeSpan? timeout = null, string? logFile = null)
        => ChildProcess.Run(new ProcessSpec("test", "/bin/sh", ["-c", script], Path.GetTempPath()), timeout ?? TimeSpan.FromMinutes(1), logFile, CancellationToken.None);

    [Fact]
    public void Output_and_errors_are_kept_in_the_order_they_came_with_the_exit_status()
    {
        // Standard output and error are two pipes read apart: the pause lets the error line be read before the next
        // output line even while other tests load the machine (a tenth of a second was not always enough).
        var run = Run("echo one; echo two >&2; sleep 1; echo three; exit 3");
        Assert.Equal(3, run.ExitCode);
        Assert.False(run.Succeeded);
        Assert.False(run.TimedOut);
        Assert.Equal("one\ntwo\nthree\n", run.Output);
        Assert.Equal(["two", "three"], run.Tail(2));
    }

    [Fact]
    public void Standard_input_is_closed_so_a_program_that_reads_it_does_not_wait()
    {
        var run = Run("read answer; echo \"read status $?\"", TimeSpan.FromSeconds(20));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("read status 1\n", run.Output);
    }

    [Fact]
    public void A_program_over_the_time_limit_is_stopped_with_its_children()
    {
        // The background sleep holds the output pipe open: only killing the whole tree ends the run. The limit leaves
        // the shell time to start and echo on a loaded machine (at 1 s, it sometimes had not yet).
        var clock = Stopwatch.StartNew();
        var run = Run("echo started; sleep 60 & sleep 60; wait", TimeSpan.FromSeconds(5));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
        Assert.True(run.TimedOut);
        Assert.Null(run.ExitCode);
        Assert.False(run.Succeeded);
        Assert.StartsWith("started\n[stopped after 5 s", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_program_is_over_when_it_ends_though_a_process_it_left_running_holds_its_output()
    {
        var ids = Path.GetTempFileName();
        try
        {
            var clock = Stopwatch.StartNew();
            var run = Run($"echo started; sleep 60 & echo $! > {ids}; echo left; exit 3", TimeSpan.FromSeconds(40));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
            Assert.Equal(3, run.ExitCode);
            Assert.False(run.TimedOut);
            Assert.Equal("started\nleft\n", run.Output);
            Assert.All(Ids(ids), id => Assert.False(ProcessState.IsRunning(id), $"{id} is still running"));
        }
        finally
        {
            File.Delete(ids);
        }
    }

    /// <summary>
    /// What a program leaves running is stopped when it ends, wherever it went: a background job, one whose parent
    /// ended (init has it), one in a session of its own and one that changed directory. A process of the same program
    /// that the run did not start goes on.
    /// </summary>
    [Fact]
    public void What_a_program_leaves_running_is_stopped_when_it_ends_and_nothing_else_is()
    {
        var ids = Path.GetTempFileName();
        using var other = Process.Start("sleep", "60");
        try
        {
            var run = Run($"sleep 61 & echo $! >> {ids}; (sleep 62 & echo $! >> {ids}); setsid sleep 63 & echo $! >> {ids}; (cd / && sleep 64 & echo $! >> {ids}); exit 0");

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(4, Ids(ids).Count);
            Assert.All(Ids(ids), id => Assert.False(ProcessState.IsRunning(id), $"{id} is still running"));
            Assert.True(ProcessState.IsRunning(other.Id));
        }
        finally
        {
            other.Kill();
            File.Delete(ids);
        }
    }

    /// <summary>A run stopped by its caller (Ctrl-C) stops what it left running too, beside its process tree.</summary>
    [Fact]
    public void A_run_stopped_by_its_caller_leaves_nothing_running()
    {
        var ids = Path.GetTempFileName();
        using var stop = new CancellationTokenSource();
        try
        {
            var spec = new ProcessSpec("test", "/bin/sh", ["-c", $"(sleep 60 & echo $! >> {ids}); echo waiting >> {ids}.ready; sleep 60"], Path.GetTempPath());
            var running = Task.Run(() => ChildProcess.Run(spec, TimeSpan.FromMinutes(1), null, stop.Token));
            var clock = Stopwatch.StartNew();
            while (!File.Exists(ids + ".ready") && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(50);
            }

            stop.Cancel();

            Assert.ThrowsAny<OperationCanceledException>(() => running.GetAwaiter().GetResult());
            Assert.Single(Ids(ids));
            Assert.All(Ids(ids), id => Assert.False(ProcessState.IsRunning(id), $"{id} is still running"));
        }
        finally
        {
            File.Delete(ids);
            File.Delete(ids + ".ready");
        }
    }

    private static List<int> Ids(string file)
        => [.. File.ReadAllLines(file).Where(l => l.Length > 0).Select(int.Parse)];

    [Fact]
    public void A_program_that_does_not_exist_is_a_failed_run_not_an_exception()
    {
        var run = ChildProcess.Run(new ProcessSpec("missing", "/nonexistent/program", [], Path.GetTempPath()), TimeSpan.FromSeconds(10), null, CancellationToken.None);
        Assert.Null(run.ExitCode);
        Assert.NotNull(run.StartError);
        Assert.False(run.Succeeded);
    }

    [Fact]
    public void The_whole_output_goes_to_the_log_file_when_one_is_given()
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("cc-log-").FullName, "run.log");
        try
        {
            var run = Run("echo out; echo err >&2", logFile: log);
            Assert.Equal(log, run.LogFile);
            Assert.Equal(run.Output, File.ReadAllText(log));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
        }
    }

    [Fact]
    public void A_file_of_output_is_kept_as_a_program_s_output_is()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "one\r\ntwo\nthree");
            Assert.Equal(Run("printf 'one\\r\\ntwo\\nthree'").Output, ChildProcess.KeptTail(file));

            File.WriteAllText(file, string.Concat(Enumerable.Repeat("0123456789abcdef\n", 600_000)) + "last\n");
            var kept = ChildProcess.KeptTail(file);
            Assert.StartsWith("[the beginning of the output was dropped; see the log file]\n", kept, StringComparison.Ordinal);
            Assert.EndsWith("0123456789abcdef\nlast\n", kept, StringComparison.Ordinal);
            Assert.True(kept.Length < 4 * 1024 * 1024, $"{kept.Length} characters kept");
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class ProcessRunnerTests
{
    [Fact]
    public void A_run_made_elsewhere_is_numbered_and_logged_as_runs_are()
    {
        var logs = Directory.CreateTempSubdirectory("cc-logs-").FullName;
        try
        {
            var runner = new ProcessRunner(TimeSpan.FromMinutes(1), logs, CancellationToken.None);
            runner.Run("configure (nginx alone, no module)", "/bin/sh", ["-c", "echo one"], logs);
            var recorded = runner.Record(new ProcessRun("make modules", "make", ["modules"], logs, 0, false, null, TimeSpan.Zero, "two\n", null));
            Assert.Equal(Path.Combine(logs, "02-make-modules.log"), recorded.LogFile);
            Assert.Equal("two\n", File.ReadAllText(recorded.LogFile!));
        }
        finally
        {
            Directory.Delete(logs, recursive: true);
        }
    }

    [Fact]
    public void Logs_are_numbered_in_run_order_and_named_after_the_label()
    {
        var logs = Directory.CreateTempSubdirectory("cc-logs-").FullName;
        try
        {
            var runner = new ProcessRunner(TimeSpan.FromMinutes(1), logs, CancellationToken.None);
            var first = runner.Run("configure --add-module (original config)", "/bin/sh", ["-c", "echo one"], logs);
            var second = runner.Run("nginx -t", "/bin/sh", ["-c", "echo two"], logs);
            Assert.Equal(Path.Combine(logs, "01-configure-add-module-original-config.log"), first.LogFile);
            Assert.Equal(Path.Combine(logs, "02-nginx-t.log"), second.LogFile);
            Assert.Equal("two\n", File.ReadAllText(second.LogFile!));
        }
        finally
        {
            Directory.Delete(logs, recursive: true);
        }
    }
}
