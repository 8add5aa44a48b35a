using System.Text;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>dash's builtin <c>printf</c>: a format with <c>%</c> directives and backslash escapes, reused while arguments remain.</summary>
internal sealed class PrintfProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.KnownArguments is not { Count: > 0 } args)
        {
            return ProgramResult.Of([new OutputPart.Unknown("the output of printf")], call.Arguments.Count == 0 ? 1 : 0);
        }

        var format = args[0];
        var values = args.Skip(1).ToList();
        var builder = new StringBuilder();
        var next = 0;
        do
        {
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '\\' && i + 1 < format.Length)
                {
                    var e = format[++i];
                    builder.Append(e switch { 'n' => "\n", 't' => "\t", '\\' => "\\", _ => "\\" + e });
                }
                else if (c == '%' && i + 1 < format.Length)
                {
                    var spec = format[++i];
                    if (spec == '%')
                    {
                        builder.Append('%');
                        continue;
                    }

                    builder.Append(next < values.Count ? values[next] : string.Empty);
                    next++;
                }
                else
                {
                    builder.Append(c);
                }
            }
        }
        while (next > 0 && next < values.Count);

        return ProgramResult.Written(builder.ToString());
    }
}
