using System.CommandLine;
using System.Globalization;
using ConfigConvert.Analyzers;
using ConfigConvert.Cli.Input;
using ConfigConvert.Cli.Output.Formats;
using ConfigConvert.Cli.Output.Reports;

namespace ConfigConvert.Cli.Commands;

/// <summary>
/// <c>ngx-convert check PATH... [--format FORMAT] [--fail-on error|warning|note|none] [--fix] [--baseline FILE [--write-baseline]]
/// [--nginx-version MIN[:MAX]]</c>: runs the rules over module directories and reports the findings.
/// </summary>
internal static class CheckCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "check";

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Module directories, module `config` files, or directories to search for modules.", Arity = ArgumentArity.OneOrMore };
        var format = ReportFormats.Option();
        var failOn = new Option<string>("--fail-on") { Description = "Exit 1 when a finding is at or above this severity (default: warning).", DefaultValueFactory = _ => FailOn.Default };
        failOn.AcceptOnlyFromAmong([.. FailOn.Names]);
        var reporting = new ReportOptionSet();
        var fix = new Option<bool>("--fix") { Description = "Apply the fixes of the findings, each proven on a copy of the module first; files are replaced atomically." };
        var baseline = new Option<string?>("--baseline") { Description = "A baseline file: hide the findings it records.", HelpName = "FILE" };
        var writeBaseline = new Option<bool>("--write-baseline") { Description = "Record the current findings in the --baseline file instead of reading it." };
        var versions = new Option<string?>("--nginx-version") { Description = "The nginx versions to check for, MIN[:MAX] (1.9.11, 1.9.11:1.25.3); 1.9.11 and later by default.", HelpName = "MIN[:MAX]" };
        var command = new Command(Name, "Check nginx modules for what blocks or breaks a dynamic build, in configs, C sources and the repository. Exit code: 0 nothing at or above --fail-on, 1 findings at or above --fail-on (warning by default), 2 usage or I/O error (the other paths are still checked).")
        {
            paths, format, failOn, fix, baseline, writeBaseline, versions,
        };
        reporting.All.ToList().ForEach(command.Options.Add);
        var tree = new TreeOptions();
        tree.AddTo(command);
        command.SetAction(result => reporting.Resolve(console, result) is { } reportOptions && tree.Resolve(console, result) is { } trees
            ? Run(
                console,
                result.GetValue(paths)!,
                new Request(result.GetValue(fix), result.GetValue(baseline), result.GetValue(writeBaseline), result.GetValue(versions), trees),
                new Output(result.GetValue(format)!, FailOn.Threshold(result.GetValue(failOn)!), reportOptions))
            : ExitCodes.UsageOrIoError);
        return command;
    }

    private sealed record Request(bool Fix, string? Baseline, bool WriteBaseline, string? Versions, TreeSettings Trees);

    private sealed record Output(string Format, Diagnostics.DiagnosticSeverity? FailOn, ReportOptions Options);

    private static int Run(CliConsole console, string[] paths, Request request, Output output)
    {
        if (request.WriteBaseline && request.Baseline is null)
        {
            console.Error.WriteLine("ngx-convert: --write-baseline needs --baseline FILE");
            return ExitCodes.UsageOrIoError;
        }

        if (VersionsProblem(request.Versions, out var minimum, out var maximum) is { } problem)
        {
            console.Error.WriteLine($"ngx-convert: --nginx-version `{request.Versions}` {problem}");
            return ExitCodes.UsageOrIoError;
        }

        var options = new CheckOptions { Fix = request.Fix, BaselinePath = request.Baseline, WriteBaseline = request.WriteBaseline, MinimumNginxVersion = minimum, MaximumNginxVersion = maximum };
        var report = TreeCheck.Run(console, paths, options, request.Trees);
        ReportFormats.Get(output.Format).Write(ReportBuilder.FromCheck(report), new FormatContext(console, output.Options));
        return report.HasIoErrors ? ExitCodes.UsageOrIoError : FailOn.Fails(report.Diagnostics, output.FailOn) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>
    /// Reads <c>MIN[:MAX]</c>, each side a dotted version (<c>1.9.11</c>) or an <c>nginx_version</c> number
    /// (<c>1009011</c>); null when it is read, else what is wrong with it, to follow the option's text.
    /// </summary>
    internal static string? VersionsProblem(string? text, out int minimum, out int? maximum)
    {
        minimum = new CheckOptions().MinimumNginxVersion;
        maximum = null;
        if (text is null)
        {
            return null;
        }

        const string notTheShape = "is not MIN[:MAX] with versions like 1.9.11 (or nginx_version numbers like 1009011)";
        var parts = text.Split(':');
        if (parts.Length > 2 || !TryParseVersion(parts[0], out minimum))
        {
            return notTheShape;
        }

        if (parts.Length == 2)
        {
            if (!TryParseVersion(parts[1], out var max))
            {
                return notTheShape;
            }

            if (max < minimum)
            {
                return $"names no version: MIN `{parts[0]}` is later than MAX `{parts[1]}`";
            }

            maximum = max;
        }

        return null;
    }

    private static bool TryParseVersion(string text, out int version)
    {
        version = 0;
        var parts = text.Split('.');
        if (parts.Length == 1)
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out version) && version > 0;
        }

        if (parts.Length != 3 || !parts.All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n < 1000))
        {
            return false;
        }

        var numbers = parts.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        version = (numbers[0] * 1_000_000) + (numbers[1] * 1000) + numbers[2];
        return true;
    }
}
