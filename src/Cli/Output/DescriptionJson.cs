using System.Text.Json;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Cli.Output;

/// <summary>
/// Writes a description as JSON: <c>link</c>, <c>modules</c> (<c>name</c>, <c>type</c>, <c>position</c>),
/// <c>sources</c>, <c>deps</c>, <c>incs</c>, <c>libs</c>, <c>use</c>, <c>sharedObjects</c> (<c>name</c>,
/// <c>modules</c>, <c>sources</c>, <c>libs</c>, <c>order</c>), <c>unknowns</c> — the facts every outcome
/// shares — and <c>outcomes</c>, each with its <c>assumptions</c> and its own full lists.
/// </summary>
internal static class DescriptionJson
{
    public static void Write(Utf8JsonWriter writer, ModuleDescription description)
    {
        writer.WriteStartObject();
        writer.WriteString("path", description.ModuleDirectory);
        writer.WriteString("link", DescriptionView.LinkName(description.Link));
        WriteView(writer, DescriptionView.Common(description.Outcomes));
        writer.WriteStartArray("outcomes");
        foreach (var outcome in description.Outcomes)
        {
            writer.WriteStartObject();
            writer.WriteStartArray("assumptions");
            foreach (var assumption in outcome.Assumptions)
            {
                writer.WriteStartObject();
                writer.WriteString("condition", assumption.Condition);
                writer.WriteBoolean("holds", assumption.Holds);
                if (assumption.Location is { } location)
                {
                    writer.WriteNumber("line", location.Start.Line);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            if (outcome.Exited)
            {
                if (outcome.ExitStatus is { } status)
                {
                    writer.WriteNumber("exit", status);
                }
                else
                {
                    writer.WriteNull("exit");
                }
            }

            WriteView(writer, DescriptionView.Of(outcome));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("diagnostics");
        foreach (var diagnostic in description.Diagnostics)
        {
            DiagnosticJson.Write(writer, diagnostic);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteView(Utf8JsonWriter writer, DescriptionView view)
    {
        writer.WriteStartArray("modules");
        foreach (var module in view.Modules)
        {
            writer.WriteStartObject();
            writer.WriteString("name", module.Name);
            writer.WriteString("type", module.Type.Name);
            writer.WriteString("position", DescriptionView.PositionText(module.Position));
            if (module.Location is { } location)
            {
                writer.WriteNumber("line", location.Start.Line);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "sources", view.Sources);
        WriteStrings(writer, "deps", view.Deps);
        WriteStrings(writer, "incs", view.Incs);
        WriteStrings(writer, "libs", view.Libs);
        WriteStrings(writer, "use", view.Use);
        WriteStrings(writer, "defines", view.Defines);
        writer.WriteStartArray("sharedObjects");
        foreach (var so in view.SharedObjects)
        {
            writer.WriteStartObject();
            writer.WriteString("name", so.Name);
            WriteStrings(writer, "modules", so.Modules);
            WriteStrings(writer, "sources", so.Sources);
            WriteStrings(writer, "sharedSources", so.SharedSources);
            WriteStrings(writer, "libs", so.Libs);
            WriteStrings(writer, "order", so.Order);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WriteStrings(writer, "unknowns", view.Unknowns);
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
