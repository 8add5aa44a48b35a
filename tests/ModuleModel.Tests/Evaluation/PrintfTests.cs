using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>printf</c> against dash's builtin.</summary>
public sealed class PrintfTests
{
    private static readonly PrintfProgram Printf = new();

    public static TheoryData<string[]> Agreeing => new()
    {
        // %s, the format reused while arguments remain
        { ["%s\\n", "a"] },
        { ["%s\\n", "a", "b", "c"] },
        { ["%s %s\\n", "a", "b", "c"] },
        { ["x%sy%s\\n", "a"] },
        { ["%s"] },
        { ["abc", "x"] },
        { ["%%\\n"] },
        { ["#define %s %s\\n", "NGX_X", "1"] },
        { ["%5s|%-5s|\\n", "a", "b"] },
        { ["%.2s|\\n", "abcd"] },
        { ["%c|\\n", "abc"] },
        { ["%c|%3c|\\n", "", "x"] },
        { ["%s|%s|\\n", "only"] },

        // escapes of the format, and of %b arguments
        { ["a\\tb\\\\c\\n"] },
        { ["\\101\\0101\\1"] },
        { ["a\\cb"] },
        { ["\\q\\e"] },
        { ["%b\\n", "a\\nb"] },
        { ["%b|%b\\n", "x\\cy", "z"] },

        // numbers
        { ["%d\\n", "42"] },
        { ["%d|%d|%d\\n", " 7", "-3", "+4"] },
        { ["%d|%d\\n", "0x10", "010"] },
        { ["%d\\n", "'A"] },
        { ["%d\\n"] },
        { ["%d|%d\\n", "7 ", "abc"] },
        { ["%05d|%-3d|%+d|% d\\n", "42", "7", "3", "5"] },
        { ["%x|%X|%o|%#o|%#x|%u|%i\\n", "255", "255", "8", "8", "255", "3", "4"] },
        { ["%.3d|%5.1s|\\n", "7", "abc"] },
        { ["%-4d|%4d|%.0d|\\n", "-5", "-5", "0"] },
        { ["%u|%x\\n", "-1", "-1"] },

        // errors dash reports
        { [] },
    };

    public static TheoryData<string, string[]> Unknowable => new()
    {
        { "floating point is not emulated", ["%f\\n", "1.5"] },
        { "a width taken from the arguments is not emulated", ["%*d\\n", "5", "3"] },
        { "an invalid directive is an error printf reports", ["%q\\n", "a"] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_dash(string[] args)
        => RealShell.AssertAgrees(RealShell.Builtin("printf", args), Printf, Emulated.Call(string.Empty, args));

    [Theory]
    [MemberData(nameof(Unknowable))]
    public void Says_what_it_cannot_know(string why, string[] args)
    {
        Assert.NotEmpty(why);
        RealShell.AssertCannotKnow(Printf, Emulated.Call(string.Empty, args));
    }

    [Fact]
    public void An_argument_it_does_not_know_makes_the_output_unknown()
    {
        var result = Printf.Run(new ProgramCall(["%s\\n", null], null, _ => null));
        Assert.IsType<OutputPart.Unknown>(Assert.Single(result.Output));
    }
}
