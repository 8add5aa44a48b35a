using System.Text;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary><c>tr SET1 SET2</c> and <c>tr -d SET</c> with ranges and the upper/lower classes.</summary>
internal sealed class TrProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.KnownArguments is not { } args || call.Input is not { } input)
        {
            return ProgramResult.CannotKnow;
        }

        if (args is ["-d", var deleted])
        {
            var delete = Expand(deleted);
            return ProgramResult.Written(string.Concat(input.Where(c => !delete.Contains(c))));
        }

        if (args is not [var set1, var set2] || args.Any(a => a.StartsWith('-')))
        {
            return ProgramResult.CannotKnow;
        }

        var from = Expand(set1);
        var to = Expand(set2);
        return to.Length == 0 ? ProgramResult.CannotKnow : ProgramResult.Written(Translate(input, from, to));
    }

    private static string Translate(string input, string from, string to)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            var index = from.IndexOf(c);
            builder.Append(index < 0 ? c : to[Math.Min(index, to.Length - 1)]);
        }

        return builder.ToString();
    }

    private static string Expand(string set)
    {
        set = set.Replace("[:upper:]", "A-Z", StringComparison.Ordinal).Replace("[:lower:]", "a-z", StringComparison.Ordinal);
        var builder = new StringBuilder();
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                for (var c = set[i]; c <= set[i + 2]; c++)
                {
                    builder.Append(c);
                }

                i += 2;
            }
            else
            {
                builder.Append(set[i]);
            }
        }

        return builder.ToString();
    }
}
