using ConfigConvert.ModuleModel.Evaluation;
using ConfigConvert.ModuleModel.Tests.Model;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// <c>test</c> against dash's builtin, run in a directory holding <c>file</c>, <c>empty</c>,
/// <c>script</c> (executable), <c>link</c> (to <c>file</c>) and <c>dir/</c>.
/// </summary>
public sealed class TestExpressionTests
{
    public static TheoryData<string[]> Agreeing => new()
    {
        // strings
        { [] },
        { ["x"] },
        { [string.Empty] },
        { ["-n", "x"] },
        { ["-n", string.Empty] },
        { ["-z", string.Empty] },
        { ["-z", "x"] },
        { ["-n"] },
        { ["-z"] },
        { ["-a"] },
        { ["a", "=", "a"] },
        { ["a", "=", "b"] },
        { ["a", "!=", "b"] },
        { [string.Empty, "=", string.Empty] },
        { ["=", "=", "="] },
        { ["a", "<", "b"] },
        { ["b", "<", "a"] },
        { ["b", ">", "a"] },
        { ["a", "==", "a"] },
        { ["x", "y"] },

        // numbers
        { ["1", "-eq", "1"] },
        { ["1", "-lt", "2"] },
        { ["2", "-lt", "1"] },
        { ["-1", "-le", "0"] },
        { ["10", "-gt", "9"] },
        { ["3", "-ge", "4"] },
        { ["3", "-ne", "4"] },
        { [" 3", "-eq", "3"] },
        { ["3 ", "-eq", "3"] },
        { ["+3", "-eq", "3"] },
        { ["a", "-eq", "1"] },
        { [string.Empty, "-eq", "0"] },
        { ["1", "-eq", "1", "-o", "a", "-eq", "1"] },
        { ["010", "-eq", "10"] },
        { ["0x10", "-eq", "16"] },
        { ["99999999999999999999", "-gt", "1"] },

        // !, -a, -o, parentheses
        { ["!", "x"] },
        { ["!", string.Empty] },
        { ["!"] },
        { ["!", "a", "=", "b"] },
        { ["!", "-n", string.Empty] },
        { ["x", "-a", string.Empty] },
        { ["x", "-a", "y"] },
        { ["x", "-o", string.Empty] },
        { [string.Empty, "-o", string.Empty] },
        { ["x", "-o", "y", "-a", string.Empty] },
        { ["(", "x", ")"] },
        { ["(", "a", "=", "a", ")", "-a", "-n", "b"] },
        { ["(", "x"] },
        { ["x", "-a"] },
        { ["x", "-o"] },
        { ["!", "!"] },
        { ["-z", "-z"] },
        { ["x", "=", "y", "-a"] },
        { ["-n", "-a", "-n"] },

        // files
        { ["-f", "file"] },
        { ["-f", "dir"] },
        { ["-f", "missing"] },
        { ["-d", "dir"] },
        { ["-d", "file"] },
        { ["-e", "dir"] },
        { ["-e", "missing"] },
        { ["-s", "file"] },
        { ["-s", "empty"] },
        { ["-r", "file"] },
        { ["-x", "script"] },
        { ["-x", "file"] },
        { ["-x", "dir"] },
        { ["!", "-f", "missing"] },
        { ["-f", "file", "-a", "-d", "dir"] },
        { ["-b", "file"] },
        { ["-c", "dir"] },
        { ["-p", "missing"] },
        { ["-u", "file"] },
        { ["-h", "file"] },
        { ["-L", "link"] },
    };

    public static TheoryData<string, string[]> Unknowable => new()
    {
        { "writability depends on who runs configure", ["-w", "file"] },
        { "ownership depends on who runs configure", ["-O", "file"] },
        { "a terminal depends on how configure is run", ["-t", "1"] },
        { "modification times are not emulated", ["file", "-nt", "empty"] },
    };

    [Trait("Requires", "dash")]
    [Theory]
    [MemberData(nameof(Agreeing))]
    public void Agrees_with_dash(string[] args)
    {
        using var directory = Files();
        var real = RealShell.Run("test \"$@\"", args, directory.Path);
        Assert.Equal(real.ExitCode, Emulate(directory, args));
    }

    [Theory]
    [MemberData(nameof(Unknowable))]
    public void Says_what_it_cannot_know(string why, string[] args)
    {
        Assert.NotEmpty(why);
        using var directory = Files();
        Assert.Null(Emulate(directory, args));
    }

    [Fact]
    public void A_value_partly_known_is_not_empty()
    {
        static int? Test(params TestArgument[] args) => TestExpression.Evaluate(args, (_, _) => null);
        var someText = new TestArgument(null, SurelyNotEmpty: true);
        var nothingKnown = new TestArgument(null, SurelyNotEmpty: false);
        Assert.Equal(0, Test(TestArgument.Known("-n"), someText));
        Assert.Equal(1, Test(TestArgument.Known("-z"), someText));
        Assert.Null(Test(TestArgument.Known("-n"), nothingKnown));
        Assert.Null(Test(nothingKnown, TestArgument.Known("="), TestArgument.Known("a")));
        Assert.Equal(1, Test(nothingKnown, TestArgument.Known("-a"), TestArgument.Known(string.Empty)));
    }

    private static int? Emulate(TempModule directory, string[] args)
        => TestExpression.Evaluate([.. args.Select(TestArgument.Known)], (op, path) => TestExpression.FileTestOnDisk(op, Path.Combine(directory.Path, path)));

    private static TempModule Files()
    {
        var directory = new TempModule(string.Empty, ("file", "text\n"), ("empty", string.Empty), ("script", "#!/bin/sh\n"), ("dir/inside", "x"));
        File.CreateSymbolicLink(Path.Combine(directory.Path, "link"), "file");
        if (!OperatingSystem.IsWindows())
        {
            // dash runs on Unix only: there the script is made executable.
            File.SetUnixFileMode(Path.Combine(directory.Path, "script"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return directory;
    }
}
