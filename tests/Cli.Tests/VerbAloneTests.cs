using ConfigConvert.Cli.Commands;

namespace ConfigConvert.Cli.Tests;

/// <summary>
/// A command line that starts with a verb's name makes that verb alone (the others' options cost 2 ms of every run):
/// what it prints and returns must be what it was with every verb made, for help, mistakes, and a word that names
/// another verb.
/// </summary>
public sealed class VerbAloneTests
{
    private static readonly string[] Verbs =
    [
        ParseCommand.Name, DescribeCommand.Name, ConvertCommand.Name, VerifyCommand.Name, InspectCommand.Name,
        PreflightCommand.Name, RulesCommand.Name, CheckCommand.Name, ExplainCommand.Name,
    ];

    public static TheoryData<string[]> CommandLines()
    {
        var lines = new TheoryData<string[]>();
        foreach (var verb in Verbs)
        {
            lines.Add([verb, "--help"]);
            lines.Add([verb, "-h"]);
            lines.Add([verb, "--no-such-option"]);
            lines.Add([verb, "describe", "--no-such-option"]);
            lines.Add([verb, "--format", "nonsense", "--no-such-option"]);
        }

        lines.Add(["--help"]);
        lines.Add(["--version"]);
        lines.Add(["chekc", "."]);
        lines.Add([]);
        return lines;
    }

    [Theory]
    [MemberData(nameof(CommandLines))]
    public void A_verb_made_alone_answers_as_with_every_verb_made(string[] args)
    {
        var alone = Run(args, everyVerb: false);
        var every = Run(args, everyVerb: true);
        Assert.Equal(every, alone);
    }

    [Fact]
    public void Every_verb_is_made_when_none_is_named()
    {
        var help = Run(["--help"], everyVerb: false);
        Assert.All(Verbs, verb => Assert.Matches($"(?m)^  {verb} ", help.Out));
    }

    private static CliRunner.Result Run(string[] args, bool everyVerb)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApplication.Run(args, new CliConsole(output, error), everyVerb);
        return new CliRunner.Result(code, output.ToString(), error.ToString());
    }
}
