namespace ConfigConvert.BuiltModules.Configuration;

/// <summary>
/// A path from a configuration as nginx hands it to open(2), glob(3) or dlopen(3): nginx keeps a token's bytes,
/// NULs included, but those calls take a C string, which ends at the first NUL. .NET refuses a path that holds one,
/// so the reader cuts it where the C library would.
/// </summary>
internal static class CPath
{
    public static string AsOpened(string path)
    {
        var nul = path.IndexOf('\0', StringComparison.Ordinal);
        return nul < 0 ? path : path[..nul];
    }
}
