namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>dirname PATH</c> as GNU coreutils writes it: leading slashes are kept as written.</summary>
internal sealed class DirnameProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.Arguments is not [{ } path])
        {
            return ProgramResult.NotEmulated;
        }

        // Drop the last component and the slashes before it, but not a leading slash.
        var length = PathComponents.LastComponentStart(path);
        var root = path.StartsWith('/') ? 1 : 0;
        while (length > root && path[length - 1] == '/')
        {
            length--;
        }

        return ProgramResult.Written((length == 0 ? "." : path[..length]) + "\n");
    }
}

/// <summary>How GNU's basename and dirname find a path's last component (gnulib's last_component).</summary>
internal static class PathComponents
{
    /// <summary>Where the last component starts: after the last run of slashes that is followed by something; the length of the path when it is all slashes (or empty).</summary>
    public static int LastComponentStart(string path)
    {
        var start = 0;
        while (start < path.Length && path[start] == '/')
        {
            start++;
        }

        for (var i = start + 1; i < path.Length; i++)
        {
            if (path[i] != '/' && path[i - 1] == '/')
            {
                start = i;
            }
        }

        return start;
    }
}
