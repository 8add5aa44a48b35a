using ConfigConvert.TestSupport;
using ConfigConvert.Verification;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// The modules of tests/fixtures/checks, written for the C-source rules and their fixes, with the
/// directives that prove under <c>nginx -t</c> that each is loaded and working.
/// </summary>
internal static class CheckFixtures
{
    /// <summary>rtmp-like: a module type of its own, <c>ngx_modules</c>, a hand-counted <c>ctx_index</c> loop and <c>ngx_max_module</c>, old-style config.</summary>
    public const string Beacon = "beacon_multitype";

    /// <summary>The legacy code only under <c>nginx_version</c> conditions: nothing to report, nothing to fix.</summary>
    public const string Ledger = "ledger_guarded";

    /// <summary>beacon_multitype with the configurations created by a function of their own, so that the block handler's loop variable serves the counting loop only.</summary>
    public const string LoopVariable = "beacon_loop_variable";

    /// <summary>The fixtures whose C sources have a fix.</summary>
    public static IReadOnlyList<string> WithCFixes => [Beacon];

    /// <summary>
    /// Variants of a fixture with the same files, fixed and compiled in the fixture's configured build
    /// tree in place of its own sources (no configure of their own).
    /// </summary>
    public static IReadOnlyList<string> Variants(string fixture) => fixture == Beacon ? [LoopVariable] : [];

    public static string PathOf(string fixture) => RepoPaths.Combine("tests", "fixtures", "checks", fixture);

    /// <summary>The directives of each fixture: the module's own, in every context it has one.</summary>
    public static NginxSnippets Directives(string fixture) => fixture switch
    {
        Beacon => new NginxSnippets(
            Main: "error_log stderr notice; beacon { beacon_name north; beacon_interval 5s; beacon_tag relay edge; }",
            Http: "server { location /beacon { beacon_status; } }"),
        Ledger => new NginxSnippets(Main: "error_log stderr notice; ledger { entry owner ops; entry site north; }"),
        _ => throw new ArgumentException($"{fixture}: no directives written for it", nameof(fixture)),
    };

    /// <summary>What the module logs at <c>nginx -t</c> (its init_module handler, with <c>error_log stderr notice</c>) when its directives took effect.</summary>
    public static string Notice(string fixture) => fixture switch
    {
        Beacon => "beacon \"north\" every 5000 ms: ",
        Ledger => "ledger: owner = ops (of ",
        _ => throw new ArgumentException($"{fixture}: no notice written for it", nameof(fixture)),
    };

    /// <summary>A copy of the fixture in a new temporary directory, under the fixture's own name (configure names objs/addon/NAME after it).</summary>
    public static TemporaryModule Copy(string fixture) => TemporaryModule.Of(PathOf(fixture));
}

/// <summary>A module directory copied to a temporary directory and removed afterwards.</summary>
internal sealed class TemporaryModule : IDisposable
{
    private TemporaryModule(string root, string path)
    {
        Root = root;
        Path = path;
    }

    /// <summary>The temporary directory holding the module (and nothing else).</summary>
    public string Root { get; }

    /// <summary>The module directory.</summary>
    public string Path { get; }

    public static TemporaryModule Of(string source)
    {
        var root = Directory.CreateTempSubdirectory("cc-proof-").FullName;
        var path = System.IO.Path.Combine(root, System.IO.Path.GetFileName(source));
        CopyDirectory(source, path);
        return new TemporaryModule(root, path);
    }

    /// <summary>The C sources and headers of the module, relative path to text.</summary>
    public SortedDictionary<string, string> Sources()
        => new(Directory.EnumerateFiles(Path, "*.?", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".h", StringComparison.Ordinal))
            .ToDictionary(f => System.IO.Path.GetRelativePath(Path, f), File.ReadAllText), StringComparer.Ordinal);

    public static void CopyDirectory(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(file)));
        }

        foreach (var directory in Directory.EnumerateDirectories(source))
        {
            CopyDirectory(directory, System.IO.Path.Combine(destination, System.IO.Path.GetFileName(directory)));
        }
    }

    public void Dispose()
    {
        try
        {
            // A file the tests made read-only must not keep the directory from going.
            foreach (var file in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
            {
                File.SetAttributes(file, FileAttributes.Normal);
            }

            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A temporary directory left behind is not worth failing a test over.
        }
    }
}
