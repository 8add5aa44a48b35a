using ConfigConvert.ModuleModel.Evaluation.Programs;
using ConfigConvert.ModuleModel.Tests.Model;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>sed</c> against the real one (GNU sed), on the shapes configs use.</summary>
public sealed class SedTests
{
    private static readonly SedProgram Sed = new();

    /// <summary>Standard input and arguments; the emulation must write what the real sed writes.</summary>
    public static TheoryData<string, string[]> Agreeing => new()
    {
        // s///, with g, & and \1
        { "a b a\n", ["s/a/x/"] },
        { "a b a\n", ["s/a/x/g"] },
        { "ngx_a ngx_b\n", ["s/ngx_\\([a-z]\\)/[\\1]/g"] },
        { "abc\n", ["s/b/<&>/"] },
        { "abc\n", ["s/b/\\&/"] },
        { "abc\n", ["-E", "s/(a)(b)/\\2\\1/"] },
        { "abbc\n", ["-r", "s/b+/X/"] },
        { "aaa\n", ["s/a\\{2\\}/X/"] },
        { "a+b\n", ["s/a+b/X/"] },
        { "aab\n", ["s/a\\+b/X/"] },
        { "a.c\n", ["s/\\./-/"] },
        { "*a\n", ["s/*a/X/"] },
        { "a\n", ["s/a/$1/"] },
        { "cost $5\n", ["s/\\$5/five/"] },
        { "hello\n", ["s/l*/X/g"] },
        { "abc\n", ["s/[^b]/X/g"] },
        { "a1b2\n", ["s/[[:digit:]]/#/g"] },
        { "A b\n", ["s/[[:upper:]]/u/g"] },
        { "a-b]c\n", ["s/[]-]/_/g"] },
        { "a\\b\n", ["s/[\\]/X/"] },
        { "a\tb\n", ["s/\\t/ /"] },
        { "ab cd\n", ["s/\\<c/X/"] },
        { "ab cd\n", ["s/b\\>/X/"] },
        { "a_b c\n", ["s/\\w*/X/"] },
        { "a^b\n", ["s/a^b/X/"] },
        { "a$b\n", ["s/a$b/X/"] },
        { "*a\n", ["s/^*a/X/"] },
        { "a^b\n", ["-E", "s/a\\^b/X/"] },
        { "(a)\n", ["-E", "s/\\(a\\)/X/"] },

        // delimiters other than /
        { "a/b/c\n", ["s|/|_|g"] },
        { "a/b\n", ["s/\\//_/"] },
        { "a,b\n", ["s,\\,,;,"] },

        // adding to each line, as configs do to module lists
        { "x\ny\n", ["s/^/pre-/"] },
        { "x\ny\n", ["s/$/.c/"] },
        { "a b\n", ["s/ /\\n/g"] },
        { "x\n", ["s/x/a\\nb/"] },
        { "x\n", ["s/x/a\\tb/"] },
        { "ngx_http_ssi_filter_module ngx_http_charset_filter_module\n", ["-e", "s/ngx_http_ssi_filter_module/ngx_http_f_filter_module ngx_http_ssi_filter_module/"] },

        // addresses, -n with p, d
        { "version = 1.2.3\nname = x\n", ["-n", "s/^version *= *//p"] },
        { "version = 1.2.3\n", ["-n", "-e", "s/^version *= *//p"] },
        { "version = 1.2.3\n", ["-ne", "s/^version *= *//p"] },
        { "a\nb\nc\n", ["-n", "/b/p"] },
        { "a\nb\nc\n", ["/b/d"] },
        { "a\nb\nc\n", ["/b/s/b/x/"] },
        { "a\nb\n", ["p"] },
        { "a\nb\n", ["-n", "p"] },
        { "a\nb\n", ["d"] },

        // several commands
        { "a\nb\nc\n", ["-e", "s/a/x/", "-e", "s/c/z/"] },
        { "a\nb\n", ["s/a/x/;s/b/y/"] },
        { "a\nb\n", ["s/a/x/\ns/b/y/"] },
        { "ab\n", ["s/a/b/g;s/b/c/"] },

        // lines without a final newline, empty input
        { "a\nb", ["s/b/c/"] },
        { "a\nb", ["-n", "p"] },
        { "a", ["p"] },
        { "a\nb", ["-n", "s/b/c/p"] },
        { string.Empty, ["s/a/b/"] },
        { "\n\n", ["s/^/x/"] },
    };

