namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>cat</c>: standard input, and files of the module directory.</summary>
internal sealed class CatProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.Arguments.Count == 0)
        {
            return ProgramResult.Of([new OutputPart.Input()], 0);
        }

        var output = new List<OutputPart>();
        foreach (var arg in call.Arguments)
        {
            if (arg == "-")
            {
                output.Add(new OutputPart.Input());
            }
            else if (arg is not null && call.ReadFile(arg) is { } content)
            {
                output.Add(new OutputPart.Text(content));
            }
            else
            {
                output.Add(new OutputPart.Unknown(arg is null ? "the contents of a file whose name is not known" : $"the contents of `{arg}`"));
                return ProgramResult.Of(output, null);
            }
        }

        return ProgramResult.Of(output, 0);
    }
}
