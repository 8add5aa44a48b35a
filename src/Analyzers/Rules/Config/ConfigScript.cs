using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Analyzers.Rules.Config;

/// <summary>
/// What the config rules ask of a config's syntax tree: its simple commands and assignments, which of
/// them source <c>auto/module</c>, and which syntax a location from the model falls in.
/// </summary>
internal static class ConfigScript
{
    /// <summary>The script <c>auto/module</c>, as a config sources it (<c>. auto/module</c>).</summary>
    public const string AutoModule = "auto/module";

    /// <summary>The outcomes of both link modes that configure runs a config under today, static first.</summary>
    public static IEnumerable<ModuleOutcome> CurrentOutcomes(Framework.ModuleAnalysis module)
        => module.Describe(LinkMode.Addon).Outcomes.Concat(module.Describe(LinkMode.Dynamic).Outcomes);

    /// <summary>Every assignment to <paramref name="name"/>, in the order of the text.</summary>
    public static IEnumerable<AssignmentSyntax> Assignments(SyntaxTree tree, string name)
        => tree.GetRoot().DescendantNodes().OfType<AssignmentSyntax>().Where(a => a.Name.Text == name);

    /// <summary>True for <c>. auto/module</c>: the command <c>.</c> (dash has no <c>source</c>) with that literal path.</summary>
    public static bool IsAutoModuleCall(SimpleCommandSyntax command)
    {
        var words = command.Words.Take(2).Select(w => w.GetLiteralValue()).ToList();
        return words is [".", AutoModule];
    }

    /// <summary>True when <paramref name="location"/> is in <paramref name="tree"/>'s file and inside <paramref name="element"/>.</summary>
    public static bool Contains(SyntaxTree tree, SyntaxElement element, Location? location)
        => tree.GetLocation(element).Contains(location);

    /// <summary>
    /// The last assignment to <paramref name="name"/> written before <paramref name="location"/> in the
    /// same file: the one a call at that location most likely reads.
    /// </summary>
    public static AssignmentSyntax? LastAssignmentBefore(SyntaxTree tree, string name, Location? location)
    {
        if (location is null || location.Path != tree.FilePath)
        {
            return null;
        }

        return Assignments(tree, name).LastOrDefault(a => tree.GetSpan(a).End <= location.Span.Start);
    }

    /// <summary>True when the assignment gives a value (an empty one is a reset, not a description).</summary>
    public static bool HasValue(AssignmentSyntax assignment) => assignment.Value is { } value && value.GetLiteralValue() is not "";
}
