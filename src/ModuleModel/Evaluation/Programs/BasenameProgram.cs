namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>basename PATH</c> as GNU coreutils writes it (a suffix to remove is not emulated).</summary>
internal sealed class BasenameProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.Arguments is not [{ } path])
        {
            return ProgramResult.NotEmulated;
        }

        var start = PathComponents.LastComponentStart(path);
        var name = start == path.Length && path.Length > 0 ? "/" : path[start..].TrimEnd('/');
        return ProgramResult.Written(name + "\n");
    }
}
