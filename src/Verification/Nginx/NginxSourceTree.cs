using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Nginx;

/// <summary>
/// An nginx source tree with its real configure: <c>/usr/share/nginx/src</c> from Debian's and Ubuntu's
/// <c>nginx-dev</c> (headers, <c>auto/</c> scripts and <c>conf_flags</c>, the flags the distribution's
/// binary was configured with), or an unpacked nginx release.
/// </summary>
internal sealed partial class NginxSourceTree
{
    private const string ConfFlagsFile = "conf_flags";

    // A build writes objs/ and Makefile at the top; a tree the user built in must not lend its objects to ours.
    private static readonly HashSet<string> BuildOutputs = new(StringComparer.Ordinal) { "objs", "Makefile" };

    private NginxSourceTree(string path, string? version, ImmutableArray<string> confFlags)
    {
        Path = path;
        Version = version;
        ConfFlags = confFlags;
    }

    /// <summary>The tree, absolute.</summary>
    public string Path { get; }

    /// <summary><c>NGINX_VERSION</c> of <c>src/core/nginx.h</c>, when found.</summary>
    public string? Version { get; }

    /// <summary>The distribution's configure flags (<c>NGX_CONF_FLAGS</c> of <c>conf_flags</c>); empty for a plain nginx release.</summary>
    public ImmutableArray<string> ConfFlags { get; }

    /// <summary>Checks the tree and reads its flags; null with the reason when it cannot be used.</summary>
    public static NginxSourceTree? Open(string path, ProcessRunner runner, out string? problem)
    {
        var full = System.IO.Path.GetFullPath(path);
        problem = Missing(full);
        if (problem is not null)
        {
            return null;
        }

        var version = ReadVersion(full);
        var confFlags = System.IO.Path.Combine(full, ConfFlagsFile);
        if (!File.Exists(confFlags))
        {
            return new NginxSourceTree(full, version, []);
        }

        // conf_flags is a bash array assignment, the form Debian's build writes; bash reads it exactly.
        var run = runner.Run("read conf_flags", "bash", ["-c", "set -e; . \"$1\"; printf '%s\\0' \"${NGX_CONF_FLAGS[@]}\"", "conf_flags", confFlags], full);
        if (!run.Succeeded)
        {
            problem = $"{confFlags}: cannot be read with bash: {run.StartError ?? string.Join(" ", run.Tail(3))}";
            return null;
        }

        return new NginxSourceTree(full, version, [.. run.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\n')).Where(f => f.Length > 0)]);
    }

    /// <summary>Copies the tree to <paramref name="destination"/>, which configure may then change at will.</summary>
    public void CopyTo(string destination) => DirectoryCopy.Copy(Path, destination, BuildOutputs);

    private static string? Missing(string path)
    {
        if (!Directory.Exists(path))
        {
            return $"{path}: no nginx source tree there";
        }

        if (!File.Exists(System.IO.Path.Combine(path, "configure")))
        {
            return $"{path}: not an nginx source tree (no `configure`)";
        }

        if (!File.Exists(System.IO.Path.Combine(path, "auto", "module")))
        {
            return $"{path}: nginx older than 1.9.11 (no `auto/module`), which cannot build dynamic modules";
        }

        return null;
    }

    private static string? ReadVersion(string path)
    {
        var header = System.IO.Path.Combine(path, "src", "core", "nginx.h");
        try
        {
            return File.Exists(header) && VersionDefine().Match(File.ReadAllText(header)) is { Success: true } match ? match.Groups[1].Value : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"#define\s+NGINX_VERSION\s+""([^""]+)""")]
    private static partial Regex VersionDefine();
}
