namespace ConfigConvert.Cli.Hosting;

/// <summary>
/// Where the collector's reservation of address space lies, read from <c>/proc/self/maps</c>. The collector reserves
/// one range for all its regions (256 GiB by default) and commits it piece by piece, so in the map it is a run of
/// adjacent unnamed private mappings, reserved or readable and writable, that no other mapping can fall inside.
/// </summary>
internal static class HeapReservation
{
    /// <summary>
    /// The <paramref name="length"/> bytes from the first huge page boundary at or above <paramref name="anchor"/>, an
    /// address in the collector's heap; null unless the map shows one plain run of reservation from the mapping that holds
    /// <paramref name="anchor"/> on for at least <paramref name="reach"/> bytes. A run that long is the collector's
    /// reservation, not a thread's stack or guard page beside it: only a reservation of the collector's size is.
    /// </summary>
    public static AddressRange? RangeToPrepare(string maps, ulong anchor, ulong hugePage, ulong length, ulong reach)
    {
        var start = (anchor + hugePage - 1) / hugePage * hugePage;
        if (start < anchor || reach < start - anchor + length)
        {
            return null;
        }

        return PlainRunEnd(maps, anchor, anchor + reach) >= anchor + reach ? new AddressRange(start, length) : null;
    }

    /// <summary>Where the plain run holding <paramref name="anchor"/> ends, read no further than <paramref name="enough"/>; 0 when no plain mapping holds it.</summary>
    private static ulong PlainRunEnd(string maps, ulong anchor, ulong enough)
    {
        ulong runEnd = 0;
        foreach (var line in maps.AsSpan().EnumerateLines())
        {
            if (!MemoryMapLine.TryParse(line, out var mapping) || mapping.End <= anchor)
            {
                continue;
            }

            var continuesRun = runEnd == 0 ? mapping.Start <= anchor : mapping.Start == runEnd;
            if (!continuesRun || !mapping.IsPlainReservation)
            {
                break;
            }

            runEnd = mapping.End;
            if (runEnd >= enough)
            {
                break;
            }
        }

        return runEnd;
    }
}
