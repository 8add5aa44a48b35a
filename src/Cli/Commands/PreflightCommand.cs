using System.CommandLine;
using ConfigConvert.BuiltModules;
using ConfigConvert.Cli.Output;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>ngx-convert preflight [--conf nginx.conf] --nginx NEW_BINARY [--prefix DIR] [--format text|json]</c>: would an upgrade to this nginx load every module?</summary>
internal static class PreflightCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "preflight";

    public static Command Create(CliConsole console)
    {
        var conf = new Option<string?>("--conf") { Description = "The main configuration file (default: the binary's --conf-path); includes are followed." };
        var nginx = new Option<string>("--nginx") { Description = "The nginx binary to check against (the new one, before the upgrade).", Required = true };
        var prefix = new Option<string?>("--prefix") { Description = "The prefix relative load_module paths are taken from, as nginx -p (default: the binary's --prefix)." };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(Name, "Check every load_module of an nginx configuration, in load order, against an nginx binary, and report every failure with nginx's own message. Exit code: 0 every module loads, 1 nginx -t would fail, 2 usage or I/O error.")
        {
            conf, nginx, prefix, format,
        };
        command.SetAction(result => Run(console, result.GetValue(conf), result.GetValue(nginx)!, result.GetValue(prefix), result.GetValue(format)!));
        return command;
    }

    private static int Run(CliConsole console, string? conf, string nginx, string? prefix, string format)
    {
        var report = BuiltModuleInspector.Preflight(nginx, conf, prefix);
        foreach (var diagnostic in report.Nginx.Diagnostics.Concat(report.ConfigurationDiagnostics))
        {
            console.Error.WriteLine(diagnostic.ToString());
        }

        if (format == "json")
        {
            DiagnosticJson.WriteDocument(console, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("configuration", report.ConfigurationFile);
                writer.WriteString("prefix", report.Prefix);
                BuiltModuleJson.WriteNginx(writer, report.Nginx);
                BuiltModuleJson.WriteStrings(writer, "files", report.Files);
                BuiltModuleJson.WriteDiagnostics(writer, "diagnostics", report.ConfigurationDiagnostics);
                BuiltModuleJson.WriteOutcomes(writer, report.Outcomes);
                writer.WriteBoolean("wouldFail", report.WouldFail);
                writer.WriteEndObject();
            });
        }
        else if (report.Nginx.IsUsable && !report.Files.IsEmpty)
        {
            WriteText(console.Out, report);
        }

        // A binary or a main configuration that cannot be read is an I/O error, not a finding.
        var unreadable = !report.Nginx.IsUsable || report.Files.IsEmpty;
        return unreadable ? ExitCodes.UsageOrIoError : report.WouldFail ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static void WriteText(TextWriter output, PreflightReport report)
    {
        output.WriteLine($"configuration {report.ConfigurationFile} ({report.Files.Length} files), modules from {report.Prefix}");
        BuiltModuleText.WriteNginx(output, report.Nginx);
        foreach (var outcome in report.Outcomes)
        {
            BuiltModuleText.WriteOutcome(output, outcome);
        }

        var failed = report.Outcomes.Count(o => !o.Loads);
        output.WriteLine(report.WouldFail
            ? $"nginx -t would fail: {failed} of {report.Outcomes.Length} load_module lines refused{(report.ConfigurationDiagnostics.IsEmpty ? string.Empty : ", and the configuration has errors")}"
            : $"nginx -t would load all {report.Outcomes.Length} load_module lines");
    }
}
