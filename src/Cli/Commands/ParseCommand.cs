using System.CommandLine;
using ConfigConvert.Cli.Input;
using ConfigConvert.Cli.Output;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>ngx-convert parse FILE... [--format text|json] [--tree]</c>: syntax diagnostics of shell scripts.</summary>
internal static class ParseCommand
{
    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Shell scripts to parse (module `config` files or files they source).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var tree = new Option<bool>("--tree") { Description = "Also print the syntax tree." };
        var command = new Command("parse", "Parse shell scripts and report syntax errors the way /bin/sh (dash) sees them. Exit code: 0 no errors, 1 syntax errors, 2 usage or I/O error.")
        {
            files, format, tree,
        };
        command.SetAction(result => Run(console, result.GetValue(files)!, result.GetValue(format)!, result.GetValue(tree)));
        return command;
    }

    private static int Run(CliConsole console, string[] paths, string format, bool printTree)
    {
        var ioError = false;
        var syntaxError = false;
        var results = new List<(string Path, SyntaxTree? Tree, string? Error)>();
        foreach (var path in paths)
        {
            if (!InputFile.TryRead(path, out var text, out var error))
            {
                console.Error.WriteLine("ngx-convert: " + error);
                ioError = true;
                results.Add((path, null, error));
                continue;
            }

            var parsed = SyntaxTree.ParseText(text, path);
            syntaxError |= parsed.HasErrors;
            results.Add((path, parsed, null));
        }

        if (format == "json")
        {
            WriteJson(console, results, printTree);
        }
        else
        {
            foreach (var (path, parsed, _) in results)
            {
                if (parsed is null)
                {
                    continue;
                }

                foreach (var diagnostic in parsed.GetDiagnostics())
                {
                    console.Out.WriteLine(diagnostic.ToString());
                }

                if (printTree)
                {
                    if (results.Count > 1)
                    {
                        console.Out.WriteLine($"== {path} ==");
                    }

                    console.Out.Write(parsed.Dump());
                }
            }
        }

        return ioError ? ExitCodes.UsageOrIoError : syntaxError ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static void WriteJson(CliConsole console, List<(string Path, SyntaxTree? Tree, string? Error)> results, bool printTree)
    {
        DiagnosticJson.WriteDocument(console, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("files");
            foreach (var (path, parsed, error) in results)
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                if (error is not null)
                {
                    writer.WriteString("error", error);
                }

                writer.WriteStartArray("diagnostics");
                foreach (var diagnostic in parsed?.GetDiagnostics() ?? [])
                {
                    DiagnosticJson.Write(writer, diagnostic);
                }

                writer.WriteEndArray();
                if (printTree && parsed is not null)
                {
                    writer.WriteString("tree", parsed.Dump());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }
}
