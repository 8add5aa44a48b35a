namespace ConfigConvert.ShellParser.Tests;

/// <summary>
/// What a windowed parse holds, measured as the size of the whole heap: in a collection of its own that runs
/// apart from every other test, whose live objects would otherwise count (a parallel test held 21 MiB of its
/// own at the moment of measuring once).
/// </summary>
[Collection(Name)]
public sealed class SegmentMemoryTests
{
    public const string Name = "alone: heap sizes";

    [Fact]
    public void A_script_of_distinct_comments_is_parsed_in_bounded_memory()
    {
        // Short trivia texts are shared through a table, which the windows' parsers share; a script whose
        // comments all differ must not keep them all.
        var text = string.Concat(Enumerable.Range(0, 400_000).Select(i => $"# note {i}\n:\n"));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long during = 0;
        var segments = 0;
        foreach (var segment in SyntaxTree.ParseSegments(new SegmentTests.TrickleReader(text, 64 * 1024), "config"))
        {
            if (++segments == 390_000)
            {
                during = GC.GetTotalMemory(forceFullCollection: true);
            }
        }

        Assert.True(during - before < 16 * 1024 * 1024, $"the parse held {(during - before) / 1024 / 1024} MiB of a script of {text.Length / 1024 / 1024} million characters");
    }
}
