using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.Verification.Processes;

namespace ConfigConvert.Verification;

/// <summary>
/// Captures a reference build from a local nginx source tree, as the project's embedded builds were
/// captured: <c>capture-initial-globals.sh</c> (shipped inside this library) runs the tree's real
/// configure under <c>/bin/sh</c> with the tree's <c>conf_flags</c> (none for a plain nginx release)
/// and the given flags, and a probe addon records configure's variables and <c>src/core/nginx.h</c>
/// at the moment addons are sourced. The tree is copied, never changed.
/// </summary>
public static class ReferenceCapture
{
    private const string ScriptResource = "Capture/capture-initial-globals.sh";
    private const string AwkResource = "Capture/set-records.awk";

    /// <summary>
    /// The build configure gives with <paramref name="configureFlags"/> in <paramref name="nginxSource"/>;
    /// null, with the reason in <paramref name="problem"/>, when the tree is not an nginx source tree
    /// or its configure fails. Never throws for bad input.
    /// </summary>
    public static ReferenceBuild? Capture(string nginxSource, IReadOnlyList<string> configureFlags, TimeSpan timeout, out string? problem, CancellationToken cancellationToken = default)
    {
        var full = Path.GetFullPath(nginxSource);
        problem = Missing(full);
        if (problem is not null)
        {
            return null;
        }

        var work = Directory.CreateTempSubdirectory("ngx-reference-");
        try
        {
            var script = WriteResource(ScriptResource, work.FullName);
            WriteResource(AwkResource, work.FullName);
            var prefix = Path.Combine(work.FullName, "capture");
            var run = new ProcessRunner(timeout, null, cancellationToken)
                .Run("capture the reference build", "/bin/sh", [script, "-s", full, prefix, .. configureFlags], work.FullName);
            if (!run.Succeeded || !File.Exists(prefix + ".sh"))
            {
                var why = run.TimedOut ? $"configure ran longer than {timeout.TotalSeconds:0} seconds" : run.StartError ?? string.Join("\n", run.Tail(20));
                problem = $"{full}: nginx's configure failed, no reference build captured:\n{why}";
                return null;
            }

            var header = prefix + ".nginx.h";
            return ReferenceBuild.FromCapture(full, File.ReadAllText(prefix + ".sh"), File.Exists(header) ? File.ReadAllText(header) : null);
        }
        catch (IOException e)
        {
            problem = $"{full}: cannot capture a reference build: {e.Message}";
            return null;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>What a tree lacks to be captured (the files configure and the capture need), or null.</summary>
    private static string? Missing(string tree)
    {
        if (!Directory.Exists(tree))
        {
            return $"{tree}: no such directory (an nginx source tree: a release, a git checkout, or Debian's nginx-dev at /usr/share/nginx/src)";
        }

        string[] needed = [ReferenceBuild.VersionHeader, "auto/modules"];
        var missing = needed.Where(f => !File.Exists(Path.Combine(tree, f))).ToList();
        if (!File.Exists(Path.Combine(tree, "configure")) && !File.Exists(Path.Combine(tree, "auto", "configure")))
        {
            missing.Add("configure");
        }

        return missing.Count == 0 ? null : $"{tree}: not an nginx source tree (no {string.Join(", no ", missing)})";
    }

    private static string WriteResource(string name, string directory)
    {
        using var stream = typeof(ReferenceCapture).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException("missing embedded " + name);
        var path = Path.Combine(directory, name["Capture/".Length..]);
        using var file = File.Create(path);
        stream.CopyTo(file);
        return path;
    }
}
