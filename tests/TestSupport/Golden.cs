using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace ConfigConvert.TestSupport;

/// <summary>
/// Golden files in a txtar-like format: <c>-- name --</c> lines open sections. A test compares what it
/// produced with a section; on a mismatch it shows a line diff in which spaces, tabs and carriage
/// returns are visible, and writes the whole file with the actual sections beside the golden one as
/// <c>.actual</c>. With <c>UPDATE_GOLDEN=1</c> it rewrites the golden file instead.
/// </summary>
public sealed class Golden
{
    private readonly List<(string Name, string Content)> _sections;

    private Golden(string path, string header, List<(string, string)> sections)
    {
        Path = path;
        Header = header;
        _sections = sections;
    }

    /// <summary>The golden file.</summary>
    public string Path { get; }

    /// <summary>Text before the first section (a description of the case).</summary>
    public string Header { get; }

    /// <summary>The names of the sections, in order.</summary>
    public IEnumerable<string> SectionNames => _sections.Select(s => s.Name);

    /// <summary>True when UPDATE_GOLDEN=1: mismatches rewrite the golden files.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>Reads a golden file byte-exactly (line endings inside sections are kept).</summary>
    public static Golden Load(string path)
    {
        var text = File.ReadAllText(path, new UTF8Encoding(false));
        var sections = new List<(string, string)>();
        var header = new StringBuilder();
        string? name = null;
        var content = new StringBuilder();
        var position = 0;
        while (position < text.Length)
        {
            var end = text.IndexOf('\n', position);
            var line = end < 0 ? text[position..] : text[position..(end + 1)];
            position += line.Length;
            var trimmed = line.TrimEnd('\n');
            if (trimmed.StartsWith("-- ", StringComparison.Ordinal) && trimmed.EndsWith(" --", StringComparison.Ordinal) && trimmed.Length > 6)
            {
                if (name is not null)
                {
                    sections.Add((name, content.ToString()));
                }

                name = trimmed[3..^3];
                content.Clear();
                continue;
            }

            (name is null ? header : content).Append(line);
        }

        if (name is not null)
        {
            sections.Add((name, content.ToString()));
        }

        return new Golden(path, header.ToString(), sections);
    }

    /// <summary>The content of a section, or null when the file has none of that name.</summary>
    public string? Section(string name) => _sections.FirstOrDefault(s => s.Name == name).Content;

    /// <summary>
    /// Asserts that <paramref name="actual"/> equals the section <paramref name="name"/>. A missing section
    /// is expected to equal <paramref name="whenMissing"/> (for a conversion: the input unchanged).
    /// </summary>
    public void AssertSection(string name, string actual, string? whenMissing = null)
    {
        var expected = Section(name) ?? whenMissing;
        if (expected == actual)
        {
            return;
        }

        var updated = Replace(name, whenMissing is not null && actual == whenMissing ? null : actual);
        if (Updating)
        {
            // Later assertions on this file build on this update.
            _sections.Clear();
            _sections.AddRange(updated._sections);
            File.WriteAllText(Path, updated.Render(), new UTF8Encoding(false));
            return;
        }

        File.WriteAllText(Path + ".actual", updated.Render(), new UTF8Encoding(false));
        Assert.Fail($"{System.IO.Path.GetFileName(Path)}: section `{name}` differs (actual written to {Path}.actual; UPDATE_GOLDEN=1 accepts it)\n{Diff(expected ?? string.Empty, actual)}");
    }

    /// <summary>A line diff of two texts with whitespace made visible.</summary>
    public static string Diff(string expected, string actual)
    {
        var model = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        var builder = new StringBuilder();
        foreach (var line in model.Lines)
        {
            var prefix = line.Type switch
            {
                ChangeType.Inserted => "+ ",
                ChangeType.Deleted => "- ",
                _ => "  ",
            };
            builder.Append(prefix).Append(Visible(line.Text)).Append('\n');
        }

        return builder.ToString();
    }

    private static string Visible(string? text) => (text ?? string.Empty)
        .Replace("\r", "␍", StringComparison.Ordinal)
        .Replace("\t", "→", StringComparison.Ordinal)
        .Replace(" ", "·", StringComparison.Ordinal);

    private Golden Replace(string name, string? content)
    {
        var sections = _sections.Where(s => s.Name != name || content is not null).Select(s => s.Name == name ? (s.Name, content!) : s).ToList();
        if (content is not null && sections.All(s => s.Name != name))
        {
            sections.Add((name, content));
        }

        return new Golden(Path, Header, sections);
    }

    private string Render()
    {
        var builder = new StringBuilder(Header);
        foreach (var (name, content) in _sections)
        {
            builder.Append("-- ").Append(name).Append(" --\n").Append(content);
            if (content.Length > 0 && !content.EndsWith('\n'))
            {
                // A section that does not end with a line break cannot be told apart from one that
                // does once the next marker follows; the format requires sections to end with one.
                builder.Append('\n');
            }
        }

        return builder.ToString();
    }
}
