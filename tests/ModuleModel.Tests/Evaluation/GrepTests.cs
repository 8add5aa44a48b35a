using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>grep</c> against the real one (GNU grep).</summary>
public sealed class GrepTests
{
    private static readonly GrepProgram Grep = new();

    public static TheoryData<string, string[]> Agreeing => new()
    {
        { "a\nb\nc\n", ["b"] },
        { "a\nb\nc\n", ["x"] },
        { "a\nb\n", ["-q", "b"] },
        { "a\nb\n", ["-q", "x"] },
        { "a\nb\nc\n", ["-v", "b"] },
        { "foo bar\nfoobar\nbar_foo\n", ["-w", "foo"] },
        { "ngx_http_a_module ngx_http_b_module\n", ["-qw", "ngx_http_b_module"] },
        { "ngx_http_a_module ngx_http_b_module\n", ["-q", "-w", "ngx_http_b"] },
        { "a.b\naxb\n", ["-F", "a.b"] },
        { "a^b\nab\n", ["-F", "^"] },
        { "ab\nabab\nb\n", ["-E", "(ab)+$"] },
        { "a1\nb\n", ["-E", "[0-9]{1}"] },
        { "Foo\nfoo\nbar\n", ["-i", "FOO"] },
        { "x\n", ["-s", "x"] },
        { "a|b\nab\n", ["a|b"] },
        { "ab\nx\n", ["a\\|x"] },
        { "abc\nb\n", ["^b"] },
        { "abc\nb\n", ["c$"] },
        { "a.c\nabc\n", ["a\\.c"] },
        { "NGX_HTTP_X\nngx\n", ["-q", "NGX_[A-Z_]*"] },
        { "ab cd\nabcd\n", ["\\<cd"] },
        { "a1\nb\n", ["[[:digit:]]"] },
        { "a\nb\nc\n", ["a\nc"] },
        { "a\nb\nc\n", ["-F", "a\nc"] },

        // empty lines, empty input, no final newline
        { string.Empty, ["x"] },
        { string.Empty, ["-v", "x"] },
        { "a\n\nb\n", ["-v", "x"] },
        { "a\n\n", ["^$"] },
        { "a\nb", ["b"] },

        // "--" ends the options: what follows is the pattern, even one that starts with "-"
        { "a\n-v\n", ["--", "-v"] },
        { "a\n-v\n", ["-q", "--", "-v"] },
    };

    public static TheoryData<string, string, string[]> Unknowable => new()
    {
        { "files are read only from the module directory, and none is given here", "a\n", ["a", "/etc/hostname"] },
        { "-c (counting) is not emulated", "a\n", ["-c", "a"] },
        { "-x (whole lines) is not emulated", "a\n", ["-x", "a"] },
        { "-e is not emulated", "a\n", ["-e", "a"] },
        { "an unmatched \\( is an error grep reports", "a\n", ["a\\(b"] },
        { "a missing pattern is an error grep reports", "a\n", ["-q"] },
        { "after \"--\", -v is the pattern and x a file", "a\n", ["--", "-v", "x"] },
        { "-E with -F: GNU grep stops, conflicting matchers", "a\n", ["-E", "-F", "a"] },
        { "-o (only the match) is not emulated", "ab\n", ["-o", "a"] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_the_real_grep(string input, string[] args)
        => RealShell.AssertAgrees(RealShell.Pipe(input, "grep", args), Grep, Emulated.Call(input, args));

    [Theory]
    [MemberData(nameof(Unknowable))]
    public void Says_what_it_cannot_know(string why, string input, string[] args)
    {
        Assert.NotEmpty(why);
        RealShell.AssertCannotKnow(Grep, Emulated.Call(input, args));
    }
}
