using System.Text;
using ConfigConvert.ModuleModel;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Emit;

/// <summary>
/// A check for a module configured first that reads only the static lists
/// (<c>if echo $HTTP_MODULES | grep " ndk_http_module"</c>) fails when that module is built as a
/// dynamic module too: auto/module then puts its name in <c>DYNAMIC_MODULES</c>, and configure would
/// stop at the check. The converted config reads <c>$DYNAMIC_MODULES</c> there as well, as authors of
/// such modules did when they converted them. A static build has <c>DYNAMIC_MODULES</c> empty (or the
/// modules of other dynamic addons) and decides as before; the self-check decides.
/// </summary>
internal static class GuardWidening
{
    private const string Widening = " $" + ConfigureLists.DynamicModules;

    /// <summary>The text of <paramref name="tree"/> with every such check also reading <c>$DYNAMIC_MODULES</c>.</summary>
    public static string Apply(SyntaxTree tree)
    {
        var ends = tree.GetRoot().DescendantNodes().OfType<PipelineSyntax>()
            .Where(p => ModuleListCheck.ModuleOf(p) is not null && p.Commands.FirstOrDefault() is SimpleCommandSyntax)
            .Select(p => ((SimpleCommandSyntax)p.Commands.First()).Words.Skip(1).ToList())
            .Where(words => !words.SelectMany(ModuleListCheck.ListsRead).Contains(ConfigureLists.DynamicModules))
            .Select(words => tree.GetSpan(words.Last(ModuleListCheck.ReadsModuleList)).End)
            .OrderDescending()
            .ToList();
        var text = new StringBuilder(tree.Text.Text);
        foreach (var end in ends)
        {
            text.Insert(end, Widening);
        }

        return text.ToString();
    }
}
