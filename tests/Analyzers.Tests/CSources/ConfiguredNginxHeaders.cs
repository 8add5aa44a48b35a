using ConfigConvert.TestSupport;

namespace ConfigConvert.Analyzers.Tests.CSources;

/// <summary>
/// nginx-dev's headers with the <c>objs/</c> that configure writes (<c>ngx_auto_config.h</c>,
/// <c>ngx_auto_headers.h</c>), configured once per test class in a copy of the tree; and a second
/// <c>nginx.h</c> that says nginx 1.8.0, found first by <c>#include &lt;nginx.h&gt;</c> when asked, so
/// that code can be compiled as nginx before 1.9.11 would compile it.
/// </summary>
public sealed class ConfiguredNginxHeaders : IDisposable
{
    /// <summary>The <c>nginx_version</c> of the pretended old nginx (1.8.0): before dynamic modules.</summary>
    public const int OldVersion = 1008000;

    private const string Source = "/usr/share/nginx/src";

    private readonly string _root = Directory.CreateTempSubdirectory("cc-headers-").FullName;

    public ConfiguredNginxHeaders()
    {
        Compiler = ExternalTool.Require("cc", "apt-get install -y gcc");
        ExternalTool.Require("dash", "apt-get install -y dash");
        if (!File.Exists(Path.Combine(Source, "configure")) || !File.Exists(Path.Combine(Source, "src/core/nginx.h")))
        {
            throw new InvalidOperationException($"{Source} has no configure or headers: apt-get install -y nginx-dev");
        }

        Tree = Path.Combine(_root, "nginx");
        CopyDirectory(Source, Tree);
        var configure = ExternalTool.Run("/bin/sh", ["./configure", "--with-compat"], Tree, timeout: TimeSpan.FromMinutes(5));
        if (configure.ExitCode != 0)
        {
            throw new InvalidOperationException("configure failed:\n" + configure.StandardOutput + configure.StandardError);
        }

        OldHeaders = Path.Combine(_root, "old");
        Directory.CreateDirectory(OldHeaders);
        var header = File.ReadAllLines(Path.Combine(Tree, "src/core/nginx.h"));
        var versionLine = Array.FindIndex(header, l => l.StartsWith("#define nginx_version", StringComparison.Ordinal));
        if (versionLine < 0)
        {
            throw new InvalidOperationException("nginx.h defines no nginx_version");
        }

        header[versionLine] = $"#define nginx_version      {OldVersion}";
        File.WriteAllLines(Path.Combine(OldHeaders, "nginx.h"), header);
    }

    /// <summary>The C compiler.</summary>
    public string Compiler { get; }

    /// <summary>The configured copy of nginx's tree.</summary>
    public string Tree { get; }

    /// <summary>The directory holding the <c>nginx.h</c> of the pretended old nginx.</summary>
    public string OldHeaders { get; }

    /// <summary>The <c>-I</c> flags of nginx's <c>objs/Makefile</c> (ALL_INCS), as absolute paths; the old <c>nginx.h</c> first when asked.</summary>
    public IEnumerable<string> IncludeFlags(bool asOldNginx)
    {
        var directories = new[] { "src/core", "src/event", "src/event/modules", "src/os/unix", "objs", "src/http", "src/http/modules" };
        var flags = directories.Select(d => "-I" + Path.Combine(Tree, d));
        return asOldNginx ? flags.Prepend("-I" + OldHeaders) : flags;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
            // A temporary tree left behind is not worth failing a test over.
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        foreach (var directory in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
        {
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, directory)));
        }

        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            File.Copy(file, target);
            File.SetUnixFileMode(target, File.GetUnixFileMode(file));
        }
    }
}
