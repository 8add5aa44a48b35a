using System.Runtime.InteropServices;

namespace ConfigConvert.Cli.Hosting;

/// <summary>
/// Asks Linux for transparent huge pages under the start of the collector's heap. A check of a tree touches tens of
/// MiB of fresh memory, and the kernel maps each 4 KiB page of it at its first touch: on a virtual machine a page
/// fault costs about 10 µs, and the faults were a quarter of the CPU time of a check of the fetched tree
/// (docs/performance.md, the twenty-third round). A huge page maps 2 MiB at one fault.
/// </summary>
/// <remarks>
/// The collector commits its reservation 64 KiB at a time, each piece marked to be dumped (<c>MADV_DODUMP</c>), so the
/// heap is a chain of mappings that ends where the commit does: a huge page fits only inside one mapping, and none
/// ever did. So the part prepared is made readable, writable and dumpable whole at once, and then asked for huge
/// pages; the collector's later commits inside it change nothing, and what it decommits it maps anew, as before. Memory
/// not yet touched stays zero, which is all the collector assumes of memory it commits. Nothing is done unless the map
/// of the process shows the collector's reservation where it is looked for; <c>NGX_CONVERT_HUGE_PAGES=0</c> turns it
/// off.
/// </remarks>
internal static partial class HeapHugePages
{
    /// <summary>The environment variable that, set to 0, leaves the heap's pages as they are.</summary>
    public const string OptOutVariable = "NGX_CONVERT_HUGE_PAGES";

    /// <summary>
    /// How much of the reservation is prepared. A check of the fetched tree uses its first 170 MiB; what the collector
    /// commits beyond gets ordinary pages. Memory only counts once touched.
    /// </summary>
    private const ulong PreparedLength = 512UL << 20;

    // A reservation shorter than this is not the default one, whose layout this relies on.
    private const ulong SmallestReservation = 4UL << 30;

    private const ulong LargeObject = 100_000;
    private const int ReadWrite = 0x1 | 0x2;
    private const int DoDump = 17;
    private const int HugePage = 14;

    /// <summary>The range asked for huge pages, or null when nothing was done: not Linux, turned off, no huge pages on request, or no reservation found.</summary>
    public static AddressRange? Prepare()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(OptOutVariable) == "0")
        {
            return null;
        }

        var hugePage = TransparentHugePages.OnRequestSize();
        var reservation = RegionRange();
        if (hugePage == 0 || reservation < SmallestReservation || ReadMaps() is not { } maps)
        {
            return null;
        }

        var range = HeapReservation.RangeToPrepare(maps, LowestHeapAddress(), hugePage, PreparedLength, reservation / 2);
        return range is { } found && Apply(found) ? range : null;
    }

    /// <summary>How much address space the collector reserved for its regions; 0 when it does not say (a collector without regions), or says something no range can be.</summary>
    private static ulong RegionRange()
    {
        GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var value);
        return value switch
        {
            long size when size > 0 => (ulong)size,
            ulong size => size,
            _ => 0,
        };
    }

    /// <summary>
    /// The lowest address of an array just made in each of the heap's three kinds of region (small, large and pinned
    /// objects): the collector hands regions out upwards from those it starts with.
    /// </summary>
    private static ulong LowestHeapAddress()
    {
        byte[][] arrays = [new byte[1], new byte[LargeObject], GC.AllocateArray<byte>(1, pinned: true)];
        var lowest = ulong.MaxValue;
        foreach (var array in arrays)
        {
            var handle = GCHandle.Alloc(array, GCHandleType.Pinned);
            lowest = Math.Min(lowest, (ulong)handle.AddrOfPinnedObject());
            handle.Free();
        }

        return lowest;
    }

    private static string? ReadMaps()
    {
        try
        {
            return File.ReadAllText("/proc/self/maps");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>False when a call fails, or cannot be made: the framework-dependent build on a C library that is not glibc has no <c>libc.so.6</c>.</summary>
    private static bool Apply(AddressRange range)
    {
        var (start, length) = ((nint)range.Start, (nuint)range.Length);
        try
        {
            return Protect(start, length, ReadWrite) == 0 && Advise(start, length, DoDump) == 0 && Advise(start, length, HugePage) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc.so.6", EntryPoint = "mprotect")]
    private static partial int Protect(nint start, nuint length, int protection);

    [LibraryImport("libc.so.6", EntryPoint = "madvise")]
    private static partial int Advise(nint start, nuint length, int advice);
}
