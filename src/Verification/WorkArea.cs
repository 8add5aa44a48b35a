namespace ConfigConvert.Verification;

/// <summary>
/// The directory a verification builds in: a new temporary directory removed afterwards, or the
/// directory the user asked to keep (absent or empty, so that nothing of theirs is overwritten).
/// </summary>
internal sealed class WorkArea : IDisposable
{
    private WorkArea(string root, bool keep)
    {
        Root = root;
        Keep = keep;
    }

    public string Root { get; }

    public bool Keep { get; }

    /// <summary>Where the programs' logs go: a folder of the kept directory, or nowhere (the report holds the output).</summary>
    public string? LogDirectory => Keep ? Directory("logs") : null;

    /// <summary>Creates the work area; null with a reason when the kept directory cannot be used.</summary>
    public static WorkArea? Create(string? keepDirectory, out string? problem)
    {
        problem = null;
        try
        {
            if (keepDirectory is null)
            {
                return new WorkArea(System.IO.Directory.CreateTempSubdirectory("ngx-verify-").FullName, keep: false);
            }

            var full = Path.GetFullPath(keepDirectory);
            if (File.Exists(full) || (System.IO.Directory.Exists(full) && System.IO.Directory.EnumerateFileSystemEntries(full).Any()))
            {
                problem = $"{keepDirectory}: the directory to keep must be absent or empty";
                return null;
            }

            System.IO.Directory.CreateDirectory(full);
            return new WorkArea(full, keep: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"{keepDirectory ?? Path.GetTempPath()}: cannot create the work directory: {e.Message}";
            return null;
        }
    }

    /// <summary>A folder of the work area, created if needed.</summary>
    public string Directory(string name) => System.IO.Directory.CreateDirectory(Path.Combine(Root, name)).FullName;

    public void Dispose()
    {
        if (Keep)
        {
            return;
        }

        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is not worth failing a verification for.
        }
    }
}
