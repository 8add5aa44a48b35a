using System.CommandLine;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>The <c>--format</c> values of <c>check</c> and <c>convert</c>, each with its formatter; the names are a public contract.</summary>
internal static class ReportFormats
{
    private static readonly (string Name, IReportFormatter Formatter)[] All =
    [
        ("text", new TextFormatter()),
        ("json", new JsonFormatter()),
        ("sarif", new SarifFormatter()),
        ("github", new GitHubFormatter()),
        ("markdown", new MarkdownFormatter()),
        ("rdjson", new RdjsonFormatter()),
        ("checkstyle", new CheckstyleFormatter()),
    ];

    /// <summary>Every format name, in the order the help lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [.. All.Select(f => f.Name)];

    /// <summary>The formatter of <paramref name="name"/> (a name <see cref="Option"/> accepted).</summary>
    public static IReportFormatter Get(string name) => All.First(f => f.Name == name).Formatter;

    /// <summary><c>--format</c>, <c>text</c> by default; any other value is a usage error that lists the valid ones.</summary>
    public static Option<string> Option()
    {
        var option = new Option<string>("--format") { Description = "Output format: " + string.Join(", ", Names) + ".", DefaultValueFactory = _ => "text" };
        option.Validators.Add(result =>
        {
            if (result.Tokens is [{ } token, ..] && !Names.Contains(token.Value))
            {
                result.AddError($"--format `{token.Value}` is not a format; the formats are: {string.Join(", ", Names)}");
            }
        });
        return option;
    }
}
