using ConfigConvert.Cli.Hosting;

namespace ConfigConvert.Cli.Tests.Hosting;

/// <summary>
/// The heap of this very process asked for huge pages, as <c>ngx-convert</c> asks for its own: what the kernel then
/// says of the range in <c>/proc/self/smaps</c>, and a heap that still works.
/// </summary>
public sealed class HeapHugePagesTests
{
    [Fact]
    public void The_heap_is_asked_for_huge_pages_where_the_kernel_gives_them_on_request()
    {
        var range = HeapHugePages.Prepare();
        if (TransparentHugePages.OnRequestSize() == 0)
        {
            Assert.Null(range);
            return;
        }

        Assert.NotNull(range);
        var flags = VmFlagsAt(range.Value.Start).Split(' ');
        Assert.Contains("hg", flags);
        Assert.Contains("rd", flags);
        Assert.Contains("wr", flags);
        Assert.DoesNotContain("dd", flags);
    }

    [Fact]
    public void The_heap_still_holds_what_it_is_given_after_a_collection()
    {
        HeapHugePages.Prepare();
        var arrays = Enumerable.Range(0, 2_000).Select(i => Enumerable.Repeat((byte)i, 10_000 + i).ToArray()).ToList();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        Assert.All(arrays.Select((array, i) => (array, i)), pair => Assert.True(pair.array.Length == 10_000 + pair.i && pair.array.All(b => b == (byte)pair.i)));
    }

    [Fact]
    public void Nothing_is_asked_when_turned_off()
    {
        Environment.SetEnvironmentVariable(HeapHugePages.OptOutVariable, "0");
        try
        {
            Assert.Null(HeapHugePages.Prepare());
        }
        finally
        {
            Environment.SetEnvironmentVariable(HeapHugePages.OptOutVariable, null);
        }
    }

    /// <summary>The <c>VmFlags</c> line of the mapping that holds <paramref name="address"/>.</summary>
    private static string VmFlagsAt(ulong address)
    {
        var inside = false;
        foreach (var line in File.ReadLines("/proc/self/smaps"))
        {
            if (MemoryMapLine.TryParse(line, out var mapping))
            {
                inside = mapping.Start <= address && address < mapping.End;
            }
            else if (inside && line.StartsWith("VmFlags:", StringComparison.Ordinal))
            {
                return line["VmFlags:".Length..].Trim();
            }
        }

        return "";
    }
}
