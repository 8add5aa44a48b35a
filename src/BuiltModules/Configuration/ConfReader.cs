using System.Collections.Immutable;
using ConfigConvert.BuiltModules.Prediction;
using ConfigConvert.Diagnostics;
using ConfigConvert.IO;
using ConfigConvert.Text;
using Superpower.Model;

namespace ConfigConvert.BuiltModules.Configuration;

/// <summary>
/// Reads an nginx configuration as nginx does (ngx_conf_parse): the main file, and every
/// <c>include</c> where it stands, a relative path taken from the directory of the main file (the
/// "conf prefix"), globs expanded in sorted order. It keeps the <c>load_module</c> directives in the
/// order nginx meets them; everything else is only tokenized, so <c>map</c> blocks, regexes and Lua
/// blocks pass through. A syntax error stops the reading, as it stops nginx.
/// <para>
/// nginx reads a file again each time it is included, so a chain of files each including the next
/// twice makes it read 2^N files. Here a file is read once per context (inside a block or not,
/// before or after the blocks that count the modules; for a file whose reading cut an include loop,
/// also the files being read): including it again in the same context meets the same load_module
/// directives in the same order, so they are taken from the first reading. The time and memory are those of the distinct files; only the load_module directives
/// met are counted (<see cref="MaxLoadModules"/>). Each file is listed once, and each include loop
/// reported once.
/// </para>
/// </summary>
internal sealed class ConfReader
{
    private const int MaxDepth = 64;

    /// <summary>
    /// The load_module directives met in all, a file included several times counting each time. A
    /// configuration nginx accepts meets at most 128 of them (NGX_MAX_DYNAMIC_MODULES; one met twice is
    /// "already loaded"), unless it loads files that hold no module; this keeps the report bounded when
    /// includes repeat a load_module exponentially often.
    /// </summary>
    private const int MaxLoadModules = 1024;

    /// <summary>The blocks whose handlers call ngx_count_modules(), after which load_module is "specified too late" (nginx 1.22.1: src/event/ngx_event.c:970, src/http/ngx_http.c:149, src/mail/ngx_mail.c:94, src/stream/ngx_stream.c:101).</summary>
    private static readonly HashSet<string> CountingBlocks = ["events", "http", "mail", "stream"];

    private readonly string _confPrefix;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<LoadModuleDirective> _loadModules = [];
    private readonly List<string> _files = [];
    private readonly HashSet<string> _listed = new(StringComparer.Ordinal);
    private readonly Stack<OpenFile> _reading = new();
    private readonly Dictionary<ReadingKey, FileReading> _readings = [];
    private readonly HashSet<(Location Where, string Path)> _loopsReported = [];
    private bool _modulesUsed;
    private bool _stopped;
    private int _deepest;

    private ConfReader(string confPrefix) => _confPrefix = confPrefix;

    /// <summary>Reads <paramref name="mainFile"/> (an absolute path) and what it includes; relative includes are taken from <paramref name="confPrefix"/>.</summary>
    public static ConfigurationRead Read(string mainFile, string confPrefix)
    {
        var reader = new ConfReader(confPrefix);
        reader.ReadFile(mainFile, null, 0, mainContext: true);
        return new ConfigurationRead([.. reader._loadModules], [.. reader._diagnostics], [.. reader._files]);
    }

