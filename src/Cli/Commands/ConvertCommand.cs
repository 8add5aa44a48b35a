using System.CommandLine;
using ConfigConvert.Cli.Output;
using ConfigConvert.Converter;
using ConfigConvert.Diagnostics;
using ConfigConvert.Cli.Input;
using ConfigConvert.IO;

namespace ConfigConvert.Cli.Commands;

/// <summary>
/// <c>ngx-convert convert DIR... [--diff] [--check] [--no-compat] [--with DIR]... [--reference NAME | --nginx-src DIR [--configure-arg FLAG]...]</c>: rewrites old-style configs in
/// place (atomically), or prints the diff, or only says whether a conversion is needed.
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliConsole console)
    {
        var directories = new Argument<string[]>("DIR") { Description = "Module directories (each holding a `config`).", Arity = ArgumentArity.OneOrMore };
        var diff = new Option<bool>("--diff") { Description = "Print a unified diff and write nothing." };
        var check = new Option<bool>("--check") { Description = "Write nothing; exit 1 if a config needs converting (or cannot be converted)." };
        var noCompat = new Option<bool>("--no-compat") { Description = "Drop the branch that keeps the old text for nginx before 1.9.11." };
        var reference = ReferenceOptions.Create();
        var with = DependencyOption.Create();
        var command = new Command("convert", "Convert old-style module configs to new style (auto/module), proving each result builds the same static nginx and a complete dynamic module. Exit code: 0 all done or nothing to do, 1 a conversion was refused (or, with --check, is needed), 2 usage or I/O error.")
        {
            directories, diff, check, noCompat, with,
        };
        foreach (var option in reference.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(result => reference.Resolve(console, result) is { } build
            ? Run(console, result.GetValue(directories)!, result.GetValue(diff), result.GetValue(check), new ConversionOptions(Compatibility: !result.GetValue(noCompat)) { Reference = build }, result.GetValue(with))
            : ExitCodes.UsageOrIoError);
        return command;
    }

    private static int Run(CliConsole console, string[] directories, bool diff, bool check, ConversionOptions options, string[]? with)
    {
        var ioError = false;
        var findings = false;
        foreach (var directory in directories)
        {
            var module = DependencyOption.Load(directory, with);
            if (module.HasIoError)
            {
                foreach (var diagnostic in module.Diagnostics)
                {
                    console.Error.WriteLine(diagnostic.ToString());
                }

                ioError = true;
                continue;
            }

            var result = ConfigConverter.Convert(module, options);
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info || !check))
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
                case ConversionStatus.Converted when check:
                    findings = true;
                    console.Out.WriteLine($"{result.ConfigPath}: needs converting");
                    break;
                case ConversionStatus.Converted when diff:
                    // Relative to the module, as the file would be committed in its repository: `git apply` or
                    // `patch -p1` in the module directory takes it as is, wherever the tool ran.
                    var label = Path.GetRelativePath(module.Path, result.ConfigPath).Replace('\\', '/');
                    console.Out.Write(UnifiedDiff.Create(result.Original.Text, result.ConvertedText!, "a/" + label, "b/" + label));
                    break;
                case ConversionStatus.Converted:
                    try
                    {
                        AtomicFile.Replace(result.ConfigPath, result.ConvertedBytes!);
                        console.Out.WriteLine($"{result.ConfigPath}: converted");
                    }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                    {
                        console.Error.WriteLine($"ngx-convert: {result.ConfigPath}: cannot write: {e.Message}");
                        ioError = true;
                    }

                    break;
            }
        }

        return ioError ? ExitCodes.UsageOrIoError : findings ? ExitCodes.Findings : ExitCodes.Success;
    }
}
