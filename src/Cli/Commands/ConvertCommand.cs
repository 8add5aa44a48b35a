using System.CommandLine;
using ConfigConvert.Cli.Output.Formats;
using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Converter;
using ConfigConvert.Diagnostics;
using ConfigConvert.Cli.Input;
using ConfigConvert.IO;

namespace ConfigConvert.Cli.Commands;

/// <summary>
/// <c>ngx-convert convert PATH... [--diff | --check [--format FORMAT]] [--include GLOB] [--exclude GLOB] [--max-parallelism N] [--no-compat] [--with DIR]... [--reference NAME | --nginx-src DIR [--configure-arg FLAG]...]</c>: rewrites old-style configs in
/// place (atomically), or prints the diff, or only says whether a conversion is needed.
/// </summary>
internal static class ConvertCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "convert";

    public static Command Create(CliConsole console)
    {
        var directories = new Argument<string[]>("PATH") { Description = "Module directories, module `config` files, or directories to search for modules.", Arity = ArgumentArity.OneOrMore };
        var diff = new Option<bool>("--diff") { Description = "Print a unified diff and write nothing." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if a config needs converting (or cannot be converted)." };
        var noCompat = new Option<bool>("--no-compat") { Description = "Drop the branch that keeps the old text for nginx before 1.9.11." };
        var format = ReportFormats.Option();
        var reporting = new ReportOptionSet();
        var reference = ReferenceOptions.Create();
        var with = DependencyOption.Create();
        var command = new Command(Name, "Convert old-style module configs to new style (auto/module), proving each result builds the same static nginx and a complete dynamic module. Exit code: 0 all done or nothing to do, 1 a conversion was refused (or, with --check, is needed), 2 usage or I/O error.")
        {
            directories, diff, check, noCompat, format, with,
        };
        foreach (var option in reference.All.Concat(reporting.All))
        {
            command.Options.Add(option);
        }

        var tree = new TreeOptions();
        tree.AddTo(command);
        command.SetAction(result => BothModesAsked(console, result.GetValue(diff), result.GetValue(check)) || reference.Resolve(console, result) is not { } build || reporting.Resolve(console, result) is not { } reportOptions || tree.Resolve(console, result) is not { } trees
            ? ExitCodes.UsageOrIoError
            : (result.GetValue(diff), result.GetValue(check)) is var (diffMode, checkMode) && (diffMode || checkMode)
                ? ConversionReporting.Run(console, result.GetValue(directories)!, checkMode ? ReportCommand.ConvertCheck : ReportCommand.ConvertDiff, new ConversionOptions(Compatibility: !result.GetValue(noCompat)) { Reference = build }, new FormatContext(console, reportOptions), result.GetValue(format)!, trees with { Dependencies = result.GetValue(with) })
                : ConversionReporting.RefuseFormat(console, result.GetValue(format)!) ?? Run(console, result.GetValue(directories)!, new ConversionOptions(Compatibility: !result.GetValue(noCompat)) { Reference = build }, trees with { Dependencies = result.GetValue(with) }));
        return command;
    }

    /// <summary><c>--diff</c> prints and <c>--check</c> only tells: each says what the run prints, so not both.</summary>
    private static bool BothModesAsked(CliConsole console, bool diff, bool check)
    {
        if (diff && check)
        {
            console.Error.WriteLine("ngx-convert: --diff and --check cannot be used together: --diff prints each conversion, --check only says whether one is needed");
        }

        return diff && check;
    }

    private static int Run(CliConsole console, string[] directories, ConversionOptions options, TreeSettings trees)
    {
        var modules = TreeConversion.Run(console, directories, trees, options, out var ioError);
        var findings = false;
        foreach (var (_, moduleDiagnostics, converted, _) in modules)
        {
            if (converted is not { } result)
            {
                foreach (var diagnostic in moduleDiagnostics)
                {
                    console.Error.WriteLine(diagnostic.ToString());
                }

                ioError = true;
                continue;
            }

            foreach (var diagnostic in result.Diagnostics)
            {
                (diagnostic.Severity == DiagnosticSeverity.Error ? console.Error : console.Out).WriteLine(diagnostic.ToString());
            }

            switch (result.Status)
            {
                case ConversionStatus.Refused:
                    findings = true;
                    console.Error.WriteLine($"ngx-convert: {result.ConfigPath}: not converted");
                    break;
                case ConversionStatus.Unchanged:
                    break;
                case ConversionStatus.Converted:
                    try
                    {
                        // Not over a config that changed since it was read (another run, an editor): that is said, exit 2.
                        AtomicFile.ReplaceIfUnchanged(result.ConfigPath, result.Original.GetBytes(), result.ConvertedBytes!);
                        console.Out.WriteLine($"{result.ConfigPath}: converted");
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        console.Error.WriteLine($"ngx-convert: {result.ConfigPath}: cannot write: {IO.IoReason.Of(e)}");
                        ioError = true;
                    }

                    break;
            }
        }

        return ioError ? ExitCodes.UsageOrIoError : findings ? ExitCodes.Findings : ExitCodes.Success;
    }
}
