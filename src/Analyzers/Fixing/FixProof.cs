using ConfigConvert.Analyzers.Driver;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.IO;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Fixing;

/// <summary>
/// Proves fixes before they are written: the fixed files go into a temporary copy of the module, which is
/// checked again by the same rules. The fixes are proven when every fixed finding is gone, no finding
/// appears that was not there before, the config parses with no new error, and every changed C file
/// tokenizes with no new unterminated comment or literal.
/// </summary>
internal sealed class FixProof(AnalyzerDriver driver, NginxVersionRange target)
{
    /// <summary>Null when proven; otherwise why not, in words.</summary>
    public string? Check(ModuleRun original, IReadOnlyCollection<FixCandidate> fixes, IReadOnlyDictionary<string, (SourceText Before, SourceText After)> texts)
    {
        var directory = original.Module.Path;
        if (texts.Keys.FirstOrDefault(p => FindingPaths.Relative(directory, p) is null) is { } outside)
        {
            return $"it changes `{outside}`, which is outside the module";
        }

        if (texts.FirstOrDefault(t => SourceFileNames.IsIndexed(t.Key) && Unterminated(t.Value.After) > Unterminated(t.Value.Before)) is { Key: { } broken })
        {
            return $"`{FindingPaths.Relative(directory, broken)}` would no longer tokenize (a comment or literal left open)";
        }

        var copy = Path.Combine(Path.GetTempPath(), "ngx-convert-fix-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyModule(directory, copy, texts);
            var after = driver.Run(copy, target);
            return Compare(original, after, fixes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the module cannot be copied to check the fix: {IO.IoReason.Of(e)}";
        }
        finally
        {
            TryDelete(copy);
        }
    }

    private static string? Compare(ModuleRun before, ModuleRun after, IReadOnlyCollection<FixCandidate> fixes)
    {
        if (before.Module.Config is { HasErrors: false } && after.Module.Config is not { HasErrors: false })
        {
            return "the config would no longer parse";
        }

        var counts = Count(before);
        foreach (var fix in fixes)
        {
            var key = (fix.Diagnostic.Id, FindingPaths.Relative(before.Module.Path, fix.Diagnostic.Location.Path) ?? string.Empty);
            counts[key] = counts.GetValueOrDefault(key) - 1;
        }

        foreach (var ((id, path), count) in Count(after))
        {
            if (count > counts.GetValueOrDefault((id, path)))
            {
                var stillThere = fixes.Any(f => f.Diagnostic.Id == id);
                var where = path.Length == 0 ? "the module" : $"`{path}`";
                return stillThere ? $"{id} is still reported in {where} after the fix" : $"the fixed module would report {id} in {where}, which it did not before";
            }
        }

        return null;
    }

    private static Dictionary<(string Id, string Path), int> Count(ModuleRun run)
        => run.Diagnostics.GroupBy(d => (d.Id, FindingPaths.Relative(run.Module.Path, d.Location.Path) ?? string.Empty)).ToDictionary(g => g.Key, g => g.Count());

    private static int Unterminated(SourceText text) => CSourceFile.Create(string.Empty, text) is var file
        ? file.Tokens.Concat(file.Comments).Count(t => t.IsUnterminated)
        : 0;

    private static void CopyModule(string directory, string copy, IReadOnlyDictionary<string, (SourceText Before, SourceText After)> texts)
    {
        foreach (var file in ModuleFiles.List(directory, []))
        {
            var target = Path.Combine(copy, file.RelativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (file.Length == 0)
            {
                // Not opened: a FIFO would block (see RepositoryFile.ReadAllBytes).
                File.WriteAllBytes(target, []);
            }
            else
            {
                File.Copy(file.FullPath, target);
            }
        }

        Directory.CreateDirectory(copy);
        foreach (var (path, (_, after)) in texts)
        {
            var target = Path.Combine(copy, FindingPaths.Relative(directory, path)!);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, after.GetBytes());
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary copy left behind does not make the check wrong.
        }
    }
}

/// <summary>Paths of findings relative to their module.</summary>
internal static class FindingPaths
{
    /// <summary>The path under <paramref name="directory"/> with <c>/</c> (empty for the directory itself or no path); null when outside it.</summary>
    public static string? Relative(string directory, string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return string.Empty;
        }

        var relative = RelativePath.Of(directory, path);
        return relative == "." ? string.Empty : relative.StartsWith("../", StringComparison.Ordinal) || relative == ".." || Path.IsPathRooted(relative) ? null : relative;
    }
}
