using System.Collections.Immutable;
using System.Text.RegularExpressions;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Nginx;

/// <summary>
/// The values configure's variables have when it sources a module's config, for one nginx build, and
/// the nginx files configs read (<c>src/core/nginx.h</c>). A config is evaluated against them:
/// positions like "before ngx_http_ssi_filter_module" are found by comparing a module list before and
/// after the config ran, and <c>awk '/^#define nginx_version/ {print $3}' src/core/nginx.h</c> reads
/// this build's header.
/// </summary>
public sealed partial class ReferenceBuild
{
    /// <summary>The nginx file, relative to nginx's tree, that a capture records besides the variables.</summary>
    public const string VersionHeader = "src/core/nginx.h";

    private const string ResourcePrefix = "Reference/nginx-";

    private static readonly Lazy<ImmutableArray<string>> EmbeddedBuildNames = new(ListEmbedded);

    // Each embedded build is parsed when first asked for: a run uses one, and start-up lists only names.
    private static readonly Dictionary<string, Lazy<ReferenceBuild>> EmbeddedBuildsByName = EmbeddedBuildNames.Value
        .ToDictionary(name => name, name => new Lazy<ReferenceBuild>(() => LoadEmbedded(name)), StringComparer.Ordinal);

    private ReferenceBuild(string name, ImmutableDictionary<string, string> globals, ImmutableDictionary<string, string> files)
    {
        Name = name;
        Globals = globals;
        Files = files;
    }

    /// <summary>nginx 1.22.1 configured with Debian's flags plus <c>--with-stream --with-mail</c>, as captured from its real configure.</summary>
    public static ReferenceBuild Default => Named("1.22.1-debian")!;

    /// <summary>Every build that ships with the library, by version: each captured from nginx's real configure with Debian's flags plus <c>--with-stream --with-mail</c>.</summary>
    public static ImmutableArray<ReferenceBuild> Embedded => [.. EmbeddedNames.Select(name => EmbeddedBuildsByName[name].Value)];

    /// <summary>The names of the builds that ship with the library (those of <see cref="Embedded"/>, in the same order), without reading the builds.</summary>
    public static ImmutableArray<string> EmbeddedNames => EmbeddedBuildNames.Value;

    /// <summary>The name users choose the build by (<c>1.22.1-debian</c>); for a capture, what the caller named it.</summary>
    public string Name { get; }

    /// <summary>nginx's version (<c>NGINX_VERSION</c> of <c>src/core/nginx.h</c>), or null when the capture holds no header.</summary>
    public string? Version => Files.TryGetValue(VersionHeader, out var header) && VersionDefine().Match(header) is { Success: true } match ? match.Groups[1].Value : null;

    /// <summary>Variable name to value.</summary>
    internal ImmutableDictionary<string, string> Globals { get; }

    /// <summary>nginx's files the build knows, by their path relative to nginx's tree (where configure runs).</summary>
    internal ImmutableDictionary<string, string> Files { get; }

    /// <summary>The embedded build called <paramref name="name"/> (with or without the <c>nginx-</c> prefix), or null.</summary>
    public static ReferenceBuild? Named(string name)
    {
        var wanted = name.StartsWith("nginx-", StringComparison.Ordinal) ? name["nginx-".Length..] : name;
        return EmbeddedBuildsByName.TryGetValue(wanted, out var build) ? build.Value : null;
    }

    /// <summary>nginx's own modules in the list of <paramref name="type"/>, in order (none when the build does not set the list).</summary>
    public ImmutableArray<string> Modules(ModuleType type) => Words(type.ModulesList);

    /// <summary>The words of the build's list <paramref name="variable"/> (<c>HTTP_INCS</c>, <c>HTTP_DEPS</c>), in order; none when the build does not set it.</summary>
    internal ImmutableArray<string> Words(string variable)
        => Globals.TryGetValue(variable, out var list) ? [.. list.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries)] : [];

    /// <summary>Reads <c>NAME='value'</c> lines (the format <c>set</c> prints) with the shell parser; the build knows no nginx file.</summary>
    public static ReferenceBuild FromShellAssignments(string text) => FromCapture("capture", text, versionHeader: null);

    /// <summary>
    /// A build from what <c>capture-initial-globals.sh</c> wrote: the variables (<c>PREFIX.sh</c>) and
    /// <c>src/core/nginx.h</c> (<c>PREFIX.nginx.h</c>; null when not captured, and then configs that
    /// read it get an unknown).
    /// </summary>
    public static ReferenceBuild FromCapture(string name, string shellAssignments, string? versionHeader)
    {
        var globals = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var statement in SyntaxTree.ParseText(shellAssignments).GetRoot().Statements)
        {
            if (statement.Command is SimpleCommandSyntax simple && !simple.Words.Any())
            {
                foreach (var assignment in simple.Assignments)
                {
                    globals[assignment.Name.Text] = assignment.Value?.GetLiteralValue() ?? string.Empty;
                }
            }
        }

        var files = versionHeader is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add(VersionHeader, versionHeader);
        return new ReferenceBuild(name, globals.ToImmutable(), files);
    }

    /// <summary>The text of nginx's file at <paramref name="relativePath"/> (as configure, in nginx's tree, names it), or null when the build does not know it.</summary>
    public string? ReadFile(string relativePath)
    {
        var path = relativePath;
        while (path.StartsWith("./", StringComparison.Ordinal))
        {
            path = path[2..].TrimStart('/');
        }

        return Files.GetValueOrDefault(path);
    }

    // A loop, not LINQ: every run lists the names at start-up (the CLI offers them), and the native build made the
    // generic methods of that chain at run time, a third of a millisecond of every run.
    private static ImmutableArray<string> ListEmbedded()
    {
        var names = new List<string>();
        foreach (var resource in typeof(ReferenceBuild).Assembly.GetManifestResourceNames())
        {
            if (resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) && resource.EndsWith(".sh", StringComparison.Ordinal))
            {
                names.Add(resource[ResourcePrefix.Length..^".sh".Length]);
            }
        }

        names.Sort(StringComparer.Ordinal);
        return [.. names];
    }

    private static ReferenceBuild LoadEmbedded(string name)
        => FromCapture(name, ReadResource(ResourcePrefix + name + ".sh")!, ReadResource(ResourcePrefix + name + ".nginx.h"));

    private static string? ReadResource(string name)
    {
        using var stream = typeof(ReferenceBuild).Assembly.GetManifestResourceStream(name);
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("^#define\\s+NGINX_VERSION\\s+\"([^\"]*)\"", RegexOptions.Multiline)]
    private static partial Regex VersionDefine();
}
