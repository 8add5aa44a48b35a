using System.Reflection;
using System.Text;
using ConfigConvert.Diagnostics;
using ConfigConvert.TestSupport;
using ConfigConvert.Text;

namespace ConfigConvert.ShellParser.Tests;

/// <summary>
/// <c>SyntaxTree.ParseSegments</c> is the whole parse handed out in pieces: over every script the
/// repository's tests read (the corpus, dash's recorded experiments, every fixture config, every golden
/// input and output, every string of this project's inline test data) and over seeded mutations of the
/// corpus, its segments give the same diagnostics in the same order, the same statements, and text
/// that, joined, is the script byte for byte.
/// </summary>
public sealed class SegmentTests
{
    private const int Mutations = 3000;

    public static TheoryData<string> Sources => [.. Inputs().Select(i => i.Name).Distinct()];

    [Theory]
    [MemberData(nameof(Sources))]
    public void Segments_match_the_whole_parse(string source)
    {
        var inputs = Inputs().Where(i => i.Name == source).Select(i => i.Text).ToList();
        Assert.NotEmpty(inputs);
        foreach (var text in inputs)
        {
            AssertSegmentsMatchWholeParse(text, source);
        }
    }

    [Fact]
    public void Mutated_scripts_give_the_same_segments_as_the_whole_parse()
    {
        var seeds = Corpus.Files("valid").Select(File.ReadAllText).ToArray();
        for (var seed = 0; seed < Mutations; seed++)
        {
            AssertSegmentsMatchWholeParse(SourceText.From(ShellMutator.Mutate(seeds[seed % seeds.Length], seed)), $"mutation {seed}");
        }
    }

    [Theory]
    [InlineData("cat <<EOF; echo ${a b}\nbody\n")]
    [InlineData("cat <<A; cat <<B\na\nA\nb\nB\necho\n")]
    [InlineData("cat <<EOF fi\nbody\nEOF\necho 'x\n")]
    [InlineData("echo a\r\nfi\n\0\n\uFEFF")]
    [InlineData("\uFEFFecho $(\n")]
    [InlineData("x=`echo a ) b`; y\n# trailing\n\n")]
    [InlineData("")]
    [InlineData("# only a comment")]
    public void Here_documents_encoding_warnings_and_the_end_of_input_keep_their_order(string text)
    {
        AssertSegmentsMatchWholeParse(SourceText.From(text), text);
    }

    [Fact]
    public void A_script_many_windows_long_gives_the_same_segments_as_the_whole_parse()
    {
        var corpus = string.Concat(Corpus.AllFiles.Order(StringComparer.Ordinal).Select(File.ReadAllText).Select(t => t.EndsWith('\n') ? t : t + "\n"));
        var text = string.Concat(Enumerable.Repeat(corpus, (10 * WindowedParse.DefaultWindowChars / corpus.Length) + 1));
        var tree = SyntaxTree.ParseText(text, "config");

        var windowed = SyntaxTree.ParseSegments(new StringReader(text), "config").ToList();

        AssertSegmentsMatch(tree, SourceText.From(text), windowed, "the corpus, repeated");
        Assert.NotEmpty(tree.GetDiagnostics().Where(d => d.Location.Start.Line > 1000));
        Assert.True(windowed.Count(s => s.Position > 5 * WindowedParse.DefaultWindowChars) > 100, "few statements past the fifth window");
    }

    /// <summary>Statements and lines many windows long: the windows grow to hold them, and the parse is the same.</summary>
    [Theory]
    [InlineData("an if many windows long")]
    [InlineData("a line many windows long")]
    [InlineData("a quote left open near the start")]
    [InlineData("a here-document many windows long")]
    [InlineData("every line continued")]
    public void Statements_longer_than_a_window_give_the_same_segments_as_the_whole_parse(string shape)
    {
        const int repeats = 3 * WindowedParse.DefaultWindowChars / 10;
        var text = shape switch
        {
            "an if many windows long" => "a=1\nif x; then\n" + string.Concat(Enumerable.Repeat("  y=$z\n", repeats)) + "fi\nb=2\n",
            "a line many windows long" => "a=1\necho" + string.Concat(Enumerable.Repeat(" $x'y'", repeats)) + "\nb=2 ${c d}\n",
            "a quote left open near the start" => "a=1\necho 'open\n" + string.Concat(Enumerable.Repeat("b=2\n", repeats)),
            "a here-document many windows long" => "cat <<EOF; echo ${a b}\n" + string.Concat(Enumerable.Repeat("line $x\n", repeats)) + "EOF\nfi\n",
            _ => string.Concat(Enumerable.Repeat("echo a \\\n", repeats)) + "b\nfi\n",
        };
        var tree = SyntaxTree.ParseText(text, "config");

        foreach (var read in (ReadOnlySpan<int>)[1000, int.MaxValue])
        {
            var windowed = SyntaxTree.ParseSegments(new TrickleReader(text, read), "config").ToList();
            AssertSegmentsMatch(tree, SourceText.From(text), windowed, $"{shape}, read {read} at a time");
        }
    }

    [Fact]
    public void Nesting_past_the_limit_keeps_the_rest_in_the_last_segment()
    {
        var text = string.Concat(Enumerable.Repeat("( ", 500)) + "x\necho 'a\n";
        var segments = AssertSegmentsMatchWholeParse(SourceText.From(text), "deep");
        Assert.Contains(segments[^1].Diagnostics, d => d.Descriptor == SyntaxDiagnostics.NestingTooDeep);
    }

