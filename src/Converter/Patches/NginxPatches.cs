using System.Collections.Immutable;
using System.Text;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Converter.Patches;

/// <summary>
/// How a module changes nginx's own sources, which a dynamic module cannot do: the nginx it is loaded
/// into is already built. The converter refuses such modules (CC3002) and the check reports them
/// (CC5001); both ask here, so that what counts as a patch to nginx is decided in one place.
/// </summary>
internal static class NginxPatches
{
    /// <summary>nginx's source directories under <c>src/</c>.</summary>
    private static readonly HashSet<string> SourceDirectories = new(StringComparer.Ordinal) { "core", "event", "http", "mail", "stream", "os", "misc" };

    /// <summary>The variables of configure that name <c>objs/</c> or a file in it (auto/init), and that file's name.</summary>
    private static readonly Dictionary<string, string> ObjsVariables = new(StringComparer.Ordinal)
    {
        ["NGX_OBJS"] = string.Empty,
        ["NGX_AUTO_CONFIG_H"] = AutoConfigHeader,
        ["NGX_AUTO_HEADERS_H"] = AutoHeadersHeader,
        ["NGX_MAKEFILE"] = "Makefile",
        ["NGX_MODULES_C"] = "ngx_modules.c",
    };

    private const string ObjsDirectory = "objs/";

    private const string AutoConfigHeader = "ngx_auto_config.h";

    private const string AutoHeadersHeader = "ngx_auto_headers.h";

    /// <summary>
    /// The names of nginx's headers that its own sources find through an include directory searched after
    /// <c>objs/</c>: auto/make writes <c>-I</c> for <c>$CORE_INCS $NGX_OBJS $HTTP_INCS $MAIL_INCS $STREAM_INCS</c>, in
    /// that order, so a file of one of these names in <c>objs/</c> is what nginx's http, mail and stream sources
    /// include instead of nginx's. Read from the embedded builds: each type's <c>_DEPS</c> headers that lie in its
    /// <c>_INCS</c> directories.
    /// </summary>
    private static readonly Lazy<HashSet<string>> HeadersSearchedAfterObjs = new(() =>
    [
        .. ReferenceBuild.Embedded.SelectMany(build => new[] { ModuleType.Http, ModuleType.Mail, ModuleType.Stream }.SelectMany(type =>
        {
            var directories = build.Words(type.VariableStem + "_INCS").ToHashSet(StringComparer.Ordinal);
            return build.Words(type.VariableStem + "_DEPS").Where(header => directories.Contains(Path.GetDirectoryName(header) ?? string.Empty)).Select(Path.GetFileName);
        })).OfType<string>().Where(IsHeader),
    ]);

    /// <summary>A C header's name: only such a file in objs/ can stand in for one of nginx's (<see cref="HeadersSearchedAfterObjs"/>).</summary>
    private static bool IsHeader(string name) => name.EndsWith(".h", StringComparison.Ordinal);

    /// <summary>True for a file name <c>patch</c> reads: <c>*.patch</c> or <c>*.diff</c>.</summary>
    public static bool IsPatchFileName(string path)
        => path.EndsWith(".patch", StringComparison.Ordinal) || path.EndsWith(".diff", StringComparison.Ordinal);

    /// <summary>Folders that hold a module's development and test tools, not what users build.</summary>
    private static readonly HashSet<string> DevelopmentFolders = new(StringComparer.OrdinalIgnoreCase) { "dev", "devel", "t", "test", "tests", "util", "utils" };

    /// <summary>
    /// True when a shipped patch is not part of the build: it sits in a development or test folder
    /// (<c>dev/</c>, <c>t/</c>, <c>test/</c>, <c>util/</c>...), the config does not name it, and no README or
    /// INSTALL at the top of the module tells users to apply it. Such a patch is a note, not a blocker;
    /// one at the top of the module, or one the config or the instructions name, blocks. The README and INSTALL
    /// texts come from <paramref name="instructions"/> (<see cref="ReadInstructions"/>), asked only when the patch's
    /// folder and the config leave the question open: a module of several patches reads a long README once.
    /// </summary>
    public static bool IsOutsideBuild(string relativePath, string configText, Func<IEnumerable<string?>> instructions)
    {
        var parts = RelativePath.WithSlashes(relativePath).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !parts[..^1].Any(DevelopmentFolders.Contains))
        {
            return false;
        }

