using System.CommandLine;
using ConfigConvert.Cli.Output;
using ConfigConvert.Diagnostics;
using ConfigConvert.Cli.Input;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;

namespace ConfigConvert.Cli.Commands;

/// <summary>
/// <c>ngx-convert describe DIR [--link addon|dynamic|legacy] [--format text|json] [--with DIR]... [--reference NAME | --nginx-src DIR [--configure-arg FLAG]...]</c>:
/// what a module's config registers.
/// </summary>
internal static class DescribeCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "describe";

    public static Command Create(CliConsole console)
    {
        var directory = new Argument<string>("DIR") { Description = "The module directory (the one holding `config`)." };
        var link = new Option<string>("--link") { Description = "How configure includes the module.", DefaultValueFactory = _ => "addon" };
        link.AcceptOnlyFromAmong("addon", "dynamic", "legacy");
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var reference = ReferenceOptions.Create();
        var with = DependencyOption.Create();
        var command = new Command(Name, "Evaluate a module's config as nginx's configure runs it and print what it registers. Exit code: 0 described, 1 the config has errors or could not be fully evaluated, 2 usage or I/O error.")
        {
            directory, link, format, with,
        };
        foreach (var option in reference.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => reference.Resolve(console, result) is { } build
            ? Run(console, DependencyOption.Load(result.GetValue(directory)!, result.GetValue(with)), result.GetValue(link)!, result.GetValue(format)!, build)
            : ExitCodes.UsageOrIoError);
        return command;
    }

    private static int Run(CliConsole console, ModuleDirectory module, string linkName, string format, ReferenceBuild reference)
    {
        var link = linkName switch
        {
            "dynamic" => LinkMode.Dynamic,
            "legacy" => LinkMode.Legacy,
            _ => LinkMode.Addon,
        };
        var description = module.Describe(link, reference);
        foreach (var diagnostic in description.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error || d.Descriptor == ModelDiagnostics.RequiresModule || d.Descriptor == ModelDiagnostics.TooManyOutcomes || module.HasIoError))
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (module.HasIoError)
        {
            return ExitCodes.UsageOrIoError;
        }

        if (format == "json")
        {
            DiagnosticJson.WriteDocument(console, writer => DescriptionJson.Write(writer, description));
        }
        else
        {
            DescriptionText.Write(console.Out, description);
        }

        // Only some of the outcomes explored (CC2006) is a description that could not be made whole.
        var failed = description.Outcomes.IsEmpty || description.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error || d.Descriptor == ModelDiagnostics.TooManyOutcomes);
        return failed ? ExitCodes.Findings : ExitCodes.Success;
    }
}
