namespace ConfigConvert.Fuzz;

/// <summary>
/// The files a target writes for one input, in a directory of this process under the temporary
/// directory (the CI run points TMPDIR at its own folder), emptied before each input.
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
}
