using System.Diagnostics;

namespace ConfigConvert.TestSupport;

/// <summary>Named pipes for the tests of inputs that are not regular files.</summary>
public static class Fifo
{
    /// <summary>
    /// Makes a FIFO at <paramref name="path"/> with coreutils' <c>mkfifo</c> (essential on every Debian system, so no
    /// <c>Requires</c> trait: it is not one of the programs a fast run leaves out).
    /// </summary>
    public static string Create(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("mkfifo did not start");
        var error = mkfifo.StandardError.ReadToEnd();
        mkfifo.WaitForExit();
        return mkfifo.ExitCode == 0 ? path : throw new InvalidOperationException($"mkfifo {path} failed: {error}");
    }
}
