namespace ConfigConvert.Fuzz;

/// <summary>
/// The files a target writes for one input, in a directory of this process under the temporary
/// directory (the CI run points TMPDIR at its own folder), emptied before each input. A replay
/// removes it when it is done; under afl-fuzz the process is killed, so the runs point TMPDIR at
/// a folder of their own.
/// </summary>
internal static class Workspace
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), $"ngx-fuzz-{Environment.ProcessId}");

    /// <summary>An empty directory named <paramref name="name"/>, holding <paramref name="files"/>.</summary>
    public static string Directory(string name, IEnumerable<(string Name, byte[] Content)> files)
    {
        var directory = Path.Combine(Root, name);
        if (System.IO.Directory.Exists(directory))
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
        foreach (var (file, content) in files)
        {
            File.WriteAllBytes(Path.Combine(directory, file), content);
        }

        return directory;
    }

    /// <summary>Removes this process's directory and everything in it, if it was made.</summary>
    public static void Remove()
    {
        if (System.IO.Directory.Exists(Root))
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
    }
}
