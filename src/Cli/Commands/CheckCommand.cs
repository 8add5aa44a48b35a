using System.CommandLine;
using System.Globalization;
using ConfigConvert.Analyzers;
using ConfigConvert.Cli.Input;
using ConfigConvert.Cli.Output;

namespace ConfigConvert.Cli.Commands;

/// <summary>
/// <c>ngx-convert check PATH... [--format text|json] [--fix] [--baseline FILE [--write-baseline]]
/// [--nginx-version MIN[:MAX]]</c>: runs the rules over module directories and reports the findings.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("PATH") { Description = "Module directories, module `config` files, or directories to search for modules.", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var fix = new Option<bool>("--fix") { Description = "Apply the fixes of the findings, each proven on a copy of the module first; files are replaced atomically." };
        var baseline = new Option<string?>("--baseline") { Description = "A baseline file: hide the findings it records.", HelpName = "FILE" };
        var writeBaseline = new Option<bool>("--write-baseline") { Description = "Record the current findings in the --baseline file instead of reading it." };
        var versions = new Option<string?>("--nginx-version") { Description = "The nginx versions to check for, MIN[:MAX] (1.9.11, 1.9.11:1.25.3); 1.9.11 and later by default.", HelpName = "MIN[:MAX]" };
        var command = new Command("check", "Check nginx modules for what blocks or breaks a dynamic build, in configs, C sources and the repository. Exit code: 0 nothing at warning or above, 1 findings at warning or above, 2 usage or I/O error (the other paths are still checked).")
        {
            paths, format, fix, baseline, writeBaseline, versions,
        };
        var tree = new TreeOptions();
        tree.AddTo(command);
        command.SetAction(result => tree.Resolve(console, result) is { } trees
            ? Run(
                console,
                result.GetValue(paths)!,
                result.GetValue(format)!,
                new Request(result.GetValue(fix), result.GetValue(baseline), result.GetValue(writeBaseline), result.GetValue(versions), trees))
            : ExitCodes.UsageOrIoError);
        return command;
    }

    private sealed record Request(bool Fix, string? Baseline, bool WriteBaseline, string? Versions, TreeSettings Trees);

    private static int Run(CliConsole console, string[] paths, string format, Request request)
    {
        if (request.WriteBaseline && request.Baseline is null)
        {
            console.Error.WriteLine("ngx-convert: --write-baseline needs --baseline FILE");
            return ExitCodes.UsageOrIoError;
        }

        if (!TryParseVersions(request.Versions, out var minimum, out var maximum))
        {
            console.Error.WriteLine($"ngx-convert: --nginx-version `{request.Versions}` is not MIN[:MAX] with versions like 1.9.11 (or nginx_version numbers like 1009011)");
            return ExitCodes.UsageOrIoError;
        }

        var options = new CheckOptions { Fix = request.Fix, BaselinePath = request.Baseline, WriteBaseline = request.WriteBaseline, MinimumNginxVersion = minimum, MaximumNginxVersion = maximum };
        var report = TreeCheck.Run(console, paths, options, request.Trees);
        if (format == "json")
        {
            CheckJson.Write(console, report);
        }
        else
        {
            CheckText.Write(console, report);
        }

        return report.HasIoErrors ? ExitCodes.UsageOrIoError : report.HasFindings ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>Reads <c>MIN[:MAX]</c>; each side a dotted version (<c>1.9.11</c>) or an <c>nginx_version</c> number (<c>1009011</c>).</summary>
    internal static bool TryParseVersions(string? text, out int minimum, out int? maximum)
    {
        minimum = new CheckOptions().MinimumNginxVersion;
        maximum = null;
        if (text is null)
        {
            return true;
        }

        var parts = text.Split(':');
        if (parts.Length > 2 || !TryParseVersion(parts[0], out minimum))
        {
            return false;
        }

        if (parts.Length == 2)
        {
            if (!TryParseVersion(parts[1], out var max) || max < minimum)
            {
                return false;
            }

            maximum = max;
        }

        return true;
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
