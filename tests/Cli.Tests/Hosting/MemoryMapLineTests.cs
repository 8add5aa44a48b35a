using ConfigConvert.Cli.Hosting;

namespace ConfigConvert.Cli.Tests.Hosting;

/// <summary>Lines of <c>/proc/self/maps</c>, as Linux writes them.</summary>
public sealed class MemoryMapLineTests
{
    [Fact]
    public void An_unnamed_reservation_is_plain()
    {
        Assert.True(MemoryMapLine.TryParse("7f3f24800000-7f3f24c00000 ---p 00000000 00:00 0 ", out var line));
        Assert.Equal(new MemoryMapLine(0x7f3f24800000, 0x7f3f24c00000, "---p", Named: false), line);
        Assert.True(line.IsPlainReservation);
    }

    [Fact]
    public void Committed_memory_is_plain()
    {
        Assert.True(MemoryMapLine.TryParse("7f3f24800000-7f3f24801000 rw-p 00000000 00:00 0", out var line));
        Assert.True(line.IsPlainReservation);
    }

    [Theory]
    [InlineData("00400000-00a00000 r-xp 00000000 08:01 1234                       /usr/bin/ngx-convert")]
    [InlineData("7ffd07e00000-7ffd07e21000 rw-p 00000000 00:00 0                          [stack]")]
    [InlineData("7f3f24800000-7f3f24c00000 rw-p 00000000 00:00 0    [anon:glibc malloc]")]
    [InlineData("7f3f24800000-7f3f24c00000 rw-s 00000000 00:01 77 /dev/zero (deleted)")]
    [InlineData("7f3f24800000-7f3f24c00000 rw-p 00000000 00:05 77")]
    [InlineData("7f3f24800000-7f3f24c00000 r--p 00000000 00:00 0")]
    [InlineData("7f3f24800000-7f3f24c00000 rwxp 00000000 00:00 0")]
    public void Anything_else_is_not(string text)
    {
        Assert.True(MemoryMapLine.TryParse(text, out var line));
        Assert.False(line.IsPlainReservation);
    }

    [Fact]
    public void A_path_with_spaces_is_a_name()
    {
        Assert.True(MemoryMapLine.TryParse("7f0000000000-7f0000001000 rw-p 00000000 00:00 0 /tmp/a b c", out var line));
        Assert.True(line.Named);
    }

    [Theory]
    [InlineData("")]
    [InlineData("7f3f24800000 ---p 00000000 00:00 0")]
    [InlineData("-7f3f24c00000 ---p 00000000 00:00 0")]
    [InlineData("7f3f24c00000-7f3f24800000 ---p 00000000 00:00 0")]
    [InlineData("zz-7f3f24c00000 ---p 00000000 00:00 0")]
    [InlineData("7f3f24800000-7f3f24c00000 ---p 00000000")]
    [InlineData("7f3f24800000-fffffffffffffffff ---p 00000000 00:00 0")]
    public void What_is_not_a_line_of_the_map_is_refused(string text)
        => Assert.False(MemoryMapLine.TryParse(text, out _));
}
