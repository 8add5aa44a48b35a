using System.CommandLine;
using ConfigConvert.Analyzers;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>ngx-convert rules</c>: every rule <c>check</c> runs, with its id, default severity, category and title.</summary>
internal static class RulesCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("rules", "List the rules that `check` runs: id, default severity, category and title. Exit code: 0.");
        command.SetAction(_ => Run(console));
        return command;
    }

    private static int Run(CliConsole console)
    {
        foreach (var rule in RuleCatalog.Rules)
        {
            var severity = rule.IsEnabledByDefault ? SeverityNames.Name(rule.DefaultSeverity) : "none";
            console.Out.WriteLine($"{rule.Id}  {severity,-7}  {rule.Category,-10}  {rule.Title}");
        }

        return ExitCodes.Success;
    }
}
