using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>echo</c> against dash's builtin, which interprets backslash escapes.</summary>
public sealed class EchoTests
{
    private static readonly EchoProgram Echo = new();

    public static TheoryData<string[]> Agreeing => new()
    {
        { [] },
        { ["a", "b"] },
        { ["ngx_http_a_module", string.Empty, "ngx_http_b_module"] },
        { ["-n", "a"] },
        { ["-n"] },
        { ["-n", "-n", "a"] },
        { ["-nx"] },
        { ["-e", "a"] },
        { ["a\\nb"] },
        { ["a\\tb"] },
        { ["a\\\\b"] },
        { ["a\\qb"] },
        { ["a\\"] },
        { ["a\\cb", "c"] },
        { ["-n", "a\\c"] },
        { ["\\r\\v\\f\\a\\b"] },
        { ["a\\101"] },
        { ["a\\0101"] },
        { ["a\\1"] },
        { ["#define NGX_X \\\"1\\\""] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_dash(string[] args)
        => RealShell.AssertAgrees(RealShell.Builtin("echo", args), Echo, Emulated.Call(string.Empty, args));

    [Fact]
    public void Passes_arguments_it_does_not_know_through()
    {
        var result = Echo.Run(new ProgramCall(["a", null], null, _ => null));
        Assert.Equal<OutputPart>([new OutputPart.Argument(0), new OutputPart.Text(" "), new OutputPart.Argument(1), new OutputPart.Text("\n")], result.Output);
        Assert.Equal(0, result.Status);
    }

    [Fact]
    public void Escaped_text_stays_with_its_argument()
        => Assert.Equal(new OutputPart.Text("a\tb", FromArgument: 0), Echo.Run(Emulated.Call(string.Empty, "a\\tb")).Output[0]);
}
