using System.Text;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>dash's builtin <c>echo</c>: <c>-n</c> as the first argument, and backslash escapes.</summary>
internal sealed class EchoProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        var args = call.Arguments;
        var first = args.Count > 0 && args[0] == "-n" ? 1 : 0;
        var newline = first == 0;
        var output = new List<OutputPart>();
        for (var i = first; i < args.Count; i++)
        {
            if (i > first)
            {
                output.Add(new OutputPart.Text(" "));
            }

            // An argument without escapes (or not known) is written as it was given, keeping where it came from.
            output.Add(args[i] is { } text && text.Contains('\\') ? new OutputPart.Text(Escapes(text, ref newline), i) : new OutputPart.Argument(i));
        }

        if (newline)
        {
            output.Add(new OutputPart.Text("\n"));
        }

        return ProgramResult.Of(output, 0);
    }

    // dash's echo interprets backslash escapes, and \c ends the output.
    private static string Escapes(string text, ref bool newline)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\' || i + 1 >= text.Length)
            {
                builder.Append(text[i]);
                continue;
            }

            var c = text[++i];
            switch (c)
            {
                case 'n': builder.Append('\n'); break;
                case 't': builder.Append('\t'); break;
                case '\\': builder.Append('\\'); break;
                case 'c':
                    newline = false;
                    return builder.ToString();
                default: builder.Append('\\').Append(c); break;
            }
        }

        return builder.ToString();
    }
}
