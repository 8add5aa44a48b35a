using ConfigConvert.ModuleModel.Evaluation.Programs;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ModuleModel.Tests.Oracle;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// The emulated <c>awk</c> against the real one: the <c>awk</c> configure finds on the PATH, which on
/// Debian is mawk (gawk only when installed on purpose).
/// </summary>
public sealed class AwkTests
{
    private static readonly AwkProgram Awk = new();

    private const string Header = "#define nginx_version      1022001\n#define NGINX_VERSION      \"1.22.1\"\n#define NGINX_VER          \"nginx/\" NGINX_VERSION\n";

    public static TheoryData<string, string[]> Agreeing => new()
    {
        // the version reads configs do
        { Header, ["/^#define nginx_version/ {print $3}"] },
        { Header, ["/^#define nginx_version/{ print $3 }"] },
        { Header, ["/NGINX_VERSION/ { print $3 }"] },
        { Header, ["$2 == \"NGINX_VERSION\" { print $3; exit }"] },
        { Header, ["-F\"", "/define NGINX_VERSION/ {print $2}"] },
        { Header, ["$2 == \"nginx_version\" && $3 >= 1009011 { print \"yes\" }"] },
        { Header, ["/nginx_version/ && $3 < 1009011 { print \"old\" }"] },

        // fields, records, separators
        { "a b c\nd e f\n", ["{print $1}"] },
        { "a b c\nd e f\n", ["{ print $1, $3 }"] },
        { "a b c\nd e f\n", ["{print $NF}"] },
        { "a b c\nd e\n", ["{print NF}"] },
        { "a b c\nd e f\n", ["{print NR \": \" $2}"] },
        { "a b c\nd e f\n", ["{print}"] },
        { "a b c\nd e f\n", ["{print $0}"] },
        { "a b c\nd e f\n", ["{print $7 \"|\"}"] },
        { "x 1\ny 2\n", ["$1 == \"y\" {print $2}"] },
        { "x 1\ny 2\nz 3\n", ["NR==2"] },
        { "x 1\ny 2\n", ["NR == 1 { print $2; exit }"] },
        { "x 1\ny 2\n", ["NR != 1"] },
        { "1.22.1\n", ["-F.", "{print $2}"] },
        { "1.22.1\n", ["-F", ".", "{print $1 $2}"] },
        { "a:b::c\n", ["-F:", "{print $3 \"-\" $4 \"-\" NF}"] },
        { "a\tb c\td\n", ["-F\\t", "{print $2}"] },
        { "a\tb c\n", ["-F", " ", "{print $2}"] },
        { "  lead  trail  \n", ["{print $1 \"|\" $2 \"|\" NF}"] },
        { "no newline", ["{print $2}"] },
        { string.Empty, ["{print $1}"] },
        { "\n\n", ["{print NF}"] },

        // patterns
        { "a\nb\nab\n", ["/a/ && /b/"] },
        { "a\nb\nab\n", ["/a/ || /b/ {print NR}"] },
        { "a\nb\nab\n", ["!/a/"] },
        { "a\nb\nab\n", ["/a/ {print \"A\"} /b/ {print \"B\"}"] },
        { "a\nb\nab\n", ["/a/ {print \"A\"}\n/b/ {print \"B\"}\n"] },
        { "a\nb\nab\n", ["/a/;/b/"] },
        { "k 10\nk 9\nk x\n", ["$2 > 9"] },
        { "k 10\nk 9\n", ["$2 > \"9\""] },
        { "k 10\nk 09\n", ["$2 == 9"] },
        { "k 10\nk 09\n", ["$2 == \"9\""] },
        { "k 1.5e1\nk 15\n", ["$2 == 15 {print NR}"] },
        { "k1 a\nj2 b\n", ["$1 ~ /^k/ {print $2}"] },
        { "k1 a\nj2 b\n", ["$1 !~ /1/"] },
        { "a/b\nab\n", ["/a\\/b/"] },
        { "a.b\naxb\n", ["/a\\.b/"] },
        { "ab\nabab\nb\n", ["/^(ab)+$/"] },
        { "a1\nb\n", ["/[[:digit:]]/"] },
        { "tab\there\n", ["{print \"x\\ty\" $1}"] },
    };

    public static TheoryData<string, string, string[]> Unknowable => new()
    {
        { "a file neither the module's nor nginx's that the reference knows", "a\n", ["{print}", "/etc/hostname"] },
        { "-v is not emulated", "a\n", ["-v", "x=1", "{print x}"] },
        { "-f (a program file) is not emulated", "a\n", ["-f", "prog.awk"] },
        { "an assignment among the files", "a\n", ["{print}", "x=1"] },
        { "a separator of several characters is a regex", "a::b\n", ["-F::", "{print $2}"] },
        { "-Ft is a tab for some awks, a t for others", "atb\n", ["-Ft", "{print $2}"] },
        { "BEGIN is not emulated", "a\n", ["BEGIN { print 1 }"] },
        { "variables are not emulated", "a\n", ["{ n = $1; print n }"] },
        { "arithmetic is not emulated", "a 1\n", ["{ print $2 + 1 }"] },
        { "functions are not emulated", "a\n", ["{ print length($1) }"] },
        { "redirections are not emulated", "a\n", ["{ print $1 > \"out\" }"] },
        { "intervals differ between awks", "aa\n", ["/a{2}/"] },
        { "a letter after a backslash differs between awks", "a b\n", ["/\\w/"] },
        { "an escape in a string that is not emulated", "a\n", ["{ print \"\\x41\" }"] },
        { "a bare field as a pattern is not emulated", "a\n", ["$1"] },
        { "exit with a status is not emulated", "a\n", ["{ exit 1 }"] },
        { "two statements need a separator", "a b\n", ["{ print $1 print $2 }"] },
        { "a syntax error", "a\n", ["{ print $1"] },
        { "no program", "a\n", [] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_the_real_awk(string input, string[] args)
        => RealShell.AssertAgrees(RealShell.Pipe(input, "awk", args), Awk, Emulated.Call(input, args));

    [Theory]
    [MemberData(nameof(Unknowable))]
    public void Says_what_it_cannot_know(string why, string input, string[] args)
    {
        Assert.NotEmpty(why);
        var result = Awk.Run(Emulated.Call(input, args));
        Assert.Null(result.Status);
        Assert.Contains(result.Output, part => part is OutputPart.Unknown);
    }

    /// <summary>
    /// configure runs in nginx's tree, so a config's <c>src/core/nginx.h</c> is nginx's: the emulation
    /// reads the reference build's copy, and the real awk, run in nginx-dev's tree, reads the real one.
    /// </summary>
    [Trait("Requires", "dash")]
    [Trait("Requires", "nginx")]
    [Theory]
    [InlineData("/^#define nginx_version/ {print $3}", "src/core/nginx.h")]
    [InlineData("/define NGINX_VER[ \t]/ { print $3, $4 }", "./src/core/nginx.h")]
    [InlineData("{ print NR \": \" $0 }", "src/core/nginx.h")]
    public void Reads_nginx_header_from_the_reference_build(string program, string file)
    {
        ShellOracle.RequireNginxDev();
        var call = new ProgramCall([program, file], string.Empty, ReferenceBuild.Default.ReadFile);
        RealShell.AssertAgrees(RealShell.Pipe(string.Empty, "awk", [program, file], ShellOracle.NginxSource), Awk, call);
    }
}
