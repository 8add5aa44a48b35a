using System.Collections.Immutable;
using System.CommandLine;
using ConfigConvert.Cli.Input;
using ConfigConvert.Cli.Output;
using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

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
        var results = new List<ParsedFile>();
        foreach (var path in paths)
        {
            if (!InputFile.TryRead(path, out var text, out var error))
            {
                console.Error.WriteLine("ngx-convert: " + error);
                ioError = true;
                results.Add(new ParsedFile(path, [], null, error));
                continue;
            }

            var parsed = printTree ? ParseWhole(text, path) : ParseForDiagnostics(text, path);
            syntaxError |= parsed.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
            results.Add(parsed);
        }

        if (format == "json")
        {
            WriteJson(console, results);
        }
        else
        {
            WriteText(console, results);
        }

        return ioError ? ExitCodes.UsageOrIoError : syntaxError ? ExitCodes.Findings : ExitCodes.Success;
    }

    private static ParsedFile ParseWhole(SourceText text, string path)
    {
        var tree = SyntaxTree.ParseText(text, path);
        return new ParsedFile(path, tree.GetDiagnostics(), tree, null);
    }

    // Without --tree only the diagnostics are wanted, as from `dash -n`: each statement is dropped as
    // soon as it is parsed, so a large script never has its whole tree in memory.
    private static ParsedFile ParseForDiagnostics(SourceText text, string path)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var segment in SyntaxTree.ParseSegments(text, path))
        {
            diagnostics.AddRange(segment.Diagnostics);
        }

        return new ParsedFile(path, diagnostics.ToImmutable(), null, null);
    }

    private static void WriteText(CliConsole console, List<ParsedFile> results)
    {
        foreach (var (path, diagnostics, tree, _) in results)
        {
            foreach (var diagnostic in diagnostics)
            {
                console.Out.WriteLine(diagnostic.ToString());
            }

            if (tree is not null)
            {
                if (results.Count > 1)
                {
                    console.Out.WriteLine($"== {path} ==");
                }

                console.Out.Write(tree.Dump());
            }
        }
    }

    private static void WriteJson(CliConsole console, List<ParsedFile> results)
    {
        DiagnosticJson.WriteDocument(console, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("files");
            foreach (var (path, diagnostics, tree, error) in results)
            {
                writer.WriteStartObject();
                writer.WriteString("path", path);
                if (error is not null)
                {
                    writer.WriteString("error", error);
                }

                writer.WriteStartArray("diagnostics");
                foreach (var diagnostic in diagnostics)
                {
                    DiagnosticJson.Write(writer, diagnostic);
                }

                writer.WriteEndArray();
                if (tree is not null)
                {
                    writer.WriteString("tree", tree.Dump());
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>What parsing one file gave: its diagnostics, its tree when <c>--tree</c> asks for it, or why it could not be read.</summary>
    private sealed record ParsedFile(string Path, ImmutableArray<Diagnostic> Diagnostics, SyntaxTree? Tree, string? Error);
}
