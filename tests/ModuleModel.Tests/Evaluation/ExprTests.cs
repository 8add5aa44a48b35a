using ConfigConvert.ModuleModel.Evaluation.Programs;
using ConfigConvert.ModuleModel.Tests.Model;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>expr</c> against the real one (GNU coreutils).</summary>
public sealed class ExprTests
{
    private static readonly ExprProgram Expr = new();

    public static TheoryData<string[]> Agreeing => new()
    {
        // arithmetic, with POSIX's precedence and left associativity
        { ["0", "+", "1"] },
        { ["129", "+", "1"] },
        { ["7", "-", "10"] },
        { ["2", "*", "3", "+", "1"] },
        { ["1", "+", "2", "*", "3"] },
        { ["10", "-", "3", "-", "2"] },
        { ["100", "/", "10", "/", "5"] },
        { ["(", "1", "+", "2", ")", "*", "3"] },
        { ["-7", "/", "2"] },
        { ["-7", "%", "2"] },
        { ["7", "%", "-2"] },
        { ["007", "+", "0"] },
        { ["-0", "+", "0"] },
        { ["1", "-", "1"] },
        { ["99999999999999999999", "+", "1"] },
        { ["-9223372036854775808", "/", "-1"] },
        { ["123456789123456789", "*", "987654321987654321"] },

        // values written as given, and the status of null ones
        { ["007"] },
        { ["-0"] },
        { ["00"] },
        { ["0"] },
        { [""] },
        { ["-"] },
        { ["abc"] },
        { ["-v"] },
        { ["-5", "+", "1"] },
        { ["--", "1"] },
        { ["--", "--help"] },
        { ["=", "=", "="] },
        { ["(", "abc", ")"] },

        // comparisons: numbers as numbers, other strings for equality
        { ["1", "=", "01"] },
        { ["1", "==", "1"] },
        { ["2", "<", "10"] },
        { ["-3", "<=", "-3"] },
        { ["10", ">", "9"] },
        { ["10", ">=", "11"] },
        { ["5", "!=", "5"] },
        { ["1", "+", "1", "=", "2"] },
        { ["2", "=", "1", "+", "1"] },
        { ["1", "<", "2", "=", "1"] },
        { ["abc", "=", "abc"] },
        { ["abc", "=", "abd"] },
        { ["abc", "!=", "abd"] },
        { ["1", "=", " 1"] },
        { ["+1", "=", "1"] },
        { ["", "=", ""] },
        { ["é", "=", "é"] },

        // | and &, which evaluate their second operand only when it decides
        { ["1", "|", "2"] },
        { ["0", "|", "2"] },
        { ["0", "|", "0"] },
        { ["", "|", ""] },
        { ["00", "|", ""] },
        { ["", "|", "00"] },
        { ["abc", "&", "1"] },
        { ["1", "&", "0"] },
        { ["-0", "&", "1"] },
        { ["1", "|", "1", "/", "0"] },
        { ["0", "&", "1", "/", "0"] },
        { ["0", "&", "a", "<", "b"] },
        { ["1", "|", "0", "&", "0"] },
        { ["0", "&", "0", "|", "3"] },

        // errors: status 2, nothing written
        { [] },
        { ["--"] },
        { ["--", "--", "1"] },
        { ["1", "+"] },
        { ["a", "+", "1"] },
        { ["1.5", "*", "2"] },
        { ["5", "/", "0"] },
        { ["5", "%", "0"] },
        { ["0", "|", "5", "/", "0"] },
        { ["(", "1"] },
        { ["(", "1", "2"] },
        { ["1", ")"] },
        { ["(", ")"] },
        { [")"] },
        { ["1", "2"] },
        { ["1", "--", "1"] },
        { ["|", "|", "|"] },
    };

    public static TheoryData<string, string[]> NotEmulated => new()
    {
        { "a regular expression", ["abc", ":", "a.*"] },
        { "match", ["match", "abc", "a"] },
        { "length", ["length", "abc"] },
        { "substr", ["substr", "abc", "1", "2"] },
        { "index", ["index", "abc", "b"] },
        { "the quoting +", ["+", "length"] },
        { "an option", ["--help"] },
        { "an abbreviated option", ["--vers"] },
        { "what could be an option", ["--foo"] },
        { "the quoting + without its operand", ["+"] },
        { "the locale's order of strings", ["abc", "<", "abd"] },
        { "the locale's equality of control characters", ["a\u0001", "=", "a"] },
        { "the locale's equality of other characters", ["é", "=", "e"] },
        { "a string against a number, in order", ["1", "<", "abc"] },
        { "an integer too long", [new string('9', 1001), "+", "1"] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_the_real_expr(string[] args)
        => RealShell.AssertAgrees(RealShell.Pipe(string.Empty, "expr", args), Expr, Emulated.Call(string.Empty, args));

    [Theory]
    [MemberData(nameof(NotEmulated))]
    public void Leaves_to_the_real_expr_what_it_does_not_emulate(string why, string[] args)
    {
        Assert.NotEmpty(why);
        Assert.False(Expr.Run(Emulated.Call(string.Empty, args)).IsEmulated);
    }

    [Fact]
    public void An_argument_it_does_not_know_is_left_to_the_real_expr()
        => Assert.False(Expr.Run(new ProgramCall(["1", "+", null], string.Empty, _ => null)).IsEmulated);

    [Fact]
    public void A_number_squared_without_end_stops_being_emulated()
    {
        var value = "9";
        while (Expr.Run(Emulated.Call(string.Empty, value, "*", value)) is { IsEmulated: true } result)
        {
            value = Assert.IsType<OutputPart.Text>(Assert.Single(result.Output)).Value.TrimEnd('\n');
        }

        Assert.InRange(value.Length, 500, 1000);
    }

    [Fact]
    public void A_counting_loop_runs_to_its_end()
    {
        // tests/fixtures/built/many: 130 modules named by a loop that counts with expr.
        const string config = """
            ngx_addon_name=ngx_many_000_module
            ngx_module_type=MISC
            ngx_module_name=
            i=0
            while [ $i -lt 130 ]; do
                ngx_module_name="$ngx_module_name `printf 'ngx_many_%03d_module' $i`"
                i=`expr $i + 1`
            done
            ngx_module_srcs="$ngx_addon_dir/ngx_many_modules.c"

            . auto/module

            """;
        using var temp = new TempModule(config);
        var description = ModuleDirectory.Load(temp.Path).Describe(LinkMode.Addon);
        var outcome = Assert.Single(description.Outcomes);
        Assert.Empty(outcome.Unknowns);
        Assert.Equal(Enumerable.Range(0, 130).Select(i => $"ngx_many_{i:D3}_module").ToArray(), outcome.Modules.Select(m => m.Name).ToArray());
    }
}
