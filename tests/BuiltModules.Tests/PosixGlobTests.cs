using System.Runtime.InteropServices;
using ConfigConvert.BuiltModules.Configuration;

namespace ConfigConvert.BuiltModules.Tests;

/// <summary>
/// One component of an <c>include</c> glob, against the C library's own <c>fnmatch(3)</c> with <c>FNM_PERIOD</c>,
/// which glob(3) applies to each component for nginx. A <c>[</c> without its <c>]</c> stands for itself; the C library
/// makes a few such patterns match nothing (<c>[a-</c>, <c>[]a</c>), which is not emulated: the two differ only on a
/// file whose name holds that malformed bracket itself.
/// </summary>
public sealed class PosixGlobTests
{
    private const int FnmPeriod = 4;

    public static TheoryData<string, string> Components => new()
    {
        { "*.conf", "a.conf" },
        { "*.conf", "a.conf.bak" },
        { "*.conf", ".hidden.conf" },
        { ".*.conf", ".hidden.conf" },
        { "*", string.Empty },
        { "?", "a" },
        { "?", string.Empty },
        { "??*", "a" },
        { "a*b*c", "aXbYc" },
        { "a*b*c", "aXbYcZ" },
        { "*a*b", "xaxbxb" },
        { "*a*b", "xaxbxa" },
        { "**", "abc" },
        { "*?*", "a" },
        { "*?*", string.Empty },
        { "[0-9]*", "10-a.conf" },
        { "[!0-9]*", "10-a.conf" },
        { "[^0-9]*", "a.conf" },
        { "[]a]", "]" },
        { "[!]a]", "b" },
        { "[a-z", "[a-z" },
        { "a\\", "a\\" },
        { "a\\", "a" },
        { "a\\*", "a*" },
        { "a\\*", "ab" },
        { "*\\", "a\\" },
        { "*[.]conf", "x.conf" },
        { "*[!.]conf", "x.conf" },
        { "*.*.*", "a.b" },
        { "*.*.*", "a.b.c" },
    };

    [Theory]
    [MemberData(nameof(Components))]
    public void Matches_as_the_C_librarys_fnmatch_does(string pattern, string name)
        => Assert.Equal(FnMatch(pattern, name, FnmPeriod) == 0, PosixGlob.Matches(pattern, name));

    [Fact]
    public void A_component_of_many_stars_takes_one_pass()
    {
        // Found by fuzzing nginx-conf: `include ***...;` of 34 stars took 12 s, and each further star doubled it.
        var stars = string.Concat(Enumerable.Repeat("*a", 40)) + "*b";
        Assert.False(PosixGlob.Matches(stars, new string('a', 200)));
        Assert.True(PosixGlob.Matches(stars, new string('a', 200) + "b"));
    }

    // DllImport rather than LibraryImport, whose generated code needs unsafe blocks the test project does not allow.
    [DllImport("libc", EntryPoint = "fnmatch", CharSet = CharSet.Ansi)]
    private static extern int FnMatch(string pattern, string name, int flags);
}
