using ConfigConvert.ModuleModel;

namespace ConfigConvert.Cli.Output;

/// <summary>Writes a description for people.</summary>
internal static class DescriptionText
{
    public static void Write(TextWriter output, ModuleDescription description)
    {
        output.WriteLine($"module: {description.ModuleDirectory}");
        output.WriteLine($"link: {DescriptionView.LinkName(description.Link)}");
        if (description.Outcomes.IsEmpty)
        {
            output.WriteLine("not evaluated: see the errors above");
            return;
        }

        WriteView(output, DescriptionView.Common(description.Outcomes), string.Empty);
        if (description.Link == LinkMode.Dynamic && description.Outcomes.Any(o => !o.Modules.IsEmpty && o.AutoModuleCalls.IsEmpty))
        {
            output.WriteLine("note: the config does not call auto/module, so --add-dynamic-module still links these modules into nginx itself");
        }

        if (description.Outcomes.Length == 1)
        {
            WriteExit(output, description.Outcomes[0], string.Empty);
            return;
        }

        output.WriteLine($"outcomes: {description.Outcomes.Length} (the lists above hold in all of them)");
        for (var i = 0; i < description.Outcomes.Length; i++)
        {
            var outcome = description.Outcomes[i];
            output.WriteLine($"  outcome {i + 1}: " + string.Join("; ", outcome.Assumptions.Select(a => a.ToString())));
            WriteView(output, DescriptionView.Of(outcome), "    ");
            WriteExit(output, outcome, "    ");
        }
    }

    private static void WriteExit(TextWriter output, ModuleOutcome outcome, string indent)
    {
        if (outcome.Exited)
        {
            output.WriteLine($"{indent}exit: configure stops here with status {outcome.ExitStatus?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}");
        }
    }

    private static void WriteView(TextWriter output, DescriptionView view, string indent)
    {
        if (view.Modules.Length > 0)
        {
            output.WriteLine($"{indent}modules:");
            foreach (var module in view.Modules)
            {
                output.WriteLine($"{indent}  {module.Name}  {module.Type.Name}  {DescriptionView.PositionText(module.Position)}");
            }
        }

        WriteList(output, indent, "sources", view.Sources);
        WriteList(output, indent, "deps", view.Deps);
        WriteList(output, indent, "incs", view.Incs);
        WriteList(output, indent, "libs", view.Libs);
        WriteList(output, indent, "use", view.Use);
        WriteList(output, indent, "defines", view.Defines);
        foreach (var so in view.SharedObjects)
        {
            output.WriteLine($"{indent}shared object {so.Name}.so:");
            WriteList(output, indent + "  ", "modules", so.Modules);
            WriteList(output, indent + "  ", "sources", so.Sources);
            WriteList(output, indent + "  ", "shared sources", so.SharedSources);
            WriteList(output, indent + "  ", "libs", so.Libs);
            WriteList(output, indent + "  ", "order", so.Order);
        }

        WriteList(output, indent, "unknowns", view.Unknowns);
    }

    private static void WriteList(TextWriter output, string indent, string label, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        output.WriteLine($"{indent}{label}:");
        foreach (var item in items)
        {
            output.WriteLine($"{indent}  {item}");
        }
    }
}
