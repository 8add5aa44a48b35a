using ConfigConvert.Diagnostics;

namespace ConfigConvert.Cli.Output.Reports;

/// <summary>
/// What the pull-request formats need to know beyond the findings: where the full report lives, how to link to a
/// file's line, which lines the pull request added, and the repository root that paths are relative to.
/// </summary>
internal sealed record ReportOptions
{
    /// <summary>Where the full report lives (<c>--report-url</c>): named when output is cut.</summary>
    public string? ReportUrl { get; init; }

    /// <summary>The base of file links (<c>--link-base</c>): a link is <c>BASE/&lt;relative path&gt;#L&lt;line&gt;</c>.</summary>
    public string? LinkBase { get; init; }

    /// <summary>The lines the pull request added (<c>--changed-lines</c>).</summary>
    public ChangedLines ChangedLines { get; init; } = ChangedLines.None;

    /// <summary>The repository root, absolute (<c>--repository-root</c>; the current directory by default).</summary>
    public string RepositoryRoot { get; init; } = Path.GetFullPath(".");

    /// <summary>
    /// <paramref name="path"/> relative to the repository root, with <c>/</c> separators; an absolute path when the
    /// file is outside the root; null for a finding of no file.
    /// </summary>
    public string? RelativePath(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(RepositoryRoot, full);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : IO.RelativePath.WithSlashes(relative);
    }

    /// <summary><c>path(line,col): severity ID: message</c> of <paramref name="finding"/>, its path relative to the repository root.</summary>
    public string Line(Diagnostic finding)
        => DiagnosticLine.Format(finding.WithLocation(finding.Location with { Path = RelativePath(finding.Location.Path) }));

    /// <summary>True when <paramref name="path"/> is inside the repository root.</summary>
    public bool IsInRepository(string? path) => RelativePath(path) is { } relative && !Path.IsPathRooted(relative);

    /// <summary>The link to <paramref name="line"/> of <paramref name="path"/>, or null without <see cref="LinkBase"/> or outside the repository.</summary>
    public string? Link(string? path, int line)
        => LinkBase is { } linkBase && IsInRepository(path) ? $"{linkBase.TrimEnd('/')}/{RelativePath(path)}#L{line}" : null;
}
