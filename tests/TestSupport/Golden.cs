using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Xunit;

namespace ConfigConvert.TestSupport;

/// <summary>
/// Golden files in a txtar-like format: <c>-- name --</c> lines open sections. A test compares what it
/// produced with a section; on a mismatch it shows a line diff in which spaces, tabs and carriage
/// returns are visible, and writes the whole file as it would be under the test's output directory
/// (<c>golden-actual/</c>, never into the source tree), saying where. With <c>UPDATE_GOLDEN=1</c> it
/// rewrites the golden file instead: the only way a test writes into the source tree.
/// </summary>
public sealed class Golden
{
    private readonly List<(string Name, string Content)> _sections;

    private Golden(string path, string header, List<(string, string)> sections, bool exists = true)
    {
        Path = path;
        Header = header;
        _sections = sections;
        Exists = exists;
    }

    /// <summary>The golden file.</summary>
    public string Path { get; }

    /// <summary>Text before the first section (a description of the case).</summary>
    public string Header { get; }

    /// <summary>The names of the sections, in order.</summary>
    public IEnumerable<string> SectionNames => _sections.Select(s => s.Name);

    /// <summary>False for a golden file that does not exist yet (see <see cref="LoadOrStart"/>).</summary>
    public bool Exists { get; private set; }

    /// <summary>True when UPDATE_GOLDEN=1: mismatches rewrite the golden files.</summary>
    public static bool Updating => Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1";

    /// <summary>
    /// Where a mismatch writes the file as it would be: under the test's output directory, at the golden
    /// file's path in the repository (or its name alone, for a file outside it).
    /// </summary>
    public string ActualPath
    {
        get
        {
            var relative = System.IO.Path.GetRelativePath(RepoPaths.Root, Path);
            if (relative.StartsWith("..", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
            {
                relative = System.IO.Path.GetFileName(Path);
            }

            return System.IO.Path.Combine(AppContext.BaseDirectory, "golden-actual", relative + ".actual");
        }
    }

    /// <summary>
    /// Reads a golden file, or starts one with <paramref name="header"/> when it does not exist yet: its
    /// assertions then fail (a golden test pins nothing without its file) unless UPDATE_GOLDEN=1 creates it.
    /// </summary>
    public static Golden LoadOrStart(string path, string header)
        => File.Exists(path) ? Load(path) : new Golden(path, header, [], exists: false);

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
        if (expected == actual && Exists)
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
            Exists = true;
            return;
        }

        var actualPath = ActualPath;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(actualPath)!);
        File.WriteAllText(actualPath, updated.Render(), new UTF8Encoding(false));
        Assert.Fail(Exists
            ? $"{System.IO.Path.GetFileName(Path)}: section `{name}` differs (the whole file as it would be: {actualPath}; UPDATE_GOLDEN=1 accepts it)\n{Diff(expected ?? string.Empty, actual)}"
            : $"{Path} does not exist (as it would be: {actualPath}; UPDATE_GOLDEN=1 creates it)");
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

        return new Golden(Path, Header, sections, Exists);
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
