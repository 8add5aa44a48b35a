using System.CommandLine;
using System.Runtime.InteropServices;
using ConfigConvert.IO;
using ConfigConvert.Cli.Commands;

namespace ConfigConvert.Cli;

/// <summary>Builds the command line and runs it; every failure becomes a message and an exit code, never a stack trace.</summary>
internal static class CliApplication
{
    // The signals that stop a run from outside: a CI job cancelled, a terminal closed, Ctrl-C or Ctrl-\.
    private static readonly PosixSignal[] StopSignals = [PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGHUP, PosixSignal.SIGQUIT];

    /// <summary>Every verb, by the name it is called by, in the order help lists them.</summary>
    private static readonly (string Name, Func<CliConsole, Command> Create)[] Verbs =
    [
        (ParseCommand.Name, ParseCommand.Create),
        (DescribeCommand.Name, DescribeCommand.Create),
        (ConvertCommand.Name, ConvertCommand.Create),
        (VerifyCommand.Name, VerifyCommand.Create),
        (InspectCommand.Name, InspectCommand.Create),
        (PreflightCommand.Name, PreflightCommand.Create),
        (RulesCommand.Name, RulesCommand.Create),
        (CheckCommand.Name, CheckCommand.Create),
        (ExplainCommand.Name, ExplainCommand.Create),
    ];

    public static int Run(string[] args, CliConsole console) => Run(args, console, everyVerb: false);

    /// <param name="args">The command line, without the program's name.</param>
    /// <param name="console">Where output and errors go.</param>
    /// <param name="everyVerb">Makes every verb, as a command line that names none does; the tests hold a verb made alone to it.</param>
    internal static int Run(string[] args, CliConsole console, bool everyVerb)
    {
        // A run stopped by a signal runs no finally: the atomic writer's temporary and lock files are removed as it
        // stops, and the signal then does what it does (Ctrl-C still reaches verify's cancellation). Ctrl-C lets the
        // command line's own handler end the process a moment later with Environment.Exit, which runs ProcessExit.
        var handlers = OperatingSystem.IsWindows() ? [] : StopSignals.Select(signal => PosixSignalRegistration.Create(signal, _ => AtomicFile.RemoveUnfinished())).ToArray();
        AppDomain.CurrentDomain.ProcessExit += RemoveUnfinished;
        try
        {
            return WithOutputFailure(console, RunCommand(args, console, everyVerb ? Verbs : VerbsNamedBy(args)));
        }
        finally
        {
            AppDomain.CurrentDomain.ProcessExit -= RemoveUnfinished;
            Array.ForEach(handlers, h => h.Dispose());
        }
    }

    private static void RemoveUnfinished(object? sender, EventArgs e) => AtomicFile.RemoveUnfinished();

    /// <summary>
    /// A run whose standard output could not be written (a full disk, a closed descriptor) did its work but lost
    /// its report: said on standard error, an I/O error. One whose standard error failed keeps its exit code,
    /// as there is nowhere left to say it.
    /// </summary>
    private static int WithOutputFailure(CliConsole console, int exitCode)
    {
        console.Out.Flush();
        if (console.Out is not GuardedWriter { Failure: { } failure })
        {
            return exitCode;
        }

        console.Error.WriteLine($"ngx-convert: cannot write to standard output: {failure}");
        return Math.Max(exitCode, ExitCodes.UsageOrIoError);
    }

    /// <summary>
    /// The verbs <paramref name="args"/> need made: a command line that starts with a verb's name needs that verb alone, as
    /// all that follows the name is the verb's; any other (help, <c>--version</c>, a mistake) needs them all. Making every
    /// verb's options took 2 ms of each run (docs/performance.md, the twenty-second round).
    /// </summary>
    private static IEnumerable<(string Name, Func<CliConsole, Command> Create)> VerbsNamedBy(string[] args)
    {
        var named = args.Length > 0 ? Array.FindIndex(Verbs, verb => verb.Name == args[0]) : -1;
        return named >= 0 ? [Verbs[named]] : Verbs;
    }

    private static string? EmptyOptionValue(ParseResult result)
        => result.CommandResult.Children.OfType<System.CommandLine.Parsing.OptionResult>().FirstOrDefault(o => o.Tokens.Any(t => t.Value.Length == 0))?.Option.Name;

    private static int RunCommand(string[] args, CliConsole console, IEnumerable<(string Name, Func<CliConsole, Command> Create)> verbs)
    {
        var root = new RootCommand("ngx-convert: parse, describe and convert nginx module config scripts.");
        foreach (var (_, create) in verbs)
        {
            root.Subcommands.Add(create(console));
        }

        var result = root.Parse(args);
        if (EmptyOptionValue(result) is { } option)
        {
            // Every option's value names a file, a directory, a glob or a version: none is made of nothing, and a path made
            // of nothing fails deep inside .NET.
            console.Error.WriteLine($"ngx-convert: {option} was given an empty value");
            return ExitCodes.UsageOrIoError;
        }

        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                console.Error.WriteLine("ngx-convert: " + error.Message);
            }

            console.Error.WriteLine("Try 'ngx-convert --help'.");
            return ExitCodes.UsageOrIoError;
        }

        try
        {
            return result.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input: say so plainly, without a stack trace, and fail.
            console.Error.WriteLine($"ngx-convert: internal error: {e.GetType().Name}: {e.Message}");
            return ExitCodes.UsageOrIoError;
        }
    }
}
