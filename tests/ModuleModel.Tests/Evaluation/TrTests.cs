using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>tr</c> against the real one (GNU coreutils).</summary>
public sealed class TrTests
{
    private static readonly TrProgram Tr = new();

    public static TheoryData<string, string[]> Agreeing => new()
    {
        // translating
        { "abc-XYZ\n", ["a-z", "A-Z"] },
        { "Hello World\n", ["[:lower:]", "[:upper:]"] },
        { "Hello World\n", ["[:upper:]", "[:lower:]"] },
        { "abcd\n", ["a-c", "b-d"] },
        { "abc\n", ["abc", "x"] },
        { "aa\n", ["aa", "xy"] },
        { "ngx-a ngx-b\n", ["-", "_"] },
        { "a1b2\n", ["[:digit:]", "#"] },

        // escapes, as configs turn lines into words
        { "a\nb\nc\n", ["\\n", " "] },
        { "a\tb\n", ["\\t", " "] },
        { "a\\b\n", ["\\\\", "/"] },
        { "a b\n", ["\\040", "_"] },
        { "e q\n", ["\\e\\q", "xy"] },

        // -d
        { "a b c\n", ["-d", " "] },
        { "a-b_c\n", ["-d", "_-"] },
        { "a\nb\n", ["-d", "\\n"] },
        { "a1b2\n", ["-d", "[:digit:]"] },
        { "a \t b\n", ["-d", "[:space:]"] },
        { "a1-b2\n", ["-d", "[:alnum:]"] },
        { "x.y,z\n", ["-d", "[:punct:]"] },
        { "a \tb\n", ["-d", "[:blank:]"] },

        // -s
        { "a  b   c\n", ["-s", " "] },
        { "aabbcc\n", ["-s", "a-z"] },
        { "a  b\n", ["-s", " ", "_"] },
        { "abc\n", ["-s", "a-c", "x"] },
        { "a\n\n\nb\n", ["-s", "\\n"] },
        { "a  b11\n", ["-ds", "[:digit:]", " "] },
    };

    public static TheoryData<string, string, string[]> Unknowable => new()
    {
        { "-c (the complement of a set) is not emulated", "abc\n", ["-c", "a", "x"] },
        { "an empty second set is an error tr reports", "abc\n", ["a-c", ""] },
        { "[=c=] equivalence classes are not emulated", "abc\n", ["[=a=]", "x"] },
        { "[c*n] repeats are not emulated", "abc\n", ["abc", "[x*]"] },
        { "a class other than upper and lower in the second set is an error tr reports", "a1\n", ["[:alpha:]", "[:upper:]"] },
        { "a missing set is an error tr reports", "a\n", ["-d"] },
        { "a set beyond ASCII depends on the locale's bytes", "é\n", ["é", "e"] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_the_real_tr(string input, string[] args)
        => RealShell.AssertAgrees(RealShell.Pipe(input, "tr", args), Tr, Emulated.Call(input, args));

    [Theory]
    [MemberData(nameof(Unknowable))]
    public void Says_what_it_cannot_know(string why, string input, string[] args)
    {
        Assert.NotEmpty(why);
        RealShell.AssertCannotKnow(Tr, Emulated.Call(input, args));
    }
}
