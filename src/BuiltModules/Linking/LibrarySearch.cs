using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Configuration;
using ConfigConvert.BuiltModules.Elf;

namespace ConfigConvert.BuiltModules.Linking;

/// <summary>
/// Where the dynamic loader finds a <c>DT_NEEDED</c> library (ld.so(8)): a name with a slash is a path;
/// otherwise <c>DT_RPATH</c> (when there is no <c>DT_RUNPATH</c>), <c>DT_RUNPATH</c> (with
/// <c>$ORIGIN</c>), the directories of <c>/etc/ld.so.conf</c>, then the default directories. A file of
/// another class or machine is skipped, as the loader skips it. <c>LD_LIBRARY_PATH</c> is not used:
/// it is the environment of the nginx that will run, not of this tool.
/// </summary>
internal sealed class LibrarySearch
{
    private static readonly string[] DefaultDirectories =
    [
        "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
    ];

    private readonly ImmutableArray<string> _systemDirectories;

    public LibrarySearch(IEnumerable<string> systemDirectories) => _systemDirectories = [.. systemDirectories];

    /// <summary>The machine's search directories, read from <c>/etc/ld.so.conf</c>.</summary>
    public static LibrarySearch System { get; } = new([.. ReadConfiguration("/etc/ld.so.conf", 0), .. DefaultDirectories]);

    /// <summary>The path of <paramref name="name"/> as <paramref name="requester"/> would load it, or null.</summary>
    public string? Find(string name, ElfImage requester)
    {
        if (name.Contains('/'))
        {
            return IsLoadable(name) ? name : null;
        }

        return Directories(requester).Select(directory => Path.Combine(directory, name)).FirstOrDefault(IsLoadable);
    }

    /// <summary>Where <paramref name="requester"/>'s libraries are looked for, in order: its own run path, then the system's.</summary>
    public IEnumerable<string> Directories(ElfImage requester)
    {
        var origin = Path.GetDirectoryName(Path.GetFullPath(requester.Path)) ?? "/";
        var own = requester.RunPath.IsEmpty ? requester.RPath : requester.RunPath;
        return own.Select(d => d.Replace("$ORIGIN", origin, StringComparison.Ordinal).Replace("${ORIGIN}", origin, StringComparison.Ordinal)).Concat(_systemDirectories);
    }

    private static bool IsLoadable(string path)
    {
        // Most candidates do not exist: asking first spares the exception of a failed open.
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = File.OpenRead(path);
            Span<byte> header = stackalloc byte[20];
            return stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) == header.Length
                && header[0] == 0x7f && header[1] == (byte)'E' && header[4] == 2 && header[5] == 1 && header[18] == 62 && header[19] == 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static IEnumerable<string> ReadConfiguration(string path, int depth)
    {
        string[] lines;
        try
        {
            lines = depth > 8 ? [] : File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var raw in lines)
        {
            var line = raw.Split('#')[0].Trim();
            if (line.StartsWith("include", StringComparison.Ordinal) && line.Length > 7 && char.IsWhiteSpace(line[7]))
            {
                var pattern = line[8..].Trim();
                pattern = Path.IsPathRooted(pattern) ? pattern : Path.Combine(Path.GetDirectoryName(path) ?? "/", pattern);
                foreach (var included in PosixGlob.Expand(pattern).SelectMany(p => ReadConfiguration(p, depth + 1)))
                {
                    yield return included;
                }
            }
            else if (line.StartsWith('/'))
            {
                yield return line;
            }
        }
    }
}
