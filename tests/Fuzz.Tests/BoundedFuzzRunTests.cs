using System.Text;

namespace ConfigConvert.Fuzz.Tests;

/// <summary>
/// The bounded fuzz run of CI: every target of fuzz/ConfigConvert.Fuzz runs under afl-fuzz for a few
/// seconds (FUZZ_SECONDS, 10 by default), from seeds read out of the fixtures, in a temporary folder.
/// Any crash or hang fails the test with the saved input's path and the stack trace of its replay; so does a run that
/// ended before its time (afl-fuzz could not go on once an input ended the harness's process).
/// </summary>
[Trait("Requires", "afl")]
public sealed class BoundedFuzzRunTests(FuzzRun run)
    : IClassFixture<FuzzRun>
{
    public static TheoryData<string> Targets => [.. FuzzRun.TargetNames];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Target_survives_a_bounded_afl_run(string target)
    {
        var result = run.Fuzz(target);
        var failures = result.Crashes.Select(c => ("crash", c))
            .Concat(result.Hangs.Select(h => ("hang", h)))
            .Concat(result.EndedRun.Select(e => ("the input that ended the run early (past 5 s, or the process died)", e)))
            .ToList();
        if (failures.Count == 0)
        {
            Assert.True(result.Executions > 0, $"afl-fuzz ran no input of {target}:\n{result.Log}");
            return;
        }

        var report = new StringBuilder($"afl-fuzz found {failures.Count} failing input(s) of `{target}` in {result.Executions} executions:\n");
        if (result.EndedRun.Count > 0)
        {
            report.Append(result.Log).Append('\n');
        }

        foreach (var (kind, input) in failures.Take(5))
        {
            report.Append($"\n{kind}: {input}\n{run.Replay(target, input)}\n");
        }

        Assert.Fail(report.ToString());
    }
}
