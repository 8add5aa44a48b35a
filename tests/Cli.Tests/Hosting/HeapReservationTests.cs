using ConfigConvert.Cli.Hosting;

namespace ConfigConvert.Cli.Tests.Hosting;

/// <summary>Where the part of the collector's reservation asked for huge pages lies, found in maps like those Linux writes.</summary>
public sealed class HeapReservationTests
{
    private const ulong HugePage = 2UL << 20;
    private const ulong Length = 512UL << 20;
    private const ulong Reach = 128UL << 30;

    // The executable; the collector's bookkeeping, reserved just below its regions; a region's header and first
    // objects committed, the rest of the 256 GiB reserved; a thread's arena and stack above.
    private const string Maps = """
        00400000-00a00000 r-xp 00000000 08:01 1234                       /usr/bin/ngx-convert
        7eff00000000-7f0000000000 ---p 00000000 00:00 0
        7f0000000000-7f0000031000 rw-p 00000000 00:00 0
        7f0000031000-7f0004000000 ---p 00000000 00:00 0
        7f0004000000-7f0004011000 rw-p 00000000 00:00 0
        7f0004011000-7f4000000000 ---p 00000000 00:00 0
        7f4000000000-7f4000021000 rw-p 00000000 00:00 0
        7f4000021000-7f4004000000 ---p 00000000 00:00 0
        7ffd07e00000-7ffd07e21000 rw-p 00000000 00:00 0                          [stack]
        """;

    [Fact]
    public void The_range_starts_at_the_first_huge_page_boundary_above_the_anchor()
        => Assert.Equal(new AddressRange(0x7f0000200000, Length), HeapReservation.RangeToPrepare(Maps, 0x7f0000010c70, HugePage, Length, Reach));

    [Fact]
    public void An_anchor_on_a_boundary_starts_the_range()
        => Assert.Equal(new AddressRange(0x7f0004000000, Length), HeapReservation.RangeToPrepare(Maps, 0x7f0004000000, HugePage, Length, Reach));

    [Fact]
    public void A_run_shorter_than_the_reach_is_not_taken_for_the_collectors()
    {
        var maps = Maps.Replace("7f0004011000-7f4000000000 ---p 00000000 00:00 0", "7f0004011000-7f4000000000 ---p 00000000 00:00 0 [anon:other]", StringComparison.Ordinal);
        Assert.Null(HeapReservation.RangeToPrepare(maps, 0x7f0000010c70, HugePage, Length, Reach));
    }

    [Fact]
    public void A_mapping_that_is_neither_reserved_nor_writable_ends_the_run()
    {
        var maps = Maps.Replace("7f0000031000-7f0004000000 ---p", "7f0000031000-7f0004000000 r--p", StringComparison.Ordinal);
        Assert.Null(HeapReservation.RangeToPrepare(maps, 0x7f0000010c70, HugePage, Length, Reach));
    }

    [Fact]
    public void A_gap_between_mappings_ends_the_run()
    {
        var maps = Maps.Replace("7f0004000000-7f0004011000 rw-p", "7f0004001000-7f0004011000 rw-p", StringComparison.Ordinal);
        Assert.Null(HeapReservation.RangeToPrepare(maps, 0x7f0000010c70, HugePage, Length, Reach));
    }

    [Fact]
    public void An_anchor_outside_every_plain_mapping_finds_nothing()
    {
        Assert.Null(HeapReservation.RangeToPrepare(Maps, 0x7ffd07e00100, HugePage, Length, Reach));
        Assert.Null(HeapReservation.RangeToPrepare(Maps, 0x500000, HugePage, Length, Reach));
        Assert.Null(HeapReservation.RangeToPrepare(Maps, 0x7f5000000000, HugePage, Length, Reach));
    }

    [Fact]
    public void A_reach_that_does_not_cover_the_range_finds_nothing()
        => Assert.Null(HeapReservation.RangeToPrepare(Maps, 0x7f0000010c70, HugePage, Length, Length));

    [Fact]
    public void Lines_the_map_could_not_hold_are_passed_over()
        => Assert.Equal(new AddressRange(0x7f0000200000, Length), HeapReservation.RangeToPrepare("garbage\n\n" + Maps, 0x7f0000010c70, HugePage, Length, Reach));
}
