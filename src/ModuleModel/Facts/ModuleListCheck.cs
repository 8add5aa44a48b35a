using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel;

/// <summary>
/// How configs check that another module was configured before them: <c>echo $HTTP_MODULES | grep
/// NAME</c> in a pipeline, or <c>case "$HTTP_MODULES" in *NAME*)</c>. Read from the syntax, so that the
/// evaluator (which explores both answers when the module is not in the lists it knows) and the check
/// rule CC2226 (which reports the dependency) agree on what such a check is.
/// </summary>
internal static class ModuleListCheck
{
    /// <summary>
    /// The module a pipeline looks for: <c>echo $HTTP_MODULES | grep [-q] NAME</c>, grep last, selecting the lines
    /// that name the module; null for any other pipeline (<c>grep -v</c>, <c>grep -c</c>... a step between), which
    /// runs as written.
    /// </summary>
    public static string? ModuleOf(PipelineSyntax pipeline)
    {
        var commands = pipeline.Commands.ToList();
        if (commands.Count != 2 || commands[0] is not SimpleCommandSyntax echo || echo.CommandName?.GetLiteralValue() is not ("echo" or "printf")
            || !echo.Words.Skip(1).Any(ReadsModuleList)
            || commands[1] is not SimpleCommandSyntax grep || grep.CommandName?.GetLiteralValue() != "grep")
        {
            return null;
        }

        return GrepPattern([.. grep.Words.Skip(1).Select(w => w.GetLiteralValue())]) is { } pattern ? ModuleName(pattern) : null;
    }

    /// <summary>
    /// The one pattern of <c>grep [-qswEFG] [-e] PATTERN</c>, grep's options that keep "the lines that match, and
    /// success when there is one"; null for any other option (-v inverts, -c counts, -x wants whole lines...), a
    /// second pattern or a file.
    /// </summary>
    private static string? GrepPattern(IReadOnlyList<string?> words)
    {
        var i = 0;
        var fixedString = false;
        for (; i < words.Count && words[i] is ['-', _, ..] option && option != "--" && option != "-e"; i++)
        {
            if (option[1..].Any(c => c is not ('q' or 's' or 'w' or 'E' or 'F' or 'G')))
            {
                return null;
            }

            fixedString |= option.Contains('F', StringComparison.Ordinal);
        }

        i += i < words.Count && words[i] is "--" or "-e" ? 1 : 0;
        var pattern = i + 1 == words.Count ? words[i] : null;

        // -F reads anchors and word boundaries as text, which the module's name does not hold.
        return fixedString && pattern?.IndexOfAny(['^', '$', '\\']) >= 0 ? null : pattern;
    }

    /// <summary>The module a <c>case</c> pattern looks for, <c>*NAME*</c>, when the subject is a module list; null otherwise.</summary>
    public static string? ModuleOf(CaseCommandSyntax command, WordSyntax pattern)
        => ReadsModuleList(command.Subject) && pattern.GetLiteralValue() is { Length: > 2 } text && text[0] == '*' && text[^1] == '*' ? ModuleName(text[1..^1]) : null;

    /// <summary>True for a word that expands a module list (<c>$HTTP_MODULES</c>, <c>${CORE_MODULES}</c>, <c>$DYNAMIC_MODULES</c>).</summary>
    public static bool ReadsModuleList(WordSyntax word) => ListsRead(word).Any();

    /// <summary>The module lists a word expands, by name.</summary>
    public static IEnumerable<string> ListsRead(WordSyntax word)
        => word.DescendantNodes().Select(n => n switch
        {
            SimpleExpansionSyntax simple => simple.ParameterName,
            ParameterExpansionSyntax braced => braced.ParameterName,
            _ => null,
        }).OfType<string>().Where(IsModuleList);

    /// <summary>The module name a grep pattern matches, anchors and word boundaries apart; null for any other pattern.</summary>
    public static string? ModuleName(string pattern)
    {
        var name = pattern.Trim().Trim('^', '$', ' ');
        foreach (var boundary in (string[])["\\<", "\\>", "\\b"])
        {
            name = name.Replace(boundary, string.Empty, StringComparison.Ordinal);
        }

        var isName = name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        return isName && name.EndsWith("_module", StringComparison.Ordinal) ? name : null;
    }

    private static bool IsModuleList(string name) => name.EndsWith("_MODULES", StringComparison.Ordinal);
}
