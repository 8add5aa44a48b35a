using System.CommandLine;
using ConfigConvert.Analyzers;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>ngx-convert explain CCxxxx</c>: prints a rule's documentation page (what, why, how to fix, an example).</summary>
internal static class ExplainCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "explain";

    public static Command Create(CliConsole console)
    {
        var id = new Argument<string>("ID") { Description = "A rule id, such as CC2201 (`ngx-convert rules` lists them)." };
        var command = new Command(Name, "Print the documentation of a rule of `check`: what it finds, why it matters, how to fix it, an example. Exit code: 0 printed, 2 not a rule id.")
        {
            id,
        };
        command.SetAction(result => Run(console, result.GetValue(id)!));
        return command;
    }

    private static int Run(CliConsole console, string id)
    {
        if (RuleCatalog.Explain(id) is not { } page)
        {
            console.Error.WriteLine($"ngx-convert: `{id}` is not the id of a rule; `ngx-convert rules` lists them");
            return ExitCodes.UsageOrIoError;
        }

        console.Out.Write(page.EndsWith('\n') ? page : page + "\n");
        return ExitCodes.Success;
    }
}
