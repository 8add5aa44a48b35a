using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace ConfigConvert.TestSupport;

/// <summary>
/// The results of costly real runs (nginx's configure takes tens of seconds), made once per test run and read by
/// every test that asks for the same run: the same module bytes, flags and environment give the same result, so a
/// second configure proves nothing the first did not. Each result is a directory, keyed by a hash of what the run
/// depends on. The test assemblies of one run share them through <c>CONFIGCONVERT_SHARED_RUNS</c> (a directory
/// <c>.ci/run</c> makes for the run and removes afterwards; a lock file per key makes one process run it while the
/// others wait); without it, each test process keeps its own, removed when it exits. Nothing outlives the run, so
/// every run of the tests runs the real programs again.
/// </summary>
public static class SharedRuns
{
    /// <summary>The variable that names the directory shared by the test processes of one run.</summary>
    public const string DirectoryVariable = "CONFIGCONVERT_SHARED_RUNS";

    /// <summary>Where configure's files of <see cref="ConfigureStatic"/> say the module was (no such directory exists).</summary>
    public const string ConfiguredModule = "/nonexistent/configconvert/module";

    private const string DoneMarker = ".done";

    private static readonly ConcurrentDictionary<string, Lazy<string>> Made = new(StringComparer.Ordinal);

    private static readonly Lazy<string> Root = new(OpenRoot);

    /// <summary>
    /// The directory of the run keyed by <paramref name="key"/>: made by <paramref name="produce"/> (given an empty
    /// directory to fill) the first time any test of the run asks, and the same directory for every later request.
    /// </summary>
    public static string Directory(string key, Action<string> produce)
        => Made.GetOrAdd(key, k => new Lazy<string>(() => Make(k, produce))).Value;

    /// <summary>
    /// nginx's static configure of <paramref name="moduleDirectory"/> with <paramref name="flags"/> in
    /// <paramref name="environment"/>, run once per test run: <paramref name="configure"/> is given a copy of the
    /// module and a directory for configure's <c>objs/</c> files, and returns null when configure succeeded, else its
    /// output.
    /// </summary>
    public static SharedStaticConfiguration ConfigureStatic(string moduleDirectory, string flags, IReadOnlyDictionary<string, string> environment, Func<string, string, string?> configure)
    {
        var full = Path.GetFullPath(moduleDirectory);
        var directory = Directory(StaticKey(full, flags, environment), made =>
        {
            var module = Path.Combine(made, "module");
            CopyTree(full, module);
            KeepStatic(made, module, objs => configure(module, objs));
        });
        var failed = Path.Combine(directory, "configure-failed.txt");
        return new SharedStaticConfiguration(ConfiguredModule, Path.Combine(directory, "objs"), File.Exists(failed) ? File.ReadAllText(failed) : null);
    }

