using ConfigConvert.ModuleModel.Discovery;
using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>
/// The shell parser: parsing never throws, text → tree → text gives back the same bytes, and a parse that reads the
/// text in windows (<see cref="WindowedParse"/>, here a character at a time so that a window may end at every line) gives
/// the same text and diagnostics as the whole parse; and the diagnostics-only parse, which leaves to a quick scan the
/// statements it proves clean (<see cref="WindowedParse.Diagnostics"/>, in windows of a few characters and at its
/// defaults), gives the whole parse's diagnostics, and the scan never calls a text with diagnostics clean; and the
/// module search's byte scan for sourcing commands (<see cref="AddonSourcingScan"/>) never rules out a config in whose
/// parse a command sources a file of the module's directory.
/// </summary>
internal sealed class ParseTarget : FuzzTarget
{
    public override string Name => "parse";

    public override IReadOnlyList<string> Dictionaries => ["shell.dict"];

    public override string Description => "SyntaxTree.ParseText: no exception; the tree prints back the same bytes; diagnostics lie inside the text; the windowed parse and the scanned diagnostics agree; the sourcing scan misses no sourcing command";

    public override void Run(byte[] input)
    {
        var text = SourceText.From(input);
        var tree = SyntaxTree.ParseText(text, "config");
        var printed = tree.GetRoot().ToFullString();
        if (printed != text.Text)
        {
            throw new PropertyViolation($"the tree prints other text than it was parsed from, from character {FirstDifference(printed, text.Text)}");
        }

        if (!text.GetBytes(printed).AsSpan().SequenceEqual(input))
        {
            throw new PropertyViolation($"the tree's text encodes to other bytes than were read ({text.Encoding})");
        }

        foreach (var diagnostic in tree.GetDiagnostics())
        {
            var span = diagnostic.Location.Span;
            if (span.Start < 0 || span.End > text.Text.Length)
            {
                throw new PropertyViolation($"{diagnostic.Descriptor.Id} at {span.Start}..{span.End} lies outside the text of {text.Text.Length} characters");
            }
        }

        CheckWindowedParse(text.Text, tree);
        CheckScannedDiagnostics(text.Text, tree);
        CheckSourcingScan(input, tree);
    }

    private static void CheckSourcingScan(byte[] input, SyntaxTree tree)
    {
        if (!AddonSourcingScan.MaySource(input) && SourcedConfigs.AddonRelativePaths(tree).FirstOrDefault() is { } path)
        {
            throw new PropertyViolation($"the sourcing scan rules the config out, and its parse sources $ngx_addon_dir/{path}");
        }
    }

    private static void CheckScannedDiagnostics(string text, SyntaxTree tree)
    {
        var whole = tree.GetDiagnostics().Select(d => (d.ToString(), d.Location)).ToList();
        if (whole.Count > 0 && CleanScan.Scan(text, isWhole: true).Verdict == CleanScan.Verdict.Clean)
        {
            throw new PropertyViolation($"the scan calls the text clean, and the parser reports {whole[0].Item1}");
        }

        foreach (var (window, parsed) in (ReadOnlySpan<(int, int)>)[(5, 3), (WindowedParse.DefaultWindowChars, WindowedParse.ParsedWindowChars)])
        {
            var scanned = WindowedParse.Diagnostics(new OneCharacterReads(text), "config", window, parsed).Select(d => (d.ToString(), d.Location)).ToList();
            if (!whole.SequenceEqual(scanned))
            {
                throw new PropertyViolation($"the scanned diagnostics (windows of {window}) are {scanned.Count} where the whole parse reports {whole.Count}, or others");
            }
        }
    }

    private static void CheckWindowedParse(string text, SyntaxTree tree)
    {
        var segments = WindowedParse.Segments(new OneCharacterReads(text), "config", windowChars: 1).ToList();
        var joined = string.Concat(segments.Select(s => s.ToFullString()));
        if (joined != text)
        {
            throw new PropertyViolation($"the windowed parse's segments join to other text, from character {FirstDifference(joined, text)}");
        }

        var position = 0;
        foreach (var segment in segments)
        {
            if (segment.Position != position)
            {
                throw new PropertyViolation($"a windowed segment starts at {segment.Position}, after {position} characters");
            }

            position += segment.FullWidth;
        }

        var statements = tree.GetRoot().Statements.Select(s => s.ToFullString());
        if (!statements.SequenceEqual(segments.SelectMany(s => s.Statements).Select(s => s.ToFullString())))
        {
            throw new PropertyViolation("the windowed parse's statements are not the whole parse's");
        }

        var whole = tree.GetDiagnostics();
        var windowed = segments.SelectMany(s => s.Diagnostics).ToList();
        if (!whole.Select(d => (d.ToString(), d.Location)).SequenceEqual(windowed.Select(d => (d.ToString(), d.Location))))
        {
            throw new PropertyViolation($"the windowed parse reports {windowed.Count} diagnostics where the whole parse reports {whole.Length}, or others");
        }
    }

    public override IEnumerable<Seed> Seeds(string repository)
        => FixtureFiles.Files(repository, "tests/ShellParser.Tests/Corpus", name => !name.EndsWith(".md", StringComparison.Ordinal) && !name.EndsWith(".tsv", StringComparison.Ordinal) && name != ".gitattributes")
            .Concat(FixtureFiles.Files(repository, "tests/fixtures", name => name == "config"))
            .Concat(FixtureFiles.GoldenInputs(repository, "tests"));

    private static int FirstDifference(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = 0;
        while (i < length && a[i] == b[i])
        {
            i++;
        }

        return i;
    }

    /// <summary>Hands out one character a read, so that each window holds only as many lines as it must.</summary>
    private sealed class OneCharacterReads(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (count == 0 || _position == text.Length)
            {
                return 0;
            }

            buffer[index] = text[_position++];
            return 1;
        }
    }
}
