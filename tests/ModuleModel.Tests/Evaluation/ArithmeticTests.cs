using System.Globalization;
using ConfigConvert.ModuleModel.Evaluation;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary><c>$((...))</c> against dash's, with the same variables set.</summary>
public sealed class ArithmeticTests
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["x"] = "010",
        ["y"] = " 7 ",
        ["n"] = "-3",
        ["h"] = "0x10",
        ["u"] = string.Empty,
        ["z"] = "1+2",
        ["w"] = "abc",
    };

    public static TheoryData<string> Agreeing =>
    [
        "1+2", "7/2", "-7/2", "7%3", "-7%3", "2*3+4", "2*(3+4)", "(1+2)*3", "10-2-3", "100/10/5",
        "x", "x+1", "y", "n*2", "h", "u", "v", "u+1",
        "010", "0x1F", "0X1f", " 5 ", "- -3", "--3", "-(3)", "+4",
        "1 < 2", "3 >= 3", "2 > 3", "5 != 5", "4 == 4", "2 == 2 < 3", "1 < 2 == 1",
        "!0", "!5", "~5", "1<<3", "256>>4", "5&3", "5|8", "5^1", "5&3|8", "1&&0||1", "0||2", "2&&3",
        "1 ? 2 : 3", "0 ? 2 : 3", "1 ? 0 ? 4 : 5 : 6", "0 && 1/0", "1 || 1/0", "1 ? 5 : 1/0", "( 1 + 2 )",
        "9223372036854775807+1",
        "v=1", "x+=1", "y*=2", "(v=2) + v", "1 ? v=4 : 5", "v = n + 10", "0 && (v=1)",
    ];

    public static TheoryData<string, string> Unknowable => new()
    {
        { "division by zero stops dash", "1/0" },
        { "division by zero stops dash", "1%0" },
        { "08 is not a number: dash stops", "08" },
        { "a variable holding an expression stops dash", "z" },
        { "a variable holding a word stops dash", "w" },
        { "an empty expression stops dash", string.Empty },
        { "2**3 is not dash arithmetic", "2**3" },
        { "increments are not dash arithmetic", "x++" },
        { "an assignment to what is not a variable stops dash", "1 = 2" },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_dash(string expression)
    {
        var real = RealShell.Run(Assignments() + $"echo $(({expression}))", []);
        Assert.True(Arithmetic.TryEvaluate(expression, Lookup, out var result, out _), $"the emulation cannot evaluate `{expression}`; dash says {real.StandardOutput.Trim()}{real.StandardError.Trim()}");
        Assert.Equal((real.StandardOutput, real.ExitCode), (result.ToString(CultureInfo.InvariantCulture) + "\n", 0));
    }

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Assigns_what_dash_assigns(string expression)
    {
        string[] names = [.. Variables.Keys, "v"];
        var real = RealShell.Run(Assignments() + $": $(({expression})); printf '%s;' " + string.Join(' ', names.Select(name => $"\"{name}=${{{name}-}}\"")), []);
        Assert.True(Arithmetic.TryEvaluate(expression, Lookup, out _, out var assigned));
        var emulated = names.Select(name => $"{name}={(assigned.TryGetValue(name, out var value) ? value.ToString(CultureInfo.InvariantCulture) : Variables.GetValueOrDefault(name, string.Empty))};");
        Assert.Equal(real.StandardOutput, string.Concat(emulated));
    }

    [Fact]
    public void Finds_what_an_expression_it_cannot_evaluate_would_assign()
        => Assert.Equal(["i", "j"], Arithmetic.AssignedNames("i = 0 + 1, j <<= 2, k == 3, l <= 4, m != 5"));

    [Theory]
    [MemberData(nameof(Unknowable))]
    public void Says_what_it_cannot_know(string why, string expression)
    {
        Assert.NotEmpty(why);
        Assert.False(Arithmetic.TryEvaluate(expression, Lookup, out _, out _));
    }

    // As the evaluator looks variables up: an unset one is 0.
    private static string? Lookup(string name) => Variables.GetValueOrDefault(name, "0");

    private static string Assignments() => string.Concat(Variables.Select(v => $"{v.Key}='{v.Value}'; "));
}
