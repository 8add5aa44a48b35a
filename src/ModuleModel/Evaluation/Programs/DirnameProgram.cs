namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>dirname PATH</c>.</summary>
internal sealed class DirnameProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.Arguments is not [{ } path])
        {
            return ProgramResult.NotEmulated;
        }

        var directory = Path.GetDirectoryName(path.TrimEnd('/'));
        return ProgramResult.Written((string.IsNullOrEmpty(directory) ? "." : directory) + "\n");
    }
}
