using System.Text.RegularExpressions;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification.Nginx;

/// <summary>How a module of another kind than HTTP can be loaded into the binary.</summary>
internal enum BuiltInModule
{
    /// <summary>Not built: a module of that kind cannot load.</summary>
    Absent,

    /// <summary>Linked into the binary.</summary>
    Static,

    /// <summary>Built as nginx's own shared object (Debian's <c>libnginx-mod-stream</c>, <c>libnginx-mod-mail</c>), which must be loaded first.</summary>
    Dynamic,
}

/// <summary>The nginx binary that must load the module, and what <c>nginx -V</c> says of its build.</summary>
internal sealed partial class NginxBinary
{
    private NginxBinary(string path, string? version, string modulesDirectory, BuiltInModule stream, BuiltInModule mail)
    {
        Path = path;
        Version = version;
        ModulesDirectory = modulesDirectory;
        Stream = stream;
        Mail = mail;
    }

    public string Path { get; }

    public string? Version { get; }

    /// <summary>Where nginx's own dynamic modules are (<c>--modules-path</c>, absolute).</summary>
    public string ModulesDirectory { get; }

    public BuiltInModule Stream { get; }

    public BuiltInModule Mail { get; }

    /// <summary>Runs <c>nginx -V</c>; null with the reason when the binary is missing or does not run.</summary>
    public static NginxBinary? Open(string path, ProcessRunner runner, out string? problem)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            problem = $"{path}: no nginx binary there";
            return null;
        }

        var run = runner.Run("nginx -V", full, ["-V"], System.IO.Path.GetTempPath());
        if (!run.Succeeded || VersionLine().Match(run.Output) is not { Success: true } version)
        {
            problem = $"{path}: `nginx -V` did not run: {run.StartError ?? string.Join(" ", run.Tail(3))}";
            return null;
        }

        problem = null;
        var arguments = ConfigureArguments().Match(run.Output) is { Success: true } line ? line.Groups[1].Value : string.Empty;
        return new NginxBinary(full, version.Groups[1].Value, ModulesPath(arguments), Mode(arguments, "stream"), Mode(arguments, "mail"));
    }

    // load_module resolves a relative path against the prefix, which nginx -t -p replaces: use an absolute one.
    private static string ModulesPath(string arguments)
    {
        var prefix = Flag(arguments, "--prefix") ?? "/usr/local/nginx";
        var modules = Flag(arguments, "--modules-path") ?? "modules";
        return System.IO.Path.GetFullPath(modules, prefix);
    }

    private static BuiltInModule Mode(string arguments, string name)
        => Regex.IsMatch(arguments, $@"(^|\s)--with-{name}=dynamic(\s|$)") ? BuiltInModule.Dynamic
            : Regex.IsMatch(arguments, $@"(^|\s)--with-{name}(\s|$)") ? BuiltInModule.Static
            : BuiltInModule.Absent;

    private static string? Flag(string arguments, string name)
        => Regex.Match(arguments, $@"(?:^|\s){Regex.Escape(name)}=(\S+)") is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"nginx version: [^/\s]+/(\S+)")]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"configure arguments:(.*)")]
    private static partial Regex ConfigureArguments();
}
