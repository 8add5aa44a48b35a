namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>dash's builtin <c>echo</c>: <c>-n</c> as the first argument, and backslash escapes, where <c>\c</c> ends the output.</summary>
internal sealed class EchoProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        var args = call.Arguments;
        var first = args.Count > 0 && args[0] == "-n" ? 1 : 0;
        var output = new List<OutputPart>();
        for (var i = first; i < args.Count; i++)
        {
            if (i > first)
            {
                output.Add(new OutputPart.Text(" "));
            }

            if (args[i] is not { } text || !text.Contains('\\'))
            {
                // Written as it was given, keeping where it came from (an unknown argument stays unknown).
                output.Add(new OutputPart.Argument(i));
                continue;
            }

            output.Add(new OutputPart.Text(DashEscapes.ExpandEcho(text, out var stop), i));
            if (stop)
            {
                return ProgramResult.Of(output, 0);
            }
        }

        if (first == 0)
        {
            output.Add(new OutputPart.Text("\n"));
        }

        return ProgramResult.Of(output, 0);
    }
}
