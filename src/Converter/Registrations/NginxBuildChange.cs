using System.Text.RegularExpressions;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Registrations;

/// <summary>
/// An assignment that changes nginx's own build rather than describing the module: nginx's sources
/// forced into its build (<c>HTTP_SRCS="$HTTP_SRCS $HTTP_POSTPONE_FILTER_SRCS"</c>), linker flags for
/// the nginx binary put before its own (<c>CORE_LIBS="-Wl,-E $CORE_LIBS"</c>), include dirs put before
/// nginx's, or a list edited with <c>sed</c>. Authors who converted such modules by hand kept these
/// lines where they were, outside the new description: a static build still does what they did, and a
/// dynamic module built alone cannot change the nginx it is loaded into. The self-check still decides.
/// </summary>
/// <param name="Assignment">The assignment, kept where it is.</param>
/// <param name="Variable">The list of nginx's build it changes.</param>
/// <param name="TargetNeeds">What the nginx a dynamic module is loaded into must then be ("built with ..."), or null.</param>
internal sealed partial record NginxBuildChange(AssignmentSyntax Assignment, string Variable, string? TargetNeeds)
{
    /// <summary>
    /// The change <paramref name="assignment"/> makes to nginx's build, or null when it is the module's
    /// own registration (appending the module's names, sources, headers, include dirs or libraries) or
    /// a shape that is neither.
    /// </summary>
    /// <param name="assignment">The assignment.</param>
    /// <param name="assignedByConfig">The variables the config assigns anywhere: a module list appended
    /// with one of them names the config's own modules, not nginx's.</param>
    public static NginxBuildChange? Classify(AssignmentSyntax assignment, IReadOnlySet<string> assignedByConfig)
    {
        var name = assignment.Name.Text;
        var value = assignment.Value?.ToFullString() ?? string.Empty;
        if (ModuleType.FromModulesList(name) is not null)
        {
            return NginxModulesForced(assignment, name, value, assignedByConfig);
        }

        if (!IsNginxBuildList(name) || value.Contains("ngx_addon_dir", StringComparison.Ordinal))
        {
            return null;
        }

        if (EditsItself(value, name))
        {
            return new NginxBuildChange(assignment, name, null);
        }

        if (Prepended(value, name) is { } words && words.Length > 0)
        {
            return new NginxBuildChange(assignment, name, name == ConfigureLists.CoreLibs ? LinkerNeeds(words) : null);
        }

        return IsSourceList(name) && Appended(value, name) is { Length: > 0 } sources
            ? new NginxBuildChange(assignment, name, $"built with `{sources}`")
            : null;
    }

    /// <summary>The variables <paramref name="tree"/> assigns anywhere: what <see cref="Classify"/> takes as its second argument.</summary>
    public static IReadOnlySet<string> AssignedNames(SyntaxTree tree)
        => tree.GetRoot().DescendantNodes().OfType<AssignmentSyntax>().Select(a => a.Name.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// <c>HTTP_FILTER_MODULES="$HTTP_FILTER_MODULES $HTTP_POSTPONE_FILTER_MODULE"</c>: a module list
    /// appended only with variables that name nginx's own modules (configure before 1.9.11 set
    /// <c>HTTP_POSTPONE_FILTER_MODULE</c> and its like; later ones set none, so the model reads them from
    /// the environment). The line forces one of nginx's modules into its build, as echo and mod_zip do
    /// for the postpone filter; it registers none of the module's own.
    /// </summary>
    private static NginxBuildChange? NginxModulesForced(AssignmentSyntax assignment, string name, string value, IReadOnlySet<string> assignedByConfig)
    {
        var words = Appended(value, name);
        return words is { Length: > 0 } && words.Split(' ').All(w => NginxModuleVariable().Match(w) is { Success: true } m && !assignedByConfig.Contains(m.Groups[1].Value))
            ? new NginxBuildChange(assignment, name, $"built with `{words}` (one of nginx's own modules)")
            : null;
    }

    /// <summary>
    /// Lists of nginx's build that a line may change without naming the module's files: its sources,
    /// headers, include dirs and libraries. <c>NGX_ADDON_SRCS</c> and <c>NGX_ADDON_DEPS</c> are the
    /// modules' own, and the <c>*_MODULES</c> lists are registrations.
    /// </summary>
    private static bool IsNginxBuildList(string name)
        => name is ConfigureLists.CoreLibs or ConfigureLists.CoreIncs or "CORE_DEPS"
           || IsSourceList(name)
           || ModuleType.All.Any(t => name == t.Name + "_INCS" || name == t.Name + "_DEPS");

    private static bool IsSourceList(string name)
        => name != ConfigureLists.AddonSources && ConfigureLists.Sources.Contains(name);

    /// <summary>A value built from the list itself through a program: <c>`echo $CORE_SRCS | sed ...`</c>.</summary>
    private static bool EditsItself(string value, string name)
        => (value.Contains("`", StringComparison.Ordinal) || value.Contains("$(", StringComparison.Ordinal))
           && Regex.IsMatch(value, @"\$\{?" + name + @"\b");

    /// <summary>
    /// The words before a trailing <c>$NAME</c> (<c>"-Wl,-E $CORE_LIBS"</c> gives <c>-Wl,-E</c>), when they
    /// are plain words and expansions; null for any other shape.
    /// </summary>
    internal static string? Prepended(string value, string name)
    {
        var match = Regex.Match(Unquoted(value), @"^(?<words>.*?)\s+\$\{?" + name + @"\}?$", RegexOptions.Singleline);
        return match.Success && SafeExpansions(match.Groups["words"].Value) ? Squeezed(match.Groups["words"].Value) : null;
    }

    /// <summary>The words after a leading <c>$NAME</c>.</summary>
    private static string? Appended(string value, string name)
    {
        var match = Regex.Match(Unquoted(value), @"^\$\{?" + name + @"\}?\s+(?<words>.*)$", RegexOptions.Singleline);
        return match.Success && SafeExpansions(match.Groups["words"].Value) ? Squeezed(match.Groups["words"].Value) : null;
    }

    /// <summary>What the target nginx must have for linker flags put before nginx's own.</summary>
    private static string? LinkerNeeds(string words)
        => words.Split(' ').Any(w => w is "-rdynamic" or "-export-dynamic" or "--export-dynamic" || w.StartsWith("-Wl,-E", StringComparison.Ordinal) || w.Contains("--export-dynamic", StringComparison.Ordinal))
            ? "that exports its symbols to modules (linked with `-Wl,-E`)"
            : $"linked with `{words}`";

    /// <summary>Only plain words and variable expansions: no command substitutions or quotes within.</summary>
    private static bool SafeExpansions(string words) => words.IndexOfAny(['`', '"', '\'', '(', ')']) < 0;

    private static string Unquoted(string value)
    {
        var text = value.Replace("\\\n", " ", StringComparison.Ordinal).Trim();
        return text.Length >= 2 && text[0] == '"' && text[^1] == '"' ? text[1..^1].Trim() : text;
    }

    private static string Squeezed(string words) => WhiteSpace().Replace(words.Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    // The names older configure gave its own modules: HTTP_POSTPONE_FILTER_MODULE, HTTP_SSI_FILTER_MODULE...
    [GeneratedRegex(@"^\$\{?((?:CORE|EVENT|HTTP|MAIL|STREAM)_[A-Z0-9_]+_MODULE)\}?$")]
    private static partial Regex NginxModuleVariable();
}
