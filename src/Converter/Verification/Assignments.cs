using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Verification;

/// <summary>Lines of a config found by what they assign: where a finding about a variable is reported when nothing more precise says where.</summary>
internal static class Assignments
{
    /// <summary>The first assignment to <paramref name="variable"/> in <paramref name="tree"/>, in the order written; null when there is none.</summary>
    public static Location? First(SyntaxTree? tree, string variable)
        => tree?.GetRoot().DescendantNodes().OfType<AssignmentSyntax>().FirstOrDefault(a => a.Name.Text == variable) is { } assignment
            ? tree.GetLocation(assignment)
            : null;

    /// <summary>
    /// The assignment of <paramref name="tree"/> that <paramref name="location"/> lies in (a word of a list
    /// is reported at the line that adds it, from its start), or the location itself when it lies in none.
    /// </summary>
    public static Location? Enclosing(SyntaxTree? tree, Location? location)
        => tree is null || location is null
            ? location
            : tree.GetRoot().DescendantNodes().OfType<AssignmentSyntax>().Select(tree.GetLocation).LastOrDefault(l => l.Contains(location)) ?? location;
}
