using System.Collections.Immutable;
using System.CommandLine;
using System.Text;
using ConfigConvert.Cli.Input;
using ConfigConvert.Cli.Output;
using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Cli.Commands;

/// <summary><c>ngx-convert parse FILE... [--format text|json] [--tree]</c>: syntax diagnostics of shell scripts.</summary>
internal static class ParseCommand
{
    /// <summary>What the verb is called on the command line.</summary>
    public const string Name = "parse";

    public static Command Create(CliConsole console)
    {
        var files = new Argument<string[]>("FILE") { Description = "Shell scripts to parse (module `config` files or files they source).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "Output format.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var tree = new Option<bool>("--tree") { Description = "Also print the syntax tree." };
        var command = new Command(Name, "Parse shell scripts and report syntax errors the way /bin/sh (dash) sees them. Exit code: 0 no errors, 1 syntax errors, 2 usage or I/O error.")
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
            var parsed = printTree ? ParseWhole(path) : ParseForDiagnostics(path);
            if (parsed.Error is not null)
            {
                console.Error.WriteLine("ngx-convert: " + parsed.Error);
                ioError = true;
            }

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

    private static ParsedFile ParseWhole(string path)
    {
        if (!InputFile.TryRead(path, out var text, out var error))
        {
            return new ParsedFile(path, [], null, error);
        }

        var tree = SyntaxTree.ParseText(text, path);
        return new ParsedFile(path, tree.GetDiagnostics(), tree, null);
    }

    /// <summary>Opens a file as text, as <see cref="InputFile.TryOpenText"/> does.</summary>
    internal delegate bool TextOpener(string path, out TextReader reader, out string error);

    // Without --tree only the diagnostics are wanted, as from `dash -n`: the file is read as it is
    // parsed, a window at a time, statements proved clean by a quick scan are never built into trees,
    // and each one the parser builds is dropped as soon as it is parsed, so a large script is never in
    // memory whole, neither its text nor its tree.
    private static ParsedFile ParseForDiagnostics(string path) => ParseForDiagnostics(path, InputFile.TryOpenText);

    /// <summary>The diagnostics of the file at <paramref name="path"/>, opened by <paramref name="open"/> (the tests change the file once it is open).</summary>
    internal static ParsedFile ParseForDiagnostics(string path, TextOpener open)
    {
        if (!open(path, out var reader, out var error))
        {
            return new ParsedFile(path, [], null, error);
        }

        try
        {
            using (reader)
            {
                return new ParsedFile(path, [.. SyntaxTree.ParseDiagnostics(reader, path)], null, null);
            }
        }
        catch (Exception e) when (e is InvalidDataException or DecoderFallbackException)
        {
            // The file changed while it was read: what was read of it is not one text. Read it again, whole.
            return InputFile.TryRead(path, out var text, out error)
                ? new ParsedFile(path, DiagnosticsOf(SyntaxTree.ParseSegments(text, path)), null, null)
                : new ParsedFile(path, [], null, error);
        }
        catch (IOException e)
        {
            return new ParsedFile(path, [], null, $"{path}: {e.Message}");
        }
    }

    private static ImmutableArray<Diagnostic> DiagnosticsOf(IEnumerable<ScriptSegment> segments)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var segment in segments)
        {
            diagnostics.AddRange(segment.Diagnostics);
        }

        return diagnostics.ToImmutable();
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
    internal sealed record ParsedFile(string Path, ImmutableArray<Diagnostic> Diagnostics, SyntaxTree? Tree, string? Error);
}
