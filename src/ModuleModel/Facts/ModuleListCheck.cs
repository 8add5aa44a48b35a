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
    /// <summary>The module a pipeline looks for: <c>echo $HTTP_MODULES | grep [-q] NAME</c>; null for any other pipeline.</summary>
    public static string? ModuleOf(PipelineSyntax pipeline)
    {
        var commands = pipeline.Commands.ToList();
        if (commands.Count < 2 || commands[0] is not SimpleCommandSyntax echo || echo.CommandName?.GetLiteralValue() is not ("echo" or "printf")
            || !echo.Words.Skip(1).Any(ReadsModuleList))
        {
            return null;
        }

        foreach (var grep in commands.Skip(1).OfType<SimpleCommandSyntax>().Where(c => c.CommandName?.GetLiteralValue() == "grep"))
        {
            var words = grep.Words.Skip(1).Select(w => w.GetLiteralValue()).ToList();
            var explicitPattern = words.IndexOf("-e");
            var pattern = explicitPattern >= 0 && explicitPattern + 1 < words.Count ? words[explicitPattern + 1] : words.FirstOrDefault(w => w is null || !w.StartsWith('-'));
            return pattern is null ? null : ModuleName(pattern);
        }

        return null;
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
