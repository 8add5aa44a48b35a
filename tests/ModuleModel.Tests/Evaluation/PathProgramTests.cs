using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>The emulated <c>basename</c> and <c>dirname</c> against the real ones (GNU coreutils).</summary>
public sealed class PathProgramTests
{
    public static TheoryData<string> Paths =>
    [
        "/usr/src/module/config", "/usr/src/module/", "module", "module/", "/", "//", "", ".", "..",
        "/a", "a/b", "a//b//", "//a", "///a/b", "./config", "../x/y",
    ];

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Paths))]
    public void Basename_agrees_with_the_real_one(string path)
        => RealShell.AssertAgrees(RealShell.Pipe(string.Empty, "basename", [path]), new BasenameProgram(), Emulated.Call(string.Empty, path));

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Paths))]
    public void Dirname_agrees_with_the_real_one(string path)
        => RealShell.AssertAgrees(RealShell.Pipe(string.Empty, "dirname", [path]), new DirnameProgram(), Emulated.Call(string.Empty, path));

    [Fact]
    public void A_suffix_or_several_paths_are_left_to_the_real_programs()
    {
        // Not emulated: the evaluator reports them as programs the config runs, with unknown output.
        Assert.False(new BasenameProgram().Run(Emulated.Call(string.Empty, "a.c", ".c")).IsEmulated);
        Assert.False(new DirnameProgram().Run(Emulated.Call(string.Empty, "a/b", "c/d")).IsEmulated);
        Assert.False(new BasenameProgram().Run(new ProgramCall([null], string.Empty, _ => null)).IsEmulated);
    }
}
