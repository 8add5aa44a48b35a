using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

// Functions the script defines, and `eval`: text run as script in the current shell.
internal sealed partial class Evaluator
{
    private int? CallFunction(ShellFunction function, IEnumerable<ShellValue> args)
    {
        if (++_functionDepth > 100)
        {
            _functionDepth--;
            throw new StepLimitException(function.Tree.GetLocation(function.Syntax));
        }

        var savedPositional = _state.Positional;
        _state.SetPositional(args);
        _trees.Push((function.Tree, null));
        _locals.Push(new Dictionary<string, (SavedVariable Saved, bool ReadOnly)>(StringComparer.Ordinal));
        try
        {
            return Execute(function.Syntax.Body);
        }
        catch (ScriptReturnException returned)
        {
            return returned.Status;
        }
        finally
        {
            RestoreLocals(_locals.Pop());
            _trees.Pop();
            _state.SetPositional(savedPositional);
            _functionDepth--;
        }
    }

    private int? Eval(List<ShellValue> args, SyntaxNode at)
    {
        var text = JoinWithSpaces(args).KnownText;
        if (text is null)
        {
            AddUnknown("`eval` of a string that is not known", at);
            Record.Incomplete = true;
            return null;
        }

        var tree = SyntaxTree.ParseText(text);
        if (tree.HasErrors)
        {
            AddUnknown("`eval` of text that is not valid shell", at);
            return 2;
        }

        _trees.Push((tree, LocationOf(at)));
        try
        {
            return ExecuteStatements(tree.GetRoot().Statements);
        }
        finally
        {
            _trees.Pop();
        }
    }
}
