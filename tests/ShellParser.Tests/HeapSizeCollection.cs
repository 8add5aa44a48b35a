namespace ConfigConvert.ShellParser.Tests;

/// <summary>The tests that measure the whole heap run alone, after the parallel ones.</summary>
[CollectionDefinition(SegmentMemoryTests.Name, DisableParallelization = true)]
public sealed class HeapSizeCollection
{
}
