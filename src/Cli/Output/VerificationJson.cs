using System.Text.Json;
using ConfigConvert.Verification;

namespace ConfigConvert.Cli.Output;

/// <summary>
/// Writes a verification report as JSON: <c>module</c>, <c>verdict</c>, <c>nginxSource</c> and
/// <c>nginx</c> (<c>path</c>, <c>version</c>), <c>style</c>, <c>problems</c> (<c>kind</c>, <c>message</c>, <c>diagnostic</c> for the module's),
/// <c>steps</c> (<c>step</c>, <c>outcome</c>, <c>message</c>, <c>runs</c>: <c>label</c>, <c>command</c>,
/// <c>workingDirectory</c>, <c>exitCode</c>, <c>timedOut</c>, <c>startError</c>, <c>seconds</c>,
/// <c>logFile</c>, <c>output</c>), <c>conversionDiagnostics</c>, <c>staticDifferences</c> (<c>aspect</c>,
/// <c>original</c>, <c>converted</c>), <c>sharedObjects</c>, <c>sharedObjectModules</c> (<c>sharedObject</c>,
/// <c>modules</c>), <c>placementDifferences</c> (<c>problem</c>, <c>module</c>), <c>nginxConf</c>, <c>nginxMessages</c>,
/// <c>keptDirectory</c>.
/// </summary>
internal static class VerificationJson
{
    public static void Write(Utf8JsonWriter writer, VerificationReport report)
    {
        writer.WriteStartObject();
        writer.WriteString("module", report.ModuleDirectory);
        writer.WriteString("verdict", VerificationView.Json(VerificationView.VerdictName(report.Verdict)));
        WriteTool(writer, "nginxSource", report.NginxSource, report.SourceVersion);
        WriteTool(writer, "nginx", report.NginxBinary, report.BinaryVersion);
        writer.WriteString("style", VerificationView.Json(VerificationView.StyleName(report.Style)));
        writer.WriteStartArray("problems");
        foreach (var problem in report.Problems)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", VerificationView.Json(VerificationView.ProblemName(problem.Kind)));
            writer.WriteString("message", problem.Message);
            if (problem.Diagnostic is { } diagnostic)
            {
                writer.WritePropertyName("diagnostic");
                DiagnosticJson.Write(writer, diagnostic);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("steps");
        foreach (var step in report.Steps)
        {
            WriteStep(writer, step);
        }

        writer.WriteEndArray();
        WriteRest(writer, report);
        writer.WriteEndObject();
    }

    private static void WriteRest(Utf8JsonWriter writer, VerificationReport report)
    {
        writer.WriteStartArray("conversionDiagnostics");
        foreach (var diagnostic in report.ConversionDiagnostics)
        {
            DiagnosticJson.Write(writer, diagnostic);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("staticDifferences");
        foreach (var difference in report.StaticDifferences)
        {
            writer.WriteStartObject();
            writer.WriteString("aspect", VerificationView.Json(VerificationView.AspectName(difference.Aspect)));
            WriteStrings(writer, "original", difference.Original);
            WriteStrings(writer, "converted", difference.Converted);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "sharedObjects", report.SharedObjects);
        WritePlacement(writer, report);
        writer.WriteString("nginxConf", report.NginxConfiguration);
        WriteStrings(writer, "nginxMessages", report.NginxMessages);
        writer.WriteString("keptDirectory", report.KeptDirectory);
    }

    private static void WritePlacement(Utf8JsonWriter writer, VerificationReport report)
    {
        writer.WriteStartArray("sharedObjectModules");
        foreach (var sharedObject in report.SharedObjectModules)
        {
            writer.WriteStartObject();
            writer.WriteString("sharedObject", sharedObject.SharedObject);
            WriteStrings(writer, "modules", sharedObject.Modules);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("placementDifferences");
        foreach (var difference in report.PlacementDifferences)
        {
            writer.WriteStartObject();
            writer.WriteString("problem", VerificationView.Json(VerificationView.PlacementName(difference.Problem)));
            writer.WriteString("module", difference.Module);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteStep(Utf8JsonWriter writer, VerificationStep step)
    {
        writer.WriteStartObject();
        writer.WriteString("step", VerificationView.Json(VerificationView.StepName(step.Kind)));
        writer.WriteString("outcome", VerificationView.Json(VerificationView.OutcomeName(step.Outcome)));
        writer.WriteString("message", step.Message);
        writer.WriteStartArray("runs");
        foreach (var run in step.Runs)
        {
            writer.WriteStartObject();
            writer.WriteString("label", run.Label);
            WriteStrings(writer, "command", [run.Program, .. run.Arguments]);
            writer.WriteString("workingDirectory", run.WorkingDirectory);
            if (run.ExitCode is { } exit)
            {
                writer.WriteNumber("exitCode", exit);
            }
            else
            {
                writer.WriteNull("exitCode");
            }

            writer.WriteBoolean("timedOut", run.TimedOut);
            writer.WriteString("startError", run.StartError);
            writer.WriteNumber("seconds", Math.Round(run.Duration.TotalSeconds, 3));
            writer.WriteString("logFile", run.LogFile);
            writer.WriteString("output", run.Output);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTool(Utf8JsonWriter writer, string name, string path, string? version)
    {
        writer.WriteStartObject(name);
        writer.WriteString("path", path);
        writer.WriteString("version", version);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
