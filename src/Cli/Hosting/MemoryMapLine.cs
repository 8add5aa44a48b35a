using System.Globalization;

namespace ConfigConvert.Cli.Hosting;

/// <summary>
/// One line of <c>/proc/self/maps</c>: <c>start-end perms offset dev inode [path]</c>, addresses in hexadecimal. Only
/// what tells a mapping of the collector's reservation from anything else is kept.
/// </summary>
internal readonly record struct MemoryMapLine(ulong Start, ulong End, string Permissions, bool Named)
{
    /// <summary>
    /// Private memory backed by no file and given no name (<c>[heap]</c>, <c>[stack]</c>, <c>[anon:...]</c> are
    /// named), either reserved (<c>---p</c>) or readable and writable (<c>rw-p</c>): what the collector's reservation is
    /// made of, as it commits and decommits parts of it.
    /// </summary>
    public bool IsPlainReservation => !Named && Permissions is "---p" or "rw-p";

    /// <summary>The line read; false for anything that is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> line, out MemoryMapLine parsed)
    {
        parsed = default;
        Span<Range> fields = stackalloc Range[7];
        var count = line.Split(fields, ' ', StringSplitOptions.RemoveEmptyEntries);
        if (count < 5)
        {
            return false;
        }

        var addresses = line[fields[0]];
        var dash = addresses.IndexOf('-');
        if (dash <= 0
            || !ulong.TryParse(addresses[..dash], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var from)
            || !ulong.TryParse(addresses[(dash + 1)..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var to)
            || to <= from)
        {
            return false;
        }

        var inode = line[fields[4]];
        parsed = new MemoryMapLine(from, to, line[fields[1]].ToString(), count > 5 || inode is not "0");
        return true;
    }
}