    [Fact]
    public void A_script_gives_one_segment_a_statement_and_the_end_of_input_last()
    {
        var segments = SyntaxTree.ParseSegments("a=1\nif x; then\n  y\nfi\ncat <<E; z\nbody\nE\n# end\n", "config").ToList();

        Assert.Equal(["a=1\n", "if x; then\n  y\nfi\n", "cat <<E; z\nbody\nE\n", "# end\n"], segments.Select(s => s.ToFullString()));
        Assert.Equal([1, 1, 2, 0], segments.Select(s => s.Statements.Count));
        Assert.Equal([false, false, false, true], segments.Select(s => s.IsLast));
        Assert.Equal([0, 4, 22, 40], segments.Select(s => s.Position));
    }

    private static List<ScriptSegment> AssertSegmentsMatchWholeParse(SourceText text, string name)
    {
        var tree = SyntaxTree.ParseText(text, "config");
        var segments = SyntaxTree.ParseSegments(text, "config").ToList();
        AssertSegmentsMatch(tree, text, segments, name);

        // Read a window at a time: from one character read at a time into windows that grow from one
        // character, so that a window ends at every line break that can end one, to the default.
        foreach (var (window, read) in (ReadOnlySpan<(int, int)>)[(1, 1), (8, 3), (100, 37), (WindowedParse.DefaultWindowChars, int.MaxValue)])
        {
            var windowed = WindowedParse.Segments(new TrickleReader(text.Text, read), "config", window).ToList();
            AssertSegmentsMatch(tree, text, windowed, $"{name}, windows of {window} read {read} at a time");
        }

        return segments;
    }

    private static void AssertSegmentsMatch(SyntaxTree tree, SourceText text, List<ScriptSegment> segments, string name)
    {
        var joined = new StringBuilder();
        foreach (var segment in segments)
        {
            Assert.True(segment.Position == joined.Length, $"{name}: a segment starts at {segment.Position}, after {joined.Length} characters");
            joined.Append(segment.ToFullString());
        }

        Assert.True(text.Text == joined.ToString(), $"{name}: the segments' text is not the script");
        Assert.Equal(text.GetBytes(), text.GetBytes(joined.ToString()));
        Assert.Equal(Describe(tree.GetDiagnostics()), Describe(segments.SelectMany(s => s.Diagnostics)));
        Assert.Equal(
            tree.GetRoot().Statements.Select(s => (s.Command.Kind, s.ToFullString())),
            segments.SelectMany(s => s.Statements).Select(s => (s.Command.Kind, s.ToFullString())));
        Assert.Equal(tree.GetRoot().EndOfFile.ToFullString(), segments[^1].EndOfFile?.ToFullString());
        Assert.All(segments[..^1], s => Assert.False(s.IsLast));
    }

    private static List<(string, DiagnosticSeverity, Location)> Describe(IEnumerable<Diagnostic> diagnostics)
        => [.. diagnostics.Select(d => (d.ToString(), d.Severity, d.Location))];

    /// <summary>Every script the tests read, named by where it comes from.</summary>
    internal static IEnumerable<(string Name, SourceText Text)> Inputs()
    {
        foreach (var file in Corpus.AllFiles)
        {
            yield return ("corpus/" + Path.GetFileName(file), SourceText.From(File.ReadAllBytes(file)));
        }

        foreach (var input in DashExperiments())
        {
            yield return ("dash-experiments.tsv", SourceText.From(input));
        }

        foreach (var file in RepositoryFiles("tests/fixtures", "samples").Where(f => Path.GetFileName(f) == "config" || f.EndsWith(".sh", StringComparison.Ordinal)))
        {
            yield return ("fixture/" + Path.GetRelativePath(RepoPaths.Root, file), SourceText.From(File.ReadAllBytes(file)));
        }

        foreach (var file in RepositoryFiles("tests").Where(f => f.EndsWith(".golden", StringComparison.Ordinal)))
        {
            var golden = Golden.Load(file);
            foreach (var section in golden.SectionNames.Where(s => s is "input" or "output"))
            {
                yield return ("golden/" + Path.GetFileName(file), SourceText.From(golden.Section(section)!));
            }
        }

        foreach (var text in InlineTestStrings())
        {
            yield return ("inline test data", SourceText.From(text));
        }
    }

    private static IEnumerable<string> RepositoryFiles(params string[] folders)
        => folders.Select(f => RepoPaths.Combine(f)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    // The inputs of dash's recorded verdicts, written with printf %b escapes.
    private static IEnumerable<string> DashExperiments()
        => File.ReadAllLines(Path.Combine(Corpus.Directory, "dash-experiments.tsv"))
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length > 1)
            .Select(fields => PrintfB(fields[1]));

    private static string PrintfB(string escaped)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < escaped.Length; i++)
        {
            if (escaped[i] != '\\' || i + 1 >= escaped.Length)
            {
                builder.Append(escaped[i]);
                continue;
            }

            var next = escaped[++i];
            switch (next)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case 'r': builder.Append('\r'); break;
                case '0':
                    var digits = 0;
                    var value = 0;
                    while (digits < 3 && i + 1 < escaped.Length && escaped[i + 1] is >= '0' and <= '7')
                    {
                        value = (value * 8) + (escaped[++i] - '0');
                        digits++;
                    }

                    builder.Append((char)value);
                    break;
                default: builder.Append(next); break;
            }
        }

        return builder.ToString();
    }

    // Every string argument of every [InlineData] in this test project: the parser's own test inputs.
    private static IEnumerable<string> InlineTestStrings()
        => typeof(SegmentTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<InlineDataAttribute>())
            .SelectMany(a => a.GetData(null!))
            .SelectMany(row => row.OfType<string>())
            .Distinct(StringComparer.Ordinal);

    /// <summary>A reader that hands out at most a given number of characters a read, as a pipe or a decoder may.</summary>
    internal sealed class TrickleReader(string text, int most) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            var n = Math.Min(Math.Min(count, most), text.Length - _position);
            text.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }
}
