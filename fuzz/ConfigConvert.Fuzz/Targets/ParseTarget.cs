using ConfigConvert.ShellParser;
using ConfigConvert.Text;

namespace ConfigConvert.Fuzz.Targets;

/// <summary>The shell parser: parsing never throws, and text → tree → text gives back the same bytes.</summary>
internal sealed class ParseTarget : FuzzTarget
{
    public override string Name => "parse";

    public override string Description => "SyntaxTree.ParseText: no exception; the tree prints back the same bytes; diagnostics lie inside the text";

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
}
