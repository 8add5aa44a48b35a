using System.CommandLine;
using ConfigConvert.Cli.Commands;

namespace ConfigConvert.Cli;

/// <summary>Builds the command line and runs it; every failure becomes a message and an exit code, never a stack trace.</summary>
internal static class CliApplication
{
    public static int Run(string[] args, CliConsole console)
    {
        var root = new RootCommand("ngx-convert: parse, describe and convert nginx module config scripts.")
        {
            ParseCommand.Create(console),
            DescribeCommand.Create(console),
            ConvertCommand.Create(console),
            VerifyCommand.Create(console),
            InspectCommand.Create(console),
            PreflightCommand.Create(console),
            RulesCommand.Create(console),
            CheckCommand.Create(console),
            ExplainCommand.Create(console),
        };

        var result = root.Parse(args);
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
