using ConfigConvert.ModuleModel.Evaluation.Programs;
using ConfigConvert.TestSupport;

namespace ConfigConvert.ModuleModel.Tests.Evaluation;

/// <summary>
/// The real programs the emulations are checked against, run the way a config runs them: under dash,
/// in the C locale, one process per row.
/// </summary>
internal static class RealShell
{
    private static readonly Lazy<string> Dash = new(() => ExternalTool.Require("dash", "apt-get install -y dash"));
    private static readonly Dictionary<string, string> CLocale = new() { ["LC_ALL"] = "C" };

    /// <summary>Runs a dash script with positional parameters <c>$1</c>, <c>$2</c>...</summary>
    public static ExternalTool.Result Run(string script, IEnumerable<string> parameters, string? directory = null)
        => ExternalTool.Run(Dash.Value, ["-c", script, "sh", .. parameters], directory, CLocale, TimeSpan.FromSeconds(20));

    /// <summary>Runs <c>printf %s "$input" | program args...</c>.</summary>
    public static ExternalTool.Result Pipe(string input, string program, IEnumerable<string> args, string? directory = null)
    {
        ExternalTool.Require(program, $"apt-get install -y {(program is "sed" or "grep" ? program : program == "awk" ? "mawk" : "coreutils")}");
        return Run("input=$1; shift; printf %s \"$input\" | \"$@\"", [input, program, .. args], directory);
    }

    /// <summary>Runs dash's own builtin (echo, printf) with the arguments.</summary>
    public static ExternalTool.Result Builtin(string name, IEnumerable<string> args) => Run(name + " \"$@\"", args);

    /// <summary>
    /// Asserts that the emulation, given what the real program was given, writes the same text and
    /// exits with the same status.
    /// </summary>
    public static void AssertAgrees(ExternalTool.Result real, IEmulatedProgram program, ProgramCall call)
    {
        var result = program.Run(call);
        var output = result.KnownOutput(call);
        var shown = string.Join(' ', call.Arguments.Select(a => $"'{a}'"));
        Assert.True(
            result.IsEmulated && result.Status is not null && output is not null,
            $"the emulation cannot know `{shown}`; the real program writes \"{Show(real.StandardOutput)}\" and exits with {real.ExitCode}");
        Assert.Equal((Show(real.StandardOutput), real.ExitCode), (Show(output!), result.Status!.Value));
    }

    /// <summary>Asserts that the emulation says it cannot know the output and status of this call.</summary>
    public static void AssertCannotKnow(IEmulatedProgram program, ProgramCall call)
    {
        var result = program.Run(call);
        Assert.True(result.IsEmulated, "the program is emulated");
        Assert.Null(result.Status);
        Assert.Contains(result.Output, part => part is OutputPart.Unknown);
    }

    /// <summary>Text with its control characters visible, so that a failing row shows what differs.</summary>
    public static string Show(string text)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                < ' ' or '\x7f' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }
}

/// <summary>Calls of emulated programs, and what they wrote, in plain text.</summary>
internal static class Emulated
{
    /// <summary>A call with known arguments and input, and no files to read.</summary>
    public static ProgramCall Call(string input, params string[] arguments) => new(arguments, input, _ => null);

    /// <summary>The text written, when all of it is known from the program and its <paramref name="call"/>; otherwise null.</summary>
    public static string? KnownOutput(this ProgramResult result, ProgramCall call)
    {
        var text = new System.Text.StringBuilder();
        foreach (var part in result.Output)
        {
            var piece = part switch
            {
                OutputPart.Text written => written.Value,
                OutputPart.Argument argument => call.Arguments[argument.Index],
                OutputPart.Input => call.Input,
                _ => null,
            };
            if (piece is null)
            {
                return null;
            }

            text.Append(piece);
        }

        return text.ToString();
    }
}
