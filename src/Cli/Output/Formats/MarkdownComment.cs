using System.Text;

namespace ConfigConvert.Cli.Output.Formats;

/// <summary>
/// A pull-request comment built piece by piece under GitHub's limit of 65,536 characters: a piece that would
/// pass the limit (keeping room for the closing note) is left out and counted; after a finding that did not fit,
/// the findings are only counted, while each diff is still tried.
/// </summary>
internal sealed class MarkdownComment(int limit)
{
    /// <summary>GitHub's limit for the body of a comment.</summary>
    public const int GitHubLimit = 65_536;

    /// <summary>Room kept for the note that says what was cut.</summary>
    private const int NoteRoom = 1_024;

    private readonly StringBuilder _text = new();

    /// <summary>How many findings were left out.</summary>
    public int FindingsLeftOut { get; private set; }

    /// <summary>How many diffs were left out.</summary>
    public int DiffsLeftOut { get; private set; }

    /// <summary>True once a finding did not fit: the findings after it are left out too, so that those shown are the first ones.</summary>
    public bool IsFull { get; private set; }

    /// <summary>Adds <paramref name="piece"/> whatever its length: the marker and the summary.</summary>
    public void AddAlways(string piece) => _text.Append(piece);

    /// <summary>Adds <paramref name="piece"/> if it fits; otherwise counts it as a finding left out.</summary>
    public void AddFinding(string piece)
    {
        if (!TryAdd(piece))
        {
            FindingsLeftOut++;
            IsFull = true;
        }
    }

    /// <summary>Counts findings left out without trying them (their file's heading did not fit).</summary>
    public void LeaveOutFindings(int count) => FindingsLeftOut += count;

    /// <summary>Adds <paramref name="piece"/> if it fits; otherwise counts it as a diff left out.</summary>
    public void AddDiff(string piece)
    {
        if (!TryAdd(piece))
        {
            DiffsLeftOut++;
        }
    }

    /// <summary>Adds <paramref name="piece"/> if it fits, and says nothing when not (headings of what follows).</summary>
    public bool TryAdd(string piece)
    {
        if (_text.Length + piece.Length > limit - NoteRoom)
        {
            return false;
        }

        _text.Append(piece);
        return true;
    }

    /// <summary>The comment, ending with what was cut and where the full report is.</summary>
    public string Finish(string? reportUrl)
    {
        if (FindingsLeftOut + DiffsLeftOut > 0)
        {
            var where = reportUrl is null ? "run `ngx-convert` with `--format text` for the full report" : $"the full report is at {reportUrl}";
            _text.Append($"\n---\n\n**Cut to fit a comment:** {FindingsLeftOut} finding(s) and {DiffsLeftOut} diff(s) are not shown; {where}.\n");
        }

        return _text.ToString();
    }
}
