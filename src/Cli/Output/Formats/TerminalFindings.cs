using ConfigConvert.Cli.Output.Reports;
using ConfigConvert.Diagnostics;
using ConfigConvert.Text;
using Spectre.Console;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// Findings for a person at a terminal, rendered by Spectre.Console: the diagnostic line, then the source line with
/// a caret under the span, and a closing summary; colour only when the console says the terminal has it.
/// </summary>
internal sealed class TerminalFindings
{
    private readonly IAnsiConsole _ansi;
    private readonly SourceFiles _sources;

    public TerminalFindings(CliConsole console, SourceFiles sources)
    {
        _sources = sources;
        _ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = console.UseColor ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = console.UseColor ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(console.Out),
        });
        // The terminal wraps long lines itself; Spectre.Console wrapping them would break the path(line,col) editors read.
        _ansi.Profile.Width = NoWrapWidth;
    }

    private const int NoWrapWidth = 100_000;

    public void Write(IEnumerable<Diagnostic> findings)
    {
        var list = findings.ToList();
        foreach (var finding in list)
        {
            WriteFinding(finding);
        }

        var counts = SeverityCounts.Of(list);
        _ansi.Write(new Spectre.Console.Text($"{counts.Errors} error(s), {counts.Warnings} warning(s), {counts.Notes} info(s)\n", new Style(decoration: Decoration.Bold)));
    }

    private void WriteFinding(Diagnostic finding)
    {
        var style = SeverityStyle(finding.Severity);
        var location = finding.Location;
        var path = string.IsNullOrEmpty(location.Path) ? "<input>" : location.Path;
        _ansi.Write(new Spectre.Console.Text($"{path}({location.Start.Line},{location.Start.Column}): ", Style.Plain));
        _ansi.Write(new Spectre.Console.Text($"{SeverityNames.Name(finding.Severity)} {finding.Id}", style));
        _ansi.Write(new Spectre.Console.Text($": {finding.Message}\n", Style.Plain));
        if (_sources.Get(location.Path) is { } source && SourceLine.Of(source, location) is { } line)
        {
            var gutter = new string(' ', line.Number.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
            _ansi.Write(new Spectre.Console.Text($" {line.Number} | {line.Text}\n", Style.Plain));
            _ansi.Write(new Spectre.Console.Text($" {gutter} | {line.CaretIndent}", Style.Plain));
            _ansi.Write(new Spectre.Console.Text(new string('^', line.CaretLength) + "\n", style));
        }
    }

    private static Style SeverityStyle(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => new Style(Color.Red, decoration: Decoration.Bold),
        DiagnosticSeverity.Warning => new Style(Color.Yellow, decoration: Decoration.Bold),
        _ => new Style(Color.Blue, decoration: Decoration.Bold),
    };
}

/// <summary>The first line of a finding's span, and where its caret goes.</summary>
/// <param name="Number">The 1-based line number.</param>
/// <param name="Text">The line without its line break.</param>
/// <param name="CaretIndent">What stands before the caret: the line's tabs kept, every other character a space, so the caret lines up.</param>
/// <param name="CaretLength">At least 1; to the end of the line when the span goes on.</param>
internal sealed record SourceLine(int Number, string Text, string CaretIndent, int CaretLength)
{
    public static SourceLine? Of(SourceText source, Location location)
    {
        var number = location.Start.Line;
        if (number < 1 || number > source.Lines.Count)
        {
            return null;
        }

        var start = source.Lines[number - 1];
        var end = number < source.Lines.Count ? source.Lines[number] : source.Text.Length;
        var text = source.Text[start..end].TrimEnd('\n').TrimEnd('\r');
        var column = Math.Clamp(location.Start.Column - 1, 0, text.Length);
        var endColumn = location.End.Line == number ? Math.Clamp(location.End.Column - 1, column, text.Length) : text.Length;
        var indent = string.Concat(text[..column].Select(c => c == '\t' ? '\t' : ' '));
        return new SourceLine(number, text, indent, Math.Max(1, endColumn - column));
    }
}
