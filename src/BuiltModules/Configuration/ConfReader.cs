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
/// </summary>
internal sealed class ConfReader
{
    private const int MaxDepth = 64;

    /// <summary>The blocks whose handlers call ngx_count_modules(), after which load_module is "specified too late" (nginx 1.22.1: src/event/ngx_event.c:970, src/http/ngx_http.c:149, src/mail/ngx_mail.c:94, src/stream/ngx_stream.c:101).</summary>
    private static readonly HashSet<string> CountingBlocks = ["events", "http", "mail", "stream"];

    private readonly string _confPrefix;
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly List<LoadModuleDirective> _loadModules = [];
    private readonly List<string> _files = [];
    private readonly Stack<string> _reading = new();
    private bool _modulesUsed;
    private bool _stopped;

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
        if (_reading.Contains(path, StringComparer.Ordinal))
        {
            _diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.IncludeLoop, includedAt ?? Location.None(path), path, _reading.Peek()));
            return;
        }

        if (ReadText(path) is not { } text)
        {
            var where = includedAt ?? Location.None(path);
            _diagnostics.Add(Diagnostic.Create(BuiltModuleDiagnostics.ConfigurationUnreadable, where, OpenError(path)));
            _stopped = true;
            return;
        }

        _files.Add(path);
        _reading.Push(path);
        var (tokens, error) = ConfTokenizer.Scan(text.Text);
        var file = new FileTokens(path, text, tokens, error);
        var index = 0;
        ReadStatements(file, ref index, depth, mainContext, inBlock: false);
        _reading.Pop();
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
            var problem = !mainContext || end.Kind != ConfToken.Semicolon ? DirectiveProblem.NotAllowedHere
                : arguments.Count != 1 ? DirectiveProblem.InvalidArguments
                : _modulesUsed ? DirectiveProblem.TooLate
                : DirectiveProblem.None;
            _loadModules.Add(new LoadModuleDirective(arguments.Count > 0 ? arguments[0] : string.Empty, location, end.Position.Line, problem));
        }
        else if (name == "include" && end.Kind == ConfToken.Semicolon)
        {
            Include(file, arguments, location, end.Position, depth, mainContext);
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

        return new FileInfo(path).Length > InputLimits.MaxFileBytes
            ? $"`{path}` is larger than {InputLimits.MaxFileBytes} bytes, which no configuration is; not read"
            : NginxMessages.OpenFailed(path, 13, "Permission denied");
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
