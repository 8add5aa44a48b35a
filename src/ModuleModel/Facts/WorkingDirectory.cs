namespace ConfigConvert.ModuleModel;

/// <summary>
/// Where the config's commands run: the top of nginx's tree, where configure runs, until the config runs <c>cd</c>;
/// then the directory it named, when the model knows it. A relative path a command or a redirection names is read
/// from here: a config that runs <c>cd $ngx_addon_dir</c> and then writes <c>src/version.h</c> writes its own file,
/// not nginx's.
/// </summary>
/// <param name="Path">The directory: absolute, or relative to nginx's tree; null for the tree's top.</param>
/// <param name="Known">False when the config changed to a directory the model cannot name.</param>
/// <param name="Previous">Where the last <c>cd</c> left from, which <c>cd -</c> goes back to; null before any.</param>
internal sealed record WorkingDirectory(string? Path, bool Known, WorkingDirectory? Previous = null)
{
    /// <summary>The top of nginx's tree, where configure sources the config.</summary>
    public static WorkingDirectory NginxTree { get; } = new(null, true);

    private static WorkingDirectory Unknown { get; } = new(null, false);

    /// <summary>True once the config has left the tree's top (its relative paths are no longer nginx's files as named).</summary>
    public bool Changed => !Known || Path is not null;

    /// <summary>
    /// Where <c>cd</c> with <paramref name="arguments"/> goes: the directory named, or with <c>cd -</c> the one the last
    /// <c>cd</c> left. <c>cd</c> alone goes home, <c>cd -</c> before any <c>cd</c> to where the user's shell was, and
    /// options change how links resolve: the model follows none of them, and the directory is then unknown.
    /// </summary>
    public WorkingDirectory Change(IReadOnlyList<ShellValue> arguments)
    {
        if (arguments is [{ KnownText: "-" }])
        {
            return Previous is { } previous ? previous with { Previous = this } : Unknown with { Previous = this };
        }

        return arguments is [{ KnownText: { Length: > 0 } target }] && !target.StartsWith('-') && Resolve(target) is { } path
            ? new WorkingDirectory(path.Length == 0 ? null : path, true, this)
            : Unknown with { Previous = this };
    }

    /// <summary>
    /// The file <paramref name="path"/> names from here: absolute, or relative to nginx's tree; null when it is relative
    /// and the directory is unknown.
    /// </summary>
    public string? Resolve(string path)
        => System.IO.Path.IsPathRooted(path) ? path : !Known ? null : Path is null ? path : WithinTree(Path.TrimEnd('/') + "/" + path);

    /// <summary>
    /// A path relative to nginx's tree with <c>dir/..</c> taken out (<c>src/http/../../objs/x.h</c> is <c>objs/x.h</c>,
    /// and <c>src/..</c> the top, empty): nginx's tree holds its directories themselves, not links to them. An
    /// absolute path is left as it is.
    /// </summary>
    private static string WithinTree(string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "."))
        {
            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }
}