    private void ReadFile(string path, Location? includedAt, int depth, bool mainContext)
    {
        var includer = _reading.Count > 0 ? _reading.Peek() : null;
        includer?.Targets.Add(path);
        if (_reading.Any(r => r.Path == path))
        {
            Loop(path, includedAt ?? Location.None(path), includer!);
            return;
        }

        var key = new ReadingKey(path, mainContext, _modulesUsed);
        if (_readings.TryGetValue(key, out var earlier) && depth + earlier.Height <= MaxDepth && SeesTheSameStack(earlier))
        {
            Replay(earlier, depth, includer);
            return;
        }

        if (ReadText(path) is not { } text)
        {
            var where = includedAt ?? Location.None(path);
            _diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.ConfigurationUnreadable, where, OpenError(path)));
            _stopped = true;
            return;
        }

        if (_listed.Add(path))
        {
            _files.Add(path);
        }

        var (tokens, error) = ConfTokenizer.Scan(text.Text);
        var loops = Read(new FileTokens(path, text, tokens, error), key, depth, mainContext);
        Inherit(includer, loops);
    }

    /// <summary>Reads the statements of a file and remembers what they met, for the next time it is included.</summary>
    private LoopContext? Read(FileTokens file, ReadingKey key, int depth, bool mainContext)
    {
        var first = _loadModules.Count;
        var deepestOutside = _deepest;
        _deepest = depth;
        var reading = new OpenFile(file.Path);
        _reading.Push(reading);
        var index = 0;
        ReadStatements(file, ref index, depth, mainContext, inBlock: false);
        _reading.Pop();

        var loops = reading.MetLoop ? new LoopContext(reading.Targets, TargetsOnStack(reading.Targets)) : null;

        // A reading that stopped is never met again: nothing is read after it.
        if (!_stopped)
        {
            _readings[key] = new FileReading(first, _loadModules.Count - first, _modulesUsed, _deepest - depth, loops);
        }

        _deepest = Math.Max(deepestOutside, _deepest);
        return loops;
    }

    private void Loop(string path, Location where, OpenFile includer)
    {
        includer.MetLoop = true;
        if (_loopsReported.Add((where, path)))
        {
            _diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.IncludeLoop, where, path, includer.Path));
        }
    }

    /// <summary>
    /// Whether reading the file again would cut the same include loops. A reading that met no loop
    /// meets none wherever it is included: a file being read that it reached would close a loop
    /// through it, found the first time. One that met a loop depends on which of the files it
    /// included are being read, and is replayed only when those are the same.
    /// </summary>
    private bool SeesTheSameStack(FileReading earlier)
        => earlier.Loops is not { } loops || loops.OnStack.SetEquals(TargetsOnStack(loops.Targets));

    private HashSet<string> TargetsOnStack(HashSet<string> targets)
        => _reading.Select(r => r.Path).Where(targets.Contains).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The file read again as it was read the first time: the same directives, the same includes
    /// (they do not depend on the context), so the same load_module directives with the same problems.
    /// Its depth and the files being read, which could change that, were checked by the caller. The
    /// include loops it met were reported the first time.
    /// </summary>
    private void Replay(FileReading earlier, int depth, OpenFile? includer)
    {
        _deepest = Math.Max(_deepest, depth + earlier.Height);
        for (var i = 0; i < earlier.LoadModuleCount && !_stopped; i++)
        {
            Meet(_loadModules[earlier.FirstLoadModule + i]);
        }

        _modulesUsed = earlier.ModulesUsedAfter;
        Inherit(includer, earlier.Loops);
    }

    /// <summary>A loop met below a file makes its reading depend on the include targets met there too.</summary>
    private static void Inherit(OpenFile? includer, LoopContext? loops)
    {
        if (includer is not null && loops is not null)
        {
            includer.MetLoop = true;
            includer.Targets.UnionWith(loops.Targets);
        }
    }

    private void Meet(LoadModuleDirective directive)
    {
        if (_loadModules.Count == MaxLoadModules)
        {
            _diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.TooManyLoadModules, directive.Location, MaxLoadModules, LoadSimulator.MaxDynamicModules));
            _stopped = true;
            return;
        }

        _loadModules.Add(directive);
    }

    private void ReadStatements(FileTokens file, ref int index, int depth, bool mainContext, bool inBlock)
    {
        var words = new List<Token<ConfToken>>();
        while (!_stopped)
        {
            if (index >= file.Tokens.Count)
            {
                if (file.Error is { } error)
                {
                    SyntaxError(file, error.Message, error.Where);
                }
                else if (words.Count > 0)
                {
                    SyntaxError(file, NginxMessages.UnexpectedEnd, EndOf(file));
                }
                else if (inBlock)
                {
                    SyntaxError(file, NginxMessages.UnexpectedEndOfBlock, EndOf(file));
                }

                return;
            }

            var token = file.Tokens[index++];
            switch (token.Kind)
            {
                case ConfToken.Word or ConfToken.Quoted:
                    words.Add(token);
                    continue;
                case ConfToken.CloseBrace when words.Count == 0 && inBlock:
                    return;
                case ConfToken.CloseBrace or ConfToken.Semicolon or ConfToken.OpenBrace or ConfToken.LuaBlock when words.Count == 0:
                    SyntaxError(file, NginxMessages.Unexpected(token.Span.ToStringValue()[0]), token.Position);
                    return;
                case ConfToken.CloseBrace:
                    SyntaxError(file, NginxMessages.Unexpected('}'), token.Position);
                    return;
            }

            Directive(file, words, token, depth, mainContext);
            if (token.Kind == ConfToken.OpenBrace)
            {
                if (depth + 1 > MaxDepth)
                {
                    Stop(file, token.Position);
                    return;
                }

                _deepest = Math.Max(_deepest, depth + 1);
                ReadStatements(file, ref index, depth + 1, mainContext: false, inBlock: true);
            }

            words.Clear();
        }
    }

    private void Directive(FileTokens file, List<Token<ConfToken>> words, Token<ConfToken> end, int depth, bool mainContext)
    {
        var name = ConfTokenizer.Value(words[0]);
        var arguments = words.Skip(1).Select(ConfTokenizer.Value).ToList();
        var location = file.LocationOf(words[0].Position, end.Span.Position.Absolute + end.Span.Length);
        if (name == "load_module")
        {
            if (mainContext && end.Kind == ConfToken.OpenBrace)
            {
                // `load_module modules/{a}.so;`: the `{` ends the word and opens a block, which load_module does not take.
                SyntaxError(file, NginxMessages.NotTerminated(name), end.Position);
                return;
            }

            var problem = !mainContext || end.Kind != ConfToken.Semicolon ? DirectiveProblem.NotAllowedHere
                : arguments.Count != 1 ? DirectiveProblem.InvalidArguments
                : _modulesUsed ? DirectiveProblem.TooLate
                : DirectiveProblem.None;
            Meet(new LoadModuleDirective(arguments.Count > 0 ? arguments[0] : string.Empty, location, end.Position.Line, problem));
        }
        else if (name == "include" && end.Kind == ConfToken.Semicolon)
        {
            Include(file, arguments, location, end.Position, depth, mainContext);
        }
        else if (name == "include" && end.Kind == ConfToken.OpenBrace)
        {
            // `include conf.d/{a,b}.conf;`: nginx has no brace globs, and the `{` ends the word and opens a block.
            SyntaxError(file, NginxMessages.NotTerminated(name), end.Position);
        }
        else if (mainContext && end.Kind == ConfToken.OpenBrace && CountingBlocks.Contains(name))
        {
            _modulesUsed = true;
        }
    }

    private void Include(FileTokens file, List<string> arguments, Location location, Position end, int depth, bool mainContext)
    {
        if (arguments.Count != 1)
        {
            SyntaxError(file, NginxMessages.InvalidArgumentsOf("include"), end);
            return;
        }

        if (depth + 1 > MaxDepth)
        {
            Stop(file, end);
            return;
        }

        // The include reaches a level deeper whatever it names (a glob that matches nothing, a file being read): a
        // reading of this file replayed deeper must stop here as a fresh one would.
        _deepest = Math.Max(_deepest, depth + 1);
        var path = CPath.AsOpened(arguments[0]);
        var full = Path.IsPathRooted(path) ? path : _confPrefix + path;
        var files = PosixGlob.HasWildcards(full) ? PosixGlob.Expand(full) : [full];
        foreach (var included in files)
        {
            ReadFile(included, location, depth + 1, mainContext);
            if (_stopped)
            {
                return;
            }
        }
    }

    private void SyntaxError(FileTokens file, string message, Position where)
    {
        var location = file.LocationOf(where, where.Absolute);
        _diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.ConfigurationSyntax, location, NginxMessages.In(message, file.Path, where.Line)));
        _stopped = true;
    }

    private void Stop(FileTokens file, Position where)
    {
        _diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.TooDeep, file.LocationOf(where, where.Absolute), MaxDepth));
        _stopped = true;
    }

    private static Position EndOf(FileTokens file)
    {
        var text = file.Text;
        var last = text.GetLinePosition(text.Text.Length);
        return new Position(text.Text.Length, last.Line, last.Column);
    }

    private static SourceText? ReadText(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return null;
            }

            // nginx reads a configuration file up to the size fstat(2) gives (ngx_conf_parse): a device or a FIFO, of
            // size 0, is an empty file to it. Reading one to its end could block or never end (/dev/zero).
            return BoundedFile.ReadFoundFile(path) is { } bytes ? SourceText.From(bytes) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>nginx's message when it cannot read a configuration file (ngx_conf_parse, ngx_read_file).</summary>
    private static string OpenError(string path)
    {
        if (Directory.Exists(path))
        {
            return NginxMessages.ReadFailed(path, 21, "Is a directory");
        }

        if (!File.Exists(path))
        {
            return NginxMessages.OpenFailed(path, 2, "No such file or directory");
        }

        // File.Exists says true of a symbolic link that dangles or loops (it is there, as a link): open() follows it.
        if (new FileInfo(path) is { LinkTarget: not null } link)
        {
            try
            {
                if (link.ResolveLinkTarget(returnFinalTarget: true) is not { Exists: true })
                {
                    return NginxMessages.OpenFailed(path, 2, "No such file or directory");
                }
            }
            catch (IOException)
            {
                return NginxMessages.OpenFailed(path, 40, "Too many levels of symbolic links");
            }
        }

        return new FileInfo(path).Length > InputLimits.MaxFileBytes
            ? $"`{path}` is larger than {InputLimits.MaxFileBytes} bytes, which no configuration is; not read"
            : NginxMessages.OpenFailed(path, 13, "Permission denied");
    }

    /// <summary>What decides what reading a file meets, besides its text: whether it is read in the main context, and whether a block has counted the modules (load_module is then "too late").</summary>
    private readonly record struct ReadingKey(string Path, bool MainContext, bool ModulesUsed);

    /// <summary>The first reading of a file in one context: its load_module directives (a range of those met), whether modules were counted at its end, how many levels it nested below where it was included, and, if it met an include loop, what that depended on.</summary>
    private readonly record struct FileReading(int FirstLoadModule, int LoadModuleCount, bool ModulesUsedAfter, int Height, LoopContext? Loops);

    /// <summary>The include targets a reading met outside the readings below it that met no loop, and which of them were being read when it started.</summary>
    private sealed record LoopContext(HashSet<string> Targets, HashSet<string> OnStack);

    /// <summary>A file being read: the include targets met in it (and, when they met a loop, in the files it included).</summary>
    private sealed class OpenFile(string path)
    {
        public string Path { get; } = path;

        public HashSet<string> Targets { get; } = new(StringComparer.Ordinal);

        public bool MetLoop { get; set; }
    }

    private sealed record FileTokens(string Path, SourceText Text, List<Token<ConfToken>> Tokens, (string Message, Position Where)? Error)
    {

        public Location LocationOf(Position start, int end)
        {
            var span = ConfigConvert.Text.TextSpan.FromBounds(start.Absolute, Math.Max(start.Absolute, Math.Min(end, Text.Text.Length)));
            return Location.Create(Path, Text, span);
        }
    }
}

/// <summary>What reading a configuration found: the load_module directives in nginx's order, problems, and the files read.</summary>
internal sealed record ConfigurationRead(ImmutableArray<LoadModuleDirective> LoadModules, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Files);
