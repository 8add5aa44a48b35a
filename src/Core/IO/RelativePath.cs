namespace ConfigConvert.IO;

/// <summary>
/// A path relative to a directory, with <c>/</c> between its parts, as reports, baselines and diffs name files.
/// Only where <c>\</c> separates directories (Windows) is it turned into <c>/</c>: on Linux it is a character a
/// name may hold, and turning it into <c>/</c> named a file that is not there.
/// </summary>
public static class RelativePath
{
    /// <summary>The path of <paramref name="path"/> relative to <paramref name="relativeTo"/>, with <c>/</c> separators.</summary>
    public static string Of(string relativeTo, string path) => WithSlashes(Path.GetRelativePath(relativeTo, path));

    /// <summary><paramref name="relative"/> with this system's directory separator written as <c>/</c>.</summary>
    public static string WithSlashes(string relative)
        => Path.DirectorySeparatorChar == '/' ? relative : relative.Replace(Path.DirectorySeparatorChar, '/');
}
