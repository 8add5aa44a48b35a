using System.CommandLine;
using ConfigConvert.Cli.Input;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>The options of the pull-request formats, shared by <c>check</c> and <c>convert</c>: <c>--report-url</c>, <c>--link-base</c>, <c>--changed-lines</c>, <c>--repository-root</c>.</summary>
internal sealed class ReportOptionSet
{
    private readonly Option<string?> _reportUrl = new("--report-url") { Description = "Where the full report lives; named when the output is cut (markdown, github).", HelpName = "URL" };
    private readonly Option<string?> _linkBase = new("--link-base") { Description = "File links become URL/<repository-relative path>#L<line> (markdown).", HelpName = "URL" };
    private readonly Option<string?> _changedLines = new("--changed-lines") { Description = "The pull request's unified diff (git diff BASE...HEAD): markdown suggests fixes whose lines it all added.", HelpName = "FILE" };
    private readonly Option<string?> _repositoryRoot = new("--repository-root") { Description = "Paths in reports are relative to DIR (default: the current directory).", HelpName = "DIR" };

    /// <summary>The options, to add to a command.</summary>
    public IEnumerable<Option> All => [_reportUrl, _linkBase, _changedLines, _repositoryRoot];

    /// <summary>The options given, or null after saying on standard error why they cannot be used (exit 2).</summary>
    public ReportOptions? Resolve(CliConsole console, ParseResult result)
    {
        var root = result.GetValue(_repositoryRoot);
        if (root is not null && !Directory.Exists(root))
        {
            console.Error.WriteLine($"ngx-convert: --repository-root {root}: no such directory");
            return null;
        }

        var changedLines = ChangedLines.None;
        if (result.GetValue(_changedLines) is { } diffPath)
        {
            if (!InputFile.TryRead(diffPath, out var diff, out var error))
            {
                console.Error.WriteLine($"ngx-convert: --changed-lines {error}");
                return null;
            }

            changedLines = ChangedLines.Parse(diff.Text);
        }

        return new ReportOptions
        {
            ReportUrl = result.GetValue(_reportUrl),
            LinkBase = result.GetValue(_linkBase),
            ChangedLines = changedLines,
            RepositoryRoot = Path.GetFullPath(root ?? "."),
        };
    }
}
