using System.CommandLine;
using ConfigConvert.Analyzers;
using ConfigConvert.Cli.Output.Formats;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>ngx-convert rules [--format text|json]</c>: every rule <c>check</c> runs, with its id, default severity, category and title.</summary>
internal static class RulesCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "rules";

    public static Command Create(CliConsole console)
    {
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(Name, "List the rules that `check` runs: id, default severity, category and title. Exit code: 0.")
        {
            format,
        };
        command.SetAction(result => Run(console, result.GetValue(format)!));
        return command;
    }

    private static int Run(CliConsole console, string format)
    {
        if (format == "json")
        {
            CheckJson.WriteRules(console, RuleCatalog.Rules);
            return ExitCodes.Success;
        }

        foreach (var rule in RuleCatalog.Rules)
        {
            var severity = rule.IsEnabledByDefault ? SeverityNames.Name(rule.DefaultSeverity) : "none";
            console.Out.WriteLine($"{rule.Id}  {severity,-7}  {rule.Category,-10}  {rule.Title}");
        }

        return ExitCodes.Success;
    }
}
