using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Verification;

/// <summary>
/// The directory a verification copies for a module. Usually the module's own; but a config may name files beside
/// it: sources, include dirs, headers or libraries under <c>$ngx_addon_dir/../</c> (njs keeps its nginx module in
/// <c>nginx/</c> and the engine it builds in <c>../src</c>), or a config it sources from <c>../shared</c>. Then it is
/// the nearest directory above the module that holds all of them, so that the copy builds as the original does. A
/// path that climbs to <c>/</c> is left out (the module's own directory is copied, as for any other module); a
/// directory that holds the work directory, or is too large to copy, is a problem the verification reports.
/// </summary>
internal static class ModuleFootprint
{
    private const string AddonDir = "$ngx_addon_dir/";

    // A copy beyond these is not what a module is: a config naming ../ from a module kept in a home directory.
    private const int MaxFiles = 50_000;
    private const long MaxBytes = 1L << 30;

    /// <summary>
    /// The directory to copy for <paramref name="module"/> (absolute): its own, or one above it; null, with the
    /// <paramref name="problem"/>, when the one above holds <paramref name="workRoot"/> or is too large.
    /// </summary>
    public static string? CopyRoot(ModuleDirectory module, ReferenceBuild reference, string workRoot, out string? problem)
        => CopyRoot(module, reference, workRoot, MaxFiles, out problem);

    /// <summary>As <see cref="CopyRoot(ModuleDirectory, ReferenceBuild, string, out string?)"/>, with another limit on files (tests).</summary>
    internal static string? CopyRoot(ModuleDirectory module, ReferenceBuild reference, string workRoot, int maxFiles, out string? problem)
    {
        problem = null;
        // The real directory: a module reached through a link (mods/njs -> /src/njs/nginx) has the files its config
        // names beside the link's target, and a copy of the link's parent would hold the link, not the module.
        var own = ModuleSearch.CanonicalPath(module.Path).TrimEnd('/');
        var (root, named) = (own, (string?)null);
        foreach (var path in NamedFiles(module, own, Path.GetFullPath(module.Path).TrimEnd('/'), reference))
        {
            var common = CommonAncestor(root, path);
            if (common != "/" && common != root)
            {
                (root, named) = (common, path);
            }
        }

        if (named is null)
        {
            return own;
        }

        var why = $"{own}: its config names {named}, outside the module, so the copy must hold {root}";
        if (Inside(Path.GetFullPath(workRoot), root))
        {
            problem = $"{why}, which holds the work directory {workRoot} (give --keep a directory outside it)";
            return null;
        }

        if (TooLarge(root, maxFiles))
        {
            problem = $"{why}, which has more than {maxFiles} files or {MaxBytes >> 20} MiB";
            return null;
        }

        return root;
    }

    // Every path of the module's lists in both link modes, and every config it sources, absolute.
    private static IEnumerable<string> NamedFiles(ModuleDirectory module, string own, string asGiven, ReferenceBuild reference)
    {
        var listed = new[] { LinkMode.Addon, LinkMode.Dynamic }
            .SelectMany(link => module.Describe(link, reference).Outcomes)
            .SelectMany(o => o.Sources.Concat(o.Deps).Concat(o.Incs).Concat(o.Libs))
            .Select(f => InModule(f.Value, asGiven))
            .OfType<string>()
            .Select(relative => Path.GetFullPath(Path.Combine(own, relative)));
        var sourced = ModuleSearch.Find([own]).Modules.SelectMany(m => m.SourcedConfigs).Select(Path.GetFullPath);
        return listed.Concat(sourced).Distinct(StringComparer.Ordinal);
    }

    // The part after the module's directory of a word that starts with it, as the model shows it
    // ($ngx_addon_dir/..., ModuleOutcome.DisplayPath) or as the flag of a library has it (-L/path/to/module/../lib);
    // null for any other word (nginx's own files, the system's, a library by name).
    private static string? InModule(string word, string own)
    {
        var path = word.StartsWith("-I", StringComparison.Ordinal) || word.StartsWith("-L", StringComparison.Ordinal) ? word[2..] : word;
        return path.StartsWith(AddonDir, StringComparison.Ordinal) ? path[AddonDir.Length..]
            : path.StartsWith(own + "/", StringComparison.Ordinal) ? path[(own.Length + 1)..]
            : null;
    }

    private static string CommonAncestor(string a, string b)
    {
        var left = a.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var right = b.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var shared = left.Zip(right).TakeWhile(pair => pair.First == pair.Second).Count();
        return "/" + string.Join('/', left.Take(shared));
    }

    private static bool Inside(string path, string directory)
        => path == directory || path.StartsWith(directory == "/" ? "/" : directory + "/", StringComparison.Ordinal);

    // Counted as the copy would go (links as links), and only until a limit is passed.
    private static bool TooLarge(string root, int maxFiles)
    {
        var (files, bytes) = (0, 0L);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (var file in new DirectoryInfo(root).EnumerateFiles("*", options))
        {
            if (++files > maxFiles || (bytes += file.Length) > MaxBytes)
            {
                return true;
            }
        }

        return false;
    }
}
