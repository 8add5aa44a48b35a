using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

internal sealed partial class Evaluator
{
    /// <summary>
    /// True when a module list that the <c>echo</c> of <paramref name="check"/> prints already holds <paramref name="name"/>
    /// as far as the model knows (nginx's own modules, those of the modules configured first, those the
    /// config added): then the check runs as written. The lists read are recorded as a found check.
    /// </summary>
    private bool IsInModuleLists(string name, PipelineSyntax check)
    {
        var echo = (SimpleCommandSyntax)check.Commands.First();
        var found = echo.Words.Skip(1).SelectMany(ModuleListCheck.ListsRead)
            .Any(list => (GetVariable(list, at: null) ?? ShellValue.Empty).SplitWords().Any(word => word.KnownText == name));
        return found && FoundInModuleLists(name, check);
    }

    /// <summary>Records a check that found <paramref name="name"/> in the lists; true.</summary>
    private bool FoundInModuleLists(string name, SyntaxElement check)
    {
        Record.RequiredModules.Add(new RequiredModule(name, Found: true, LocationOf(check)));
        return true;
    }

    /// <summary>
    /// A check for a module the lists do not hold as far as the model knows. Other addons may have
    /// been configured before this one (configure's lists are the reference build's plus unknown
    /// others), so it may be there: both answers are explored, each an assumption of its outcome.
    /// </summary>
    private bool RequiredModuleConfigured(string name, SyntaxElement check)
    {
        var configured = Decide($"`{name}` is configured before this module", check);
        Record.RequiredModules.Add(new RequiredModule(name, configured, LocationOf(check)));
        if (configured)
        {
            WriteOutput(ShellValue.Of(new UnknownValue($"the module list lines that name `{name}`", LocationOf(check))));
        }

        return configured;
    }
}
