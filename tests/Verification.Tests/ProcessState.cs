namespace ConfigConvert.Verification.Tests;

/// <summary>Whether a process runs, as Linux shows it (<c>/proc/ID/stat</c>).</summary>
internal static class ProcessState
{
    /// <summary>
    /// True while the process <paramref name="id"/> exists and has not ended: a process that ended stays as a zombie
    /// until its parent collects its status, and in a container whose first process collects none, it stays so.
    /// </summary>
    public static bool IsRunning(int id)
    {
        try
        {
            // "ID (NAME) STATE ...": the name may hold spaces and parentheses, the state follows the last ')'.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
