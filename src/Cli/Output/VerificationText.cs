using System.Globalization;
using ConfigConvert.Verification;

namespace ConfigConvert.Cli.Output;

/// <summary>
/// Writes a verification report for people: one line per step (PASS, FAIL, N/A, SKIP) with what it
/// did, and under a failed step the end of the failing program's output.
/// </summary>
internal static class VerificationText
{
    /// <summary>How many lines of a failing program's output to show.</summary>
    public const int TailLines = 20;

    private const string Indent = "      ";

    public static void Write(TextWriter output, VerificationReport report)
    {
        output.WriteLine($"module: {report.ModuleDirectory}");
        output.WriteLine($"nginx sources: {report.NginxSource}{Version(report.SourceVersion)}");
        output.WriteLine($"nginx: {report.NginxBinary}{Version(report.BinaryVersion)}");
        if (VerificationView.VersionMismatch(report) is { } mismatch)
        {
            output.WriteLine("warning: " + mismatch);
        }

        output.WriteLine();
        foreach (var step in report.Steps)
        {
            WriteStep(output, report, step);
        }

        output.WriteLine();
        if (report.KeptDirectory is { } kept)
        {
            output.WriteLine($"kept: {kept} (build trees, logs/, load/nginx.conf)");
        }

        output.WriteLine(report.Verdict == VerificationVerdict.Proven
            ? "proven: the module builds and nginx loads it" + (report.Style == ConfigStyle.Converted ? "; the converted config builds the same static nginx as the original" : string.Empty)
            : $"not proven: the {VerificationView.StepName(report.Steps.First(s => s.Outcome == StepOutcome.Failed).Kind)} step failed" + (report.Problems.IsEmpty ? string.Empty : " (an I/O error)"));
    }

    private static void WriteStep(TextWriter output, VerificationReport report, VerificationStep step)
    {
        var mark = step.Outcome switch
        {
            StepOutcome.Passed => "PASS",
            StepOutcome.Failed => "FAIL",
            StepOutcome.NotApplicable => "N/A ",
            _ => "SKIP",
        };
        var time = step.Runs.IsEmpty ? string.Empty : $" ({Seconds(step.Runs.Aggregate(TimeSpan.Zero, (sum, r) => sum + r.Duration))})";
        output.WriteLine($"{mark}  {VerificationView.StepName(step.Kind),-17}  {step.Message}{time}");
        // The line where configure stops, beside configure's own message under the static configure step.
        if (step.Kind == VerificationStepKind.Convert && (step.Outcome == StepOutcome.Failed || report.Style == ConfigStyle.StopsConfigure))
        {
            foreach (var diagnostic in report.ConversionDiagnostics)
            {
                output.WriteLine(Indent + diagnostic);
            }
        }

        if (step.Kind == VerificationStepKind.StaticComparison)
        {
            WriteDifferences(output, report);
        }

        if (step.Kind == VerificationStepKind.ModulePlacement)
        {
            foreach (var difference in report.PlacementDifferences)
            {
                output.WriteLine($"{Indent}{difference.Module}: {VerificationView.PlacementMeaning(difference.Problem)}");
            }
        }

        if (step.Outcome == StepOutcome.Failed && step.FailedRun is { } run)
        {
            WriteTail(output, run);
        }
    }

    private static void WriteDifferences(TextWriter output, VerificationReport report)
    {
        foreach (var difference in report.StaticDifferences)
        {
            output.WriteLine($"{Indent}{VerificationView.AspectName(difference.Aspect)}:");
            var diff = UnifiedDiff.Create(Lines(difference.Original), Lines(difference.Converted), "original", "converted", context: 2);
            foreach (var line in diff.TrimEnd('\n').Split('\n'))
            {
                output.WriteLine(Indent + "  " + line);
            }
        }
    }

    private static void WriteTail(TextWriter output, ProcessRun run)
    {
        var status = run.StartError is { } error ? "did not start: " + error
            : run.TimedOut ? "stopped: it ran longer than the time limit"
            : $"exit status {run.ExitCode}";
        output.WriteLine($"{Indent}{run.Label}: {status}");
        output.WriteLine($"{Indent}command: {run.Program} {string.Join(' ', run.Arguments)}");
        output.WriteLine($"{Indent}last lines of its output{(run.LogFile is null ? string.Empty : " (all of it in " + run.LogFile + ")")}:");
        foreach (var line in run.Tail(TailLines))
        {
            output.WriteLine($"{Indent}| {line}");
        }
    }

    private static string Lines(IEnumerable<string> values) => string.Concat(values.Select(v => v + "\n"));

    private static string Version(string? version) => version is null ? string.Empty : $" (nginx {version})";

    private static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