        var name = parts[^1];
        return !configText.Contains(name, StringComparison.Ordinal) && !instructions().Any(text => text is null || text.Contains(name, StringComparison.Ordinal));
    }

    /// <summary>The texts of the README and INSTALL files at the top of the module, read now (see <see cref="IsOutsideBuild"/>).</summary>
    public static ImmutableArray<string?> ReadInstructions(string moduleDirectory) => [.. Instructions(moduleDirectory)];

    /// <summary>
    /// The texts of the README and INSTALL files at the top of the module, whatever their extension; null for one that
    /// cannot be read. One with no size of its own (a FIFO, a device) is read as empty without being opened.
    /// </summary>
    private static IEnumerable<string?> Instructions(string moduleDirectory)
    {
        IEnumerable<string> files;
        try
        {
            files = Directory.EnumerateFiles(moduleDirectory)
                .Where(f => Path.GetFileName(f) is var n && (n.StartsWith("README", StringComparison.OrdinalIgnoreCase) || n.StartsWith("INSTALL", StringComparison.OrdinalIgnoreCase)))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var file in files)
        {
            string? text;
            try
            {
                text = BoundedFile.ReadFoundFile(file) is { } bytes ? SourceText.From(bytes).Text : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // An instruction that cannot be read might name the patch: count it as naming every one.
                text = null;
            }

            yield return text;
        }
    }

    /// <summary>
    /// Reads a shipped patch file: the nginx files its headers name (a path the module has itself is
    /// the module's own file), or <see cref="PatchFile.IsDiff"/> false when the text is not a diff.
    /// </summary>
    public static PatchFile ReadPatchFile(string moduleDirectory, string relativePath, string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal) || DiffHeaders.Parse(text) is not { } paths)
        {
            return new PatchFile(relativePath, false, []);
        }

        var nginxFiles = paths
            .Select(p => (Nginx: NginxPathOf(p.Path, moduleDirectory, Path.GetDirectoryName(relativePath) ?? string.Empty), p.Span))
            .Where(p => p.Nginx is not null)
            .Select(p => new PatchedFile(p.Nginx!, p.Span));
        return new PatchFile(relativePath, true, [.. nginxFiles.DistinctBy(f => f.NginxPath)]);
    }

    /// <summary>
    /// The programs the config runs that change files (<c>patch</c>, <c>sed -i</c>, <c>cp</c>, <c>tee</c>), each with
    /// what it changes in nginx's tree, in the order written. One whose target the model cannot know is
    /// listed with <see cref="TreeChange.Known"/> false.
    /// </summary>
    public static ImmutableArray<TreeChange> FindCommands(IEnumerable<ModuleDescription> descriptions, string moduleDirectory)
    {
        var commands = descriptions.SelectMany(d => d.Outcomes).SelectMany(o => o.Commands).Where(c => c.Location is not null).DistinctBy(c => c.Location);
        var changes = new List<TreeChange>();
        foreach (var command in commands)
        {
            var targets = command.Name switch
            {
                "patch" => PatchTargets(command.Arguments, moduleDirectory),
                "sed" when command.Arguments.Any(IsInPlaceOption) => SedTargets(command.Arguments),
                "cp" or "mv" or "install" or "ln" => CopyTargets(command.Arguments),
                "tee" => Operands(command.Arguments),
                _ => null,
            };
            var appends = command.Name == "tee" && command.Arguments.Any(IsAppendOption);
            if (targets is { } found && Classify([.. found.Select(target => InDirectory(command, target))], moduleDirectory, appends) is { } change)
            {
                var program = command.Name switch { "sed" => "sed -i", "tee" when appends => "tee -a", _ => command.Name };
                changes.Add(change with { Program = program, Location = command.Location! });
            }
        }

        return [.. changes.OrderBy(c => c.Location.Span.Start)];
    }

    /// <summary>
    /// Redirections of the config that change what nginx is built from in <c>objs/</c>: <c>ngx_auto_config.h</c> or
    /// <c>ngx_auto_headers.h</c> overwritten, an object of nginx's sources, a header named as one of nginx's that lies in a
    /// directory searched after objs/ (which it would hide from nginx's own sources), a path out of objs/, or a file whose name the
    /// config computes. Not counted: an append to those two headers, which is what configure's own auto/have, auto/define
    /// and auto/include do for every module that asks (a dynamic build runs the config again and compiles the module with
    /// its defines); configure's Makefile and module lists, which configure writes again after every config has run;
    /// and a file of the module's own (a generated version header), which nginx has none of.
    /// </summary>
    /// <remarks>
    /// Two readings are joined. The config's text is read for the targets it writes through configure's variables, or
    /// through variables it sets to a path in objs/, in every branch, whether or not a world runs it; a target whose name
    /// the config computes counts there. The redirections the model ran (<paramref name="descriptions"/>) add what the
    /// text does not show: a path passed to a function, exported, looped over, given as a default or run with
    /// <c>eval</c>, in the config or a file it sources. One redirection is reported once, as the text reads it when it does.
    /// </remarks>
    public static ImmutableArray<TreeChange> FindObjsWrites(SyntaxTree config, IEnumerable<ModuleDescription> descriptions)
    {
        var writes = WrittenRedirections(config);
        var readInText = writes.Select(w => w.Location).ToHashSet();
        writes.AddRange(RanRedirections(descriptions, ObjsFileChanged).Where(write => !readInText.Contains(write.Location)));

        // The config's own first, then the files it sources, each in the order written.
        return [.. writes.OrderBy(w => w.Location.Path != config.FilePath).ThenBy(w => w.Location.Path, StringComparer.Ordinal).ThenBy(w => w.Location.Span.Start)];
    }

    /// <summary>
    /// Redirections the model ran that write one of nginx's own files: under <c>src/core</c>, <c>src/event</c>,
    /// <c>src/http</c>, <c>src/mail</c>, <c>src/stream</c>, <c>src/os</c> or <c>src/misc</c>, under <c>auto/</c>, or
    /// <c>configure</c> (configure runs in nginx's tree, so a relative path is one of its files). An append changes the
    /// file as much as an overwrite, and a new file there counts as <c>cp</c> into those directories does. Each
    /// redirection once, with the file its target expands to; one whose target the model cannot know is not listed.
    /// </summary>
    public static ImmutableArray<TreeChange> FindSourceWrites(IEnumerable<ModuleDescription> descriptions)
        => [.. RanRedirections(descriptions, r => NginxSourceOf(r.Path)).OrderBy(w => w.Location.Path, StringComparer.Ordinal).ThenBy(w => w.Location.Span.Start)];

    /// <summary>
    /// The redirections the model ran in any world of <paramref name="descriptions"/> for which <paramref name="nginxFile"/>
    /// names a file of nginx's that the write changes, each redirection once (the first world's file), in the order run.
    /// </summary>
    private static IEnumerable<TreeChange> RanRedirections(IEnumerable<ModuleDescription> descriptions, Func<RedirectionFact, string?> nginxFile)
        => descriptions.SelectMany(d => d.Outcomes).SelectMany(o => o.Redirections)
            .Select(redirection => (redirection.Location, File: nginxFile(redirection)))
            .Where(write => write.Location is not null && write.File is not null)
            .DistinctBy(write => write.Location)
            .Select(write => new TreeChange("a redirection", write.Location!, [write.File!], true));

    /// <summary>The path in objs/ a redirection the model ran writes, when the write changes what nginx is built from.</summary>
    private static string? ObjsFileChanged(RedirectionFact redirection)
    {
        var path = WithoutDotSlash(redirection.Path);
        return InObjs(path) is { } inside && ChangesNginxBuild(inside, redirection.Appends) ? path : null;
    }

    /// <summary>The file of nginx's own sources that a path of nginx's tree names (<c>./src/http/x.h</c> gives <c>src/http/x.h</c>), or null.</summary>
    private static string? NginxSourceOf(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".").ToArray();
        if (path.StartsWith('/') || parts.Contains(".."))
        {
            return null;
        }

        var isSource = parts switch
        {
            ["src", var directory, _, ..] => SourceDirectories.Contains(directory),
            ["auto", _, ..] or ["configure"] => true,
            _ => false,
        };
        return isSource ? string.Join('/', parts) : null;
    }

    /// <summary>The redirections of the config's text that write into objs/ in a way that changes nginx's build.</summary>
    private static List<TreeChange> WrittenRedirections(SyntaxTree config)
    {
        var writes = new List<TreeChange>();
        var root = config.GetRoot();
        var held = HeldObjsPaths(root);
        foreach (var redirect in root.DescendantNodes().OfType<RedirectSyntax>())
        {
            // `<>` opens the file to be written in place, without truncating it.
            if (redirect.Operator.Kind is not (SyntaxKind.GreaterToken or SyntaxKind.GreaterGreaterToken or SyntaxKind.GreaterBarToken or SyntaxKind.LessGreaterToken))
            {
                continue;
            }

            var appends = redirect.Operator.Kind == SyntaxKind.GreaterGreaterToken;
            if (ObjsTargets(redirect.Target, held).Where(target => ChangesNginxBuild(target.Name, appends)).Select(target => target.Written).FirstOrDefault() is { } written)
            {
                writes.Add(new TreeChange("a redirection", config.GetLocation(redirect), [written], true));
            }
        }

        return writes;
    }

    /// <summary>
    /// The variables the config sets to a path under <c>objs/</c> (<c>h=$NGX_OBJS/ngx_auto_config.h</c>, or
    /// <c>h=$objs/ngx_auto_config.h</c> after <c>objs=$NGX_OBJS</c>), each with every such path it is set to anywhere: a
    /// redirection to <c>$h</c> may write any of them, and one that changes the build is enough, since which assignment
    /// ran last is not told apart here.
    /// </summary>
    private static Dictionary<string, List<ObjsFile>> HeldObjsPaths(SyntaxNode root)
    {
        var held = new Dictionary<string, List<ObjsFile>>(StringComparer.Ordinal);
        foreach (var assignment in root.DescendantNodes().OfType<AssignmentSyntax>())
        {
            if (assignment.Value is not { } value)
            {
                continue;
            }

            // Listed before any is added: `h=$h/sub` reads the paths it adds to.
            foreach (var file in ObjsTargets(value, held).ToList())
            {
                if (!held.TryGetValue(assignment.Name.Text, out var paths))
                {
                    held[assignment.Name.Text] = paths = [];
                }

                paths.Add(file);
            }
        }

        return held;
    }

    /// <summary>
    /// Whether writing <paramref name="name"/> (a path inside <c>objs/</c>, or null when the config computes part of it)
    /// changes what nginx is built from, or may: what cannot be told counts, and so does a path out of objs/.
    /// </summary>
    private static bool ChangesNginxBuild(string? name, bool appends)
    {
        if (name is null || name.Length == 0 || name.Split('/').Contains(".."))
        {
            return true;
        }

        if (name is AutoConfigHeader or AutoHeadersHeader)
        {
            return !appends;
        }

        // A header named as one of nginx's that lies in a directory searched after objs/ hides nginx's own from nginx's
        // sources; an object of nginx's own sources is linked as it is rather than built again.
        // Whether the name is a header is asked first: the set is read from every embedded build, and a write of anything
        // else into objs/ (a config's message appended to autoconf.err) read all of them for nothing, a few milliseconds.
        return (IsHeader(name) && HeadersSearchedAfterObjs.Value.Contains(name)) || name.StartsWith("src/", StringComparison.Ordinal);
    }

    /// <summary>
    /// The path in nginx's tree that a path of a diff names (<c>a/src/http/x.c</c> and
    /// <c>nginx-1.22.1/src/http/x.c</c> give <c>src/http/x.c</c>), or null when it is not one of nginx's: a
    /// path the module has itself, beside the module's root or the patch file, is the module's own.
    /// </summary>
    internal static string? NginxPathOf(string path, string moduleDirectory, string patchDirectory)
    {
        var parts = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < Math.Min(parts.Length, 3); i++)
        {
            var isNginx = (parts[i] == "src" && i + 2 < parts.Length && SourceDirectories.Contains(parts[i + 1]))
                || (parts[i] == "auto" && i + 1 < parts.Length)
                || (parts[i] == "configure" && i == parts.Length - 1);
            if (isNginx)
            {
                var relative = string.Join('/', parts[i..]);
                return IsModuleFile(moduleDirectory, relative) || IsModuleFile(Path.Combine(moduleDirectory, patchDirectory), relative) ? null : relative;
            }
        }

        return null;
    }

    private static bool IsModuleFile(string moduleDirectory, string relative)
    {
        var full = Path.Combine(moduleDirectory, relative);
        return File.Exists(full) || Directory.Exists(full);
    }

    /// <summary>
    /// A path a command names, read from the directory it runs in: after <c>cd $ngx_addon_dir</c>, <c>version.h</c> is the
    /// module's own file; after a <c>cd</c> the model cannot follow, a relative path names a file it cannot know.
    /// </summary>
    private static ShellValue InDirectory(CommandFact command, ShellValue target)
    {
        if (target.KnownText is not { } path)
        {
            return target;
        }

        return command.ResolvePath(path) is { } file
            ? file == path ? target : ShellValue.Text(file)
            : ShellValue.Of(new UnknownValue("a path relative to a directory the config changed to with `cd`", command.Location));
    }

    private static bool IsInPlaceOption(ShellValue argument)
        => argument.KnownText is { } text && (text.StartsWith("-i", StringComparison.Ordinal) || text.StartsWith("--in-place", StringComparison.Ordinal));

    /// <summary><c>patch</c> changes files under its <c>-d</c> directory, by default configure's: nginx's tree.</summary>
    private static List<ShellValue> PatchTargets(ImmutableArray<ShellValue> arguments, string moduleDirectory)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            var text = arguments[i].KnownText;
            if (text == "-d" && i + 1 < arguments.Length)
            {
                return [arguments[i + 1]];
            }

            if (text is not null && (text.StartsWith("--directory=", StringComparison.Ordinal) || (text.StartsWith("-d", StringComparison.Ordinal) && text.Length > 2)))
            {
                return [ShellValue.Text(text[(text.IndexOf('=') is var eq and > 0 ? eq + 1 : 2)..])];
            }
        }

        return [ShellValue.Text(".")];
    }

    /// <summary>The files of <c>sed -i</c>: its operands after the script (or all of them, with <c>-e</c>/<c>-f</c>).</summary>
    private static List<ShellValue> SedTargets(ImmutableArray<ShellValue> arguments)
    {
        var operands = new List<ShellValue>();
        var scriptGiven = false;
        for (var i = 0; i < arguments.Length; i++)
        {
            var text = arguments[i].KnownText;
            if (text is "-e" or "-f" or "--expression" or "--file")
            {
                scriptGiven = true;
                i++;
            }
            else if (text is null || !text.StartsWith('-') || text == "-")
            {
                operands.Add(arguments[i]);
            }
        }

        return scriptGiven ? operands : [.. operands.Skip(1)];
    }

    /// <summary>The files <c>tee</c> writes: every operand (an option such as <c>-a</c> starts with a dash).</summary>
    private static List<ShellValue> Operands(ImmutableArray<ShellValue> arguments)
        => [.. arguments.Where(a => a.KnownText is not { } text || !text.StartsWith('-') || text == "-")];

    /// <summary><c>tee -a</c> (or <c>--append</c>, or <c>a</c> among short options run together): it appends, as <c>&gt;&gt;</c> does.</summary>
    private static bool IsAppendOption(ShellValue argument)
        => argument.KnownText is { } text && (text == "--append" || (text.Length > 1 && text[0] == '-' && text[1] != '-' && text.Contains('a')));

    /// <summary>The destination of <c>cp</c> and its like: the last operand (or the one after <c>-t</c>).</summary>
    private static List<ShellValue> CopyTargets(ImmutableArray<ShellValue> arguments)
    {
        var operands = arguments.Where(a => a.KnownText is not { } text || !text.StartsWith('-')).ToList();
        var target = arguments.IndexOf(arguments.FirstOrDefault(a => a.KnownText == "-t")!);
        return target >= 0 && target + 1 < arguments.Length ? [arguments[target + 1]] : operands.Count >= 2 ? [operands[^1]] : [];
    }

    /// <summary>Which targets are in nginx's tree: configure runs in it, so a relative path is one of its files.</summary>
    private static TreeChange? Classify(List<ShellValue> targets, string moduleDirectory, bool appends = false)
    {
        var root = moduleDirectory.TrimEnd('/');
        var nginxFiles = new List<string>();
        var known = true;
        foreach (var target in targets)
        {
            if (target.KnownText is not { } path)
            {
                known = false;
                continue;
            }

            if (path == root || path.StartsWith(root + "/", StringComparison.Ordinal) || path.StartsWith('/'))
            {
                continue;
            }

            var relative = WithoutDotSlash(path);
            if (InObjs(relative) is { } inside && !ChangesNginxBuild(inside, appends))
            {
                continue;
            }

            nginxFiles.Add(relative);
        }

        return nginxFiles.Count > 0 || !known ? new TreeChange(string.Empty, Location.None(), [.. nginxFiles], known && nginxFiles.Count > 0) : null;
    }

    /// <summary>
    /// The files a redirection's target may be under <c>objs/</c>: written literally, through one of configure's
    /// variables, or through a variable the config set to a path there (<paramref name="held"/>). Each is given as the
    /// config wrote it, with its path inside <c>objs/</c> when the rest of the word is literal.
    /// </summary>
    private static IEnumerable<ObjsFile> ObjsTargets(WordSyntax target, Dictionary<string, List<ObjsFile>>? held)
    {
        if (target.GetLiteralValue() is { } literal)
        {
            var path = WithoutDotSlash(literal);
            return InObjs(path) is { } inside ? [new ObjsFile(path, inside)] : [];
        }

        var parts = target.Parts.FirstOrDefault() is DoubleQuotedPartSyntax quoted ? [.. quoted.Parts, .. target.Parts.Skip(1)] : target.Parts.ToList();
        if (LeadingVariable(parts) is not { } name)
        {
            return [];
        }

        var rest = LiteralText(parts.Skip(1));
        if (ObjsVariables.TryGetValue(name, out var file))
        {
            return [new ObjsFile(target.ToString().Trim(), rest is null ? null : InsideObjs(file + rest))];
        }

        if (held is null || !held.TryGetValue(name, out var paths))
        {
            return [];
        }

        // The path the variable holds stands for it: the message names what is written, not the variable. The latest
        // assignment first, as it is the one a straight run of the config leaves. A word whose rest is computed names
        // one file the config computes, whatever the variable holds.
        return rest is null
            ? [new ObjsFile(target.ToString().Trim(), null)]
            : Enumerable.Reverse(paths).Select(path => new ObjsFile(path.Written + rest, path.Name is null ? null : InsideObjs(path.Name + rest)));
    }

    /// <summary>The variable a word starts with (<c>$NGX_OBJS/...</c>, <c>${NGX_OBJS:-objs}/...</c>), or null.</summary>
    private static string? LeadingVariable(List<WordPartSyntax> parts) => parts.FirstOrDefault() switch
    {
        SimpleExpansionSyntax simple => simple.ParameterName,
        ParameterExpansionSyntax { Operator: null } braced => braced.ParameterName,
        // configure sets its variables before any config runs, and never empty: a default is never used. A variable
        // of the config's own that holds a path in objs/ counts too: what cannot be told counts.
        ParameterExpansionSyntax { Hash: null, OperatorText: "-" or ":-" or "=" or ":=" } defaulted => defaulted.ParameterName,
        _ => null,
    };

    /// <summary>The text of word parts that are all literal, or null.</summary>
    private static string? LiteralText(IEnumerable<WordPartSyntax> parts)
    {
        var text = new StringBuilder();
        foreach (var part in parts)
        {
            if (part is not LiteralPartSyntax literal)
            {
                return null;
            }

            text.Append(literal.Value);
        }

        return text.ToString();
    }

    private static string InsideObjs(string path) => string.Join('/', path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."));

    /// <summary>The path inside <c>objs/</c> of a path of nginx's tree, or null when it is not under <c>objs/</c>.</summary>
    private static string? InObjs(string path)
        => path.StartsWith(ObjsDirectory, StringComparison.Ordinal) ? InsideObjs(path[ObjsDirectory.Length..]) : null;

    /// <summary>A relative path without its leading <c>./</c> (configure runs in nginx's tree, so both name the same file).</summary>
    private static string WithoutDotSlash(string path) => path.StartsWith("./", StringComparison.Ordinal) && path.Length > 2 ? path[2..] : path;

    /// <summary>A file a redirection writes under <c>objs/</c>: as the config wrote it, and its path there (null when computed).</summary>
    private readonly record struct ObjsFile(string Written, string? Name);
}

/// <summary>A shipped patch file: whether it is a diff, and the nginx files it changes.</summary>
internal sealed record PatchFile(string RelativePath, bool IsDiff, ImmutableArray<PatchedFile> NginxFiles);

/// <summary>One of nginx's files a patch changes (<c>src/http/ngx_http_upstream.c</c>), and where the diff names it.</summary>
internal readonly record struct PatchedFile(string NginxPath, TextSpan Span);

/// <summary>
/// A command of the config that changes files outside the module: the program, where it runs, the
/// nginx files it changes, and whether they are known (a target the model cannot know may be nginx's).
/// </summary>
internal sealed record TreeChange(string Program, Location Location, ImmutableArray<string> NginxFiles, bool Known);
