using ConfigConvert.Diagnostics;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Verification;

/// <summary>Lines of a config found by what they assign or run: where a finding is reported when nothing more precise says where.</summary>
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

    /// <summary>
    /// The <c>exit</c> of <paramref name="original"/> that is the one at <paramref name="convertedExit"/> in
    /// <paramref name="converted"/>: a conversion rewrites registrations and never adds or removes an
    /// <c>exit</c>, so the n-th of one is the n-th of the other. Null when the exit is not one of the
    /// converted config's own (a sourced script's) or the two do not have as many.
    /// </summary>
    public static Location? SameExit(SyntaxTree? original, SyntaxTree? converted, Location? convertedExit)
    {
        if (original is null || converted is null || convertedExit is null)
        {
            return null;
        }

        var before = Exits(original).ToList();
        var after = Exits(converted).ToList();
        var index = after.FindIndex(l => l.Contains(convertedExit));
        return index >= 0 && before.Count == after.Count ? before[index] : null;
    }

    private static IEnumerable<Location> Exits(SyntaxTree tree)
        => tree.GetRoot().DescendantNodes().OfType<SimpleCommandSyntax>()
            .Where(c => c.CommandName?.GetLiteralValue() == "exit")
            .Select(tree.GetLocation);
}
