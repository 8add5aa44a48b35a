using ConfigConvert.ModuleModel.Evaluation.Programs;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

// The programs a config runs: the emulated ones (Programs/) on the values they are given, any other as
// an unknown; and the module's files, the only ones the evaluator reads.
internal sealed partial class Evaluator
{
    private static readonly Dictionary<string, IEmulatedProgram> EmulatedPrograms = new(StringComparer.Ordinal)
    {
        ["echo"] = new EchoProgram(),
        ["printf"] = new PrintfProgram(),
        ["cat"] = new CatProgram(),
        ["sed"] = new SedProgram(),
        ["tr"] = new TrProgram(),
        ["grep"] = new GrepProgram(),
        ["basename"] = new BasenameProgram(),
        ["dirname"] = new DirnameProgram(),
        ["awk"] = new AwkProgram(),
        ["expr"] = new ExprProgram(),
    };

    private int? RunProgram(string name, List<ShellValue> argv, SyntaxNode at)
    {
        if (!EmulatedPrograms.TryGetValue(name, out var program))
        {
            return RunUnknownProgram(name, argv, at);
        }

        var args = argv.Skip(1).ToList();
        var input = _pipeInput ?? ShellValue.Empty;
        var result = program.Run(new ProgramCall([.. args.Select(a => a.KnownText)], input.KnownText, ReadProgramFile));
        // An emulated program is a function of what it is given: given values from the environment only,
        // what it cannot know depends on the environment only.
        var unknowns = args.Append(input).SelectMany(a => a.Unknowns).ToList();
        var fromEnvironment = unknowns.Count > 0 && unknowns.All(u => u.EnvironmentVariable is not null) ? unknowns[0].EnvironmentVariable : null;
        if (!result.IsEmulated)
        {
            return RunUnknownProgram(name, argv, at, fromEnvironment);
        }

        var output = new ShellValue.Builder();
        foreach (var part in result.Output)
        {
            output.Append(part switch
            {
                OutputPart.Text { FromArgument: { } index } text => ShellValue.Text(text.Value, args[index].Segments.FirstOrDefault().Origin),
                OutputPart.Text text => ShellValue.Text(text.Value, LocationOf(at)),
                OutputPart.Argument argument => args[argument.Index],
                OutputPart.Input => input,
                OutputPart.Unknown unknown => ShellValue.Of(new UnknownValue(unknown.Reason ?? $"the output of `{Shorten(at.ToString())}`", LocationOf(at)) { EnvironmentVariable = fromEnvironment }),
                _ => throw new InvalidOperationException("unexpected output part"),
            });
        }

        WriteOutput(output.ToValue());
        return result.Status;
    }

    /// <summary>Any program the model does not emulate: its output and success are unknown, and it is worth reporting.</summary>
    private int? RunUnknownProgram(string name, List<ShellValue> argv, SyntaxNode at, string? fromEnvironment = null)
    {
        var commandLine = string.Join(' ', argv.Select(a => a.ToString()));
        Record.Commands.Add(new CommandFact(name, commandLine, LocationOf(at))
        {
            Arguments = [.. argv.Skip(1)],
            WorkingDirectory = _directory,
        });
        if (_outputs.Count > 0)
        {
            // Its output is used (captured or piped): that use depends on something unknown.
            var unknown = new UnknownValue($"the output of `{Shorten(commandLine)}`", LocationOf(at)) { EnvironmentVariable = fromEnvironment };
            Record.Unknowns.Add(unknown);
            WriteOutput(ShellValue.Of(unknown));
        }

        return null;
    }

    /// <summary>
    /// A file a program reads: one of the module directory, or, by a path relative to configure's
    /// directory (nginx's tree), one of nginx's files the reference build knows (src/core/nginx.h).
    /// </summary>
    private string? ReadProgramFile(string path)
        => Path.IsPathRooted(path) ? ReadModuleFile(path) : _directory.Changed ? null : _settings.ReadNginxFile?.Invoke(path);

    /// <summary>Reads a file of the module directory (sources, helper scripts, VERSION files), nothing outside it.</summary>
    private string? ReadModuleFile(string path) => ResolveModulePath(path) is { } full ? ReadModuleFileText(full)?.Text : null;

    /// <summary>The full path of <paramref name="path"/> when it lies inside the module directory (or that of a module configured first), else null.</summary>
    private string? ResolveModulePath(string path)
    {
        // A value holds no NUL (dash drops them as it reads), but a name with one must never reach the file system's
        // calls, which throw on it.
        if (!Path.IsPathRooted(path) || path.Contains('\0'))
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        return _settings.ConfiguredFirst.Select(m => m.Directory).Prepend(_settings.ModuleDirectory).Select(Path.GetFullPath)
            .Any(root => full == root || full.StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal)) ? full : null;
    }

    /// <summary>What a file operator of <c>test</c> (<c>-f</c>, <c>-d</c>...) says of a path, or null when it cannot be known.</summary>
    private bool? FileTest(string op, string path)
    {
        if (!Path.IsPathRooted(path))
        {
            // Relative to configure's directory: after a cd the model followed into the module, one of the module's
            // files, on disk; in nginx's source tree, only its auto/ scripts are known.
            if (_directory.Changed)
            {
                return _directory.Resolve(path) is { } resolved && Path.IsPathRooted(resolved) ? FileTest(op, resolved) : null;
            }

            // They are regular, non-empty, non-executable files.
            return AutoScriptExists(path) is not { } exists ? null : op switch
            {
                "-f" or "-e" or "-r" or "-s" => exists,
                "-w" or "-O" or "-G" or "-t" => null,
                _ => false,
            };
        }

        return ResolveModulePath(path) is { } full ? TestExpression.FileTestOnDisk(op, full) : null;
    }
}