    /// <summary>
    /// Claims the static configure that <see cref="ConfigureStatic"/> would run, for a test that configures many
    /// builds at once: null when the run holds it already or another test is making it. Until the claim is completed
    /// or disposed, every other request for the same configure waits; one disposed uncompleted is made again by the
    /// next request.
    /// </summary>
    public static StaticClaim? ClaimStatic(string moduleDirectory, string flags, IReadOnlyDictionary<string, string> environment)
    {
        var full = Path.GetFullPath(moduleDirectory);
        var directory = Path.Combine(Root.Value, StaticKey(full, flags, environment));
        if (TryLock(directory + ".lock") is not { } held)
        {
            return null;
        }

        if (IsDone(directory))
        {
            held.Dispose();
            return null;
        }

        var claim = new StaticClaim(directory, held);
        try
        {
            Begin(directory);
            CopyTree(full, claim.Module);
            return claim;
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The directory of configure's <c>objs/</c> files for nginx alone (no module of its own) with
    /// <paramref name="flags"/>, run once per test run for the same flags: <paramref name="configure"/> writes them
    /// into the directory it is given. The converter's conformance tests and ModuleModel's agreement tests both ask
    /// for nginx's own module list.
    /// </summary>
    public static string ConfigureAlone(IEnumerable<string> flags, Action<string> configure)
        => Directory("configure-alone-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\0', flags))))[..32], configure);

    /// <summary>A key for a module directory: the hash of every file's relative path and bytes, in ordinal order, and of <paramref name="parts"/>.</summary>
    public static string Key(string kind, string moduleDirectory, params IEnumerable<string> parts)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, kind);
        foreach (var file in System.IO.Directory.EnumerateFiles(moduleDirectory, "*", SearchOption.AllDirectories)
                     .Select(f => Path.GetRelativePath(moduleDirectory, f)).Order(StringComparer.Ordinal))
        {
            Add(hash, file);
            var bytes = File.ReadAllBytes(Path.Combine(moduleDirectory, file));
            Add(hash, bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
            hash.AppendData(bytes);
        }

        foreach (var part in parts)
        {
            Add(hash, part);
        }

        return kind + "-" + Convert.ToHexString(hash.GetHashAndReset())[..32].ToLowerInvariant();
    }

    /// <summary>Copies a directory tree (files and subdirectories) to <paramref name="to"/>.</summary>
    public static void CopyTree(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (var file in System.IO.Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in System.IO.Directory.GetDirectories(from))
        {
            CopyTree(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static void Add(IncrementalHash hash, string text)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(text));
        hash.AppendData([0]);
    }

    private static string Make(string key, Action<string> produce)
    {
        var directory = Path.Combine(Root.Value, key);
        using var held = Lock(directory + ".lock");
        if (!IsDone(directory))
        {
            Begin(directory);
            produce(directory);
            MarkDone(directory);
        }

        return directory;
    }

    internal static void Complete(string directory, string module, Func<string, string?> write)
    {
        KeepStatic(directory, module, write);
        MarkDone(directory);
    }

    private static string StaticKey(string moduleDirectory, string flags, IReadOnlyDictionary<string, string> environment)
        => Key("configure-static", moduleDirectory, [flags, .. environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => e.Key + "=" + e.Value)]);

    // What a static configure keeps: configure's objs/ files (written by write, which returns configure's output when
    // it failed), with the module's path as one placeholder.
    private static void KeepStatic(string made, string module, Func<string, string?> write)
    {
        var objs = System.IO.Directory.CreateDirectory(Path.Combine(made, "objs")).FullName;
        if (write(objs) is { } failure)
        {
            File.WriteAllText(Path.Combine(made, "configure-failed.txt"), failure);
        }

        // configure writes the module's path into its files (--add-module= in NGX_CONFIGURE, the sources in the
        // Makefile). Each copy has a path of its own, so the path is written as one placeholder: the files read
        // as those of a module configured at ConfiguredModule, as when a conversion's before and after were
        // configured at one path.
        foreach (var file in System.IO.Directory.GetFiles(objs))
        {
            File.WriteAllText(file, File.ReadAllText(file).Replace(module, ConfiguredModule, StringComparison.Ordinal));
        }
    }

    private static bool IsDone(string directory) => File.Exists(Path.Combine(directory, DoneMarker));

    private static void MarkDone(string directory) => File.WriteAllText(Path.Combine(directory, DoneMarker), string.Empty);

    private static void Begin(string directory)
    {
        if (System.IO.Directory.Exists(directory))
        {
            // A process that died while making it, or a claim given up, left it half made.
            System.IO.Directory.Delete(directory, recursive: true);
        }

        System.IO.Directory.CreateDirectory(directory);
    }

    private static FileStream Lock(string path)
    {
        FileStream? held;
        while ((held = TryLock(path)) is null)
        {
            Thread.Sleep(200);
        }

        return held;
    }

    // FileShare.None is an exclusive flock on Unix: another process (or thread) that holds it makes the same key.
    private static FileStream? TryLock(string path)
    {
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string OpenRoot()
    {
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } shared)
        {
            System.IO.Directory.CreateDirectory(shared);
            return shared;
        }

        var own = System.IO.Directory.CreateTempSubdirectory("cc-shared-runs-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(own, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return own;
    }
}

/// <summary>A static configure of a module, made once per test run.</summary>
/// <param name="Module">Where configure's files say the module was: <see cref="SharedRuns.ConfiguredModule"/>.</param>
/// <param name="Objs">The directory holding configure's <c>objs/</c> files.</param>
/// <param name="Failure">configure's output when it failed; null when it succeeded.</param>
public sealed record SharedStaticConfiguration(string Module, string Objs, string? Failure);

/// <summary>
/// A static configure claimed by <see cref="SharedRuns.ClaimStatic"/>: configure <see cref="Module"/> (a copy of the
/// module), then <see cref="Complete"/>; other requests for it wait until then.
/// </summary>
public sealed class StaticClaim : IDisposable
{
    private readonly string _directory;
    private readonly FileStream _held;

    private bool _disposed;

    internal StaticClaim(string directory, FileStream held) => (_directory, _held) = (directory, held);

    /// <summary>The copy of the module to give configure.</summary>
    public string Module => Path.Combine(_directory, "module");

    /// <summary>Keeps the configure's result: <paramref name="write"/> fills the directory it is given with configure's objs/ files and returns null, or returns configure's output when it failed.</summary>
    public void Complete(Func<string, string?> write)
    {
        // Once disposed, the lock is another's: what this claim would write could mix with what that one makes.
        ObjectDisposedException.ThrowIf(_disposed, this);
        SharedRuns.Complete(_directory, Module, write);
    }

    /// <summary>Lets other requests go on: they read what <see cref="Complete"/> kept, or make it themselves.</summary>
    public void Dispose()
    {
        _disposed = true;
        _held.Dispose();
    }
}
