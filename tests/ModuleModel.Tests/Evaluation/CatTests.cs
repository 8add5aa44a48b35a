using ConfigConvert.ModuleModel.Evaluation.Programs;
using ConfigConvert.ModuleModel.Tests.Model;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>cat</c> against the real one, on its input and on files of the module directory.</summary>
public sealed class CatTests
{
    private static readonly CatProgram Cat = new();

    public static TheoryData<string, string[]> Agreeing => new()
    {
        { "a\nb\n", [] },
        { "a\nb", ["-"] },
        { "in\n", ["first"] },
        { "in\n", ["first", "-", "second"] },
        { "in\n", ["second", "second"] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_the_real_cat(string input, string[] names)
    {
        using var module = new TempModule(string.Empty, ("first", "one\n"), ("second", "two"));
        var args = names.Select(name => name == "-" ? name : Path.Combine(module.Path, name)).ToArray();
        var call = new ProgramCall(args, input, path => File.Exists(path) ? File.ReadAllText(path) : null);
        RealShell.AssertAgrees(RealShell.Pipe(input, "cat", args), Cat, call);
    }

    [Fact]
    public void Cannot_know_a_file_it_cannot_read()
    {
        var result = Cat.Run(new ProgramCall(["/etc/hostname"], string.Empty, _ => null));
        Assert.Null(result.Status);
        Assert.Equal(new OutputPart.Unknown("the contents of `/etc/hostname`"), Assert.Single(result.Output));
    }

    [Fact]
    public void Passes_input_it_does_not_know_through()
        => Assert.Equal<OutputPart>([new OutputPart.Input()], Cat.Run(new ProgramCall([], null, _ => null)).Output);
}