    /// <summary>Uses the emulation cannot follow, each with the reason.</summary>
    public static TheoryData<string, string, string[]> Unknowable => new()
    {
        { "line-number addresses are not emulated", "a\nb\n", ["1d"] },
        { "the last-line address is not emulated", "a\nb\n", ["$d"] },
        { "s///N (the Nth match) is not emulated", "aaa\n", ["s/a/b/2"] },
        { "the I flag is not emulated", "A\n", ["s/a/b/I"] },
        { "y/// is not emulated", "abc\n", ["y/abc/xyz/"] },
        { "blocks are not emulated", "a\n", ["/a/{p}"] },
        { "GNU sed prefers the longest alternative, .NET the first", "ab\n", ["s/a\\|ab/X/"] },
        { "an unmatched \\( is an error sed reports", "a(b\n", ["s/a\\(b/x/"] },
        { "a reference to a group the expression lacks is an error sed reports", "a\n", ["s/a/\\1/"] },
        { "an empty expression reuses the previous one", "a\n", ["s//x/"] },
        { "an unterminated [ is an error sed reports", "a\n", ["s/[a/b/"] },
        { "GNU's \\xHH escapes are not emulated", "A\n", ["s/\\x41/b/"] },
        { "case conversion is not emulated", "a\n", ["s/a/\\U&/"] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_the_real_sed(string input, string[] args)
        => RealShell.AssertAgrees(RealShell.Pipe(input, "sed", args), Sed, Emulated.Call(input, args));

    [Theory]
    [MemberData(nameof(Unknowable))]
    public void Says_what_it_cannot_know(string why, string input, string[] args)
    {
        Assert.NotEmpty(why);
        RealShell.AssertCannotKnow(Sed, Emulated.Call(input, args));
    }

    [Theory]
    [InlineData("-i", "s/a/b/", "src/http/ngx_http_request.h")]
    [InlineData("-i.orig", "s/a/b/", "src/http/ngx_http_request.h")]
    [InlineData("--in-place", "s/a/b/", "src/http/ngx_http_request.h")]
    public void Leaves_editing_in_place_to_the_real_sed(params string[] args)
    {
        // Not emulated: the evaluator reports it as a program the config runs, which may patch nginx.
        Assert.False(Sed.Run(Emulated.Call("a\n", args)).IsEmulated);
    }

    [Trait("Requires", "dash")]
    [Fact]
    public void Reads_files_of_the_module_directory()
    {
        using var module = new TempModule(string.Empty, ("VERSION", "version = 1.4\n"));
        var file = Path.Combine(module.Path, "VERSION");
        var call = new ProgramCall(["-n", "s/^version = //p", file], string.Empty, path => path == file ? File.ReadAllText(path) : null);
        RealShell.AssertAgrees(RealShell.Pipe(string.Empty, "sed", ["-n", "s/^version = //p", file]), Sed, call);
    }

    [Fact]
    public void Cannot_know_a_file_outside_the_module_directory()
        => RealShell.AssertCannotKnow(Sed, new ProgramCall(["s/a/b/", "/etc/hostname"], string.Empty, _ => null));

    [Fact]
    public void Cannot_know_unknown_arguments_or_input()
    {
        RealShell.AssertCannotKnow(Sed, new ProgramCall(["s/a/b/"], null, _ => null));
        RealShell.AssertCannotKnow(Sed, new ProgramCall([null], "a\n", _ => null));
    }
}
