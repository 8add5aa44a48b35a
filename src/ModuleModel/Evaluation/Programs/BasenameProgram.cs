namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>basename PATH</c> (a suffix to remove is not emulated).</summary>
internal sealed class BasenameProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.Arguments is not [{ } path])
        {
            return ProgramResult.NotEmulated;
        }

        return ProgramResult.Written(Path.GetFileName(path.TrimEnd('/')) + "\n");
    }
}
