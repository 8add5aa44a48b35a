using System.CommandLine;
using ConfigConvert.BuiltModules;
using ConfigConvert.Cli.Output;
using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>ngx-convert inspect FILE.so... [--against NGINX_BINARY] [--format text|json]</c>: what built modules record, and whether an nginx loads them.</summary>
internal static class InspectCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "inspect";

    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Dynamic modules (.so) to inspect; with --against, loaded in this order.", Arity = ArgumentArity.OneOrMore };
        var against = new Option<string?>("--against") { Description = "An nginx binary: predict what `nginx -t` says loading the files into it." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(Name, "Read what built nginx modules record: modules, types, nginx version, signature features, load order, needed libraries and symbols, package dependencies. Exit code: 0 fine, 1 not a module or refused by --against, 2 usage or I/O error.")
        {
            files, against, format,
        };
        command.SetAction(result => Run(console, result.GetValue(files)!, result.GetValue(against), result.GetValue(format)!));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, string? against, string format)
    {
        var report = BuiltModuleInspector.Inspect(paths, against);
        foreach (var diagnostic in report.SharedObjects.SelectMany(s => s.Diagnostics).Concat(report.Nginx?.Diagnostics ?? []))
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (format == "json")
        {
            DiagnosticJson.WriteDocument(console, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("files");
                foreach (var sharedObject in report.SharedObjects)
                {
                    BuiltModuleJson.WriteSharedObject(writer, sharedObject);
                }

                writer.WriteEndArray();
                if (report.Nginx is { } nginx)
                {
                    writer.WriteStartObject("against");
                    BuiltModuleJson.WriteNginx(writer, nginx);
                    BuiltModuleJson.WriteOutcomes(writer, report.Outcomes);
                    writer.WriteEndObject();
                }
                else
                {
                    writer.WriteNull("against");
                }

                writer.WriteEndObject();
            });
        }
        else
        {
            WriteText(console.Out, report);
        }

        return ExitCode(report);
    }

    private static void WriteText(TextWriter output, InspectionReport report)
    {
        foreach (var sharedObject in report.SharedObjects.Where(s => s.IsModule))
        {
            BuiltModuleText.WriteSharedObject(output, sharedObject);
        }

        if (report.Nginx is { IsUsable: true } nginx)
        {
            BuiltModuleText.WriteNginx(output, nginx);
            foreach (var outcome in report.Outcomes)
            {
                output.Write("  ");
                BuiltModuleText.WriteOutcome(output, outcome);
            }
        }
    }

    private static int ExitCode(InspectionReport report)
    {
        if (report.SharedObjects.Any(s => s.IsIoError) || report.Nginx is { IsUsable: false })
        {
            return ExitCodes.UsageOrIoError;
        }

        var findings = report.WouldFail || report.SharedObjects.Any(s => !s.IsModule || s.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error));
        return findings ? ExitCodes.Findings : ExitCodes.Success;
    }
}
