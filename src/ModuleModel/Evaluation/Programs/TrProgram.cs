using System.Text;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// <c>tr SET1 SET2</c>, <c>tr -d SET</c>, <c>tr -s SET [SET2]</c> and <c>tr -ds SET1 SET2</c>, with ranges,
/// the named classes and backslash escapes, over ASCII sets.
/// </summary>
internal sealed class TrProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.KnownArguments is not { } args || call.Input is not { } input)
        {
            return ProgramResult.CannotKnow;
        }

        var options = args.TakeWhile(a => a.StartsWith('-') && a.Length > 1).ToList();
        var flags = string.Concat(options.Select(o => o[1..]));
        var sets = args.Skip(options.Count).Select(TrSet.Parse).ToList();
        if (flags.Any(c => c is not ('d' or 's')) || sets.Any(set => set is null) || !ClassesAligned(args.Skip(options.Count).ToList()))
        {
            return ProgramResult.CannotKnow;
        }

        var output = (flags.Contains('d'), flags.Contains('s'), sets) switch
        {
            (true, false, [var delete]) => Delete(input, delete!),
            (true, true, [var delete, var squeeze]) => Squeeze(Delete(input, delete!), squeeze!),
            (false, true, [var squeeze]) => Squeeze(input, squeeze!),
            (false, true, [var from, { Length: > 0 } to]) => Squeeze(Translate(input, from!, to), to),
            (false, false, [var from, { Length: > 0 } to]) => Translate(input, from!, to),
            _ => null,
        };
        return output is null ? ProgramResult.CannotKnow : ProgramResult.Written(output);
    }

    /// <summary>
    /// A class in the second set is only <c>[:upper:]</c> or <c>[:lower:]</c> facing the other one in the
    /// first set (case conversion); tr rejects the rest, and anything subtler is not emulated.
    /// </summary>
    private static bool ClassesAligned(List<string> sets)
        => sets.Count < 2 || !sets[1].Contains("[:", StringComparison.Ordinal)
            || (sets[0], sets[1]) is ("[:lower:]", "[:upper:]") or ("[:upper:]", "[:lower:]");

    private static string Delete(string input, string set) => string.Concat(input.Where(c => !set.Contains(c)));

    /// <summary>Replaces each run of one character of <paramref name="set"/> by that character once.</summary>
    private static string Squeeze(string input, string set)
    {
        var builder = new StringBuilder(input.Length);
        foreach (var c in input)
        {
            if (builder.Length == 0 || builder[^1] != c || !set.Contains(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Maps each character of <paramref name="from"/> to the one at its place in <paramref name="to"/>, which its last character pads; a later mapping of the same character wins.</summary>
    private static string Translate(string input, string from, string to)
    {
        var map = new Dictionary<char, char>();
        for (var i = 0; i < from.Length; i++)
        {
            map[from[i]] = to[Math.Min(i, to.Length - 1)];
        }

        return string.Concat(input.Select(c => map.GetValueOrDefault(c, c)));
    }
}

/// <summary>A set of <c>tr</c> written out as its characters, in order.</summary>
internal static class TrSet
{
    /// <summary>The characters of the set; null for what is not emulated (<c>[=c=]</c>, <c>[c*n]</c>, non-ASCII) or an error (a reversed range).</summary>
    public static string? Parse(string set)
    {
        var chars = new StringBuilder();
        var i = 0;
        while (i < set.Length)
        {
            if (set[i] == '[' && set.IndexOf(']', i + 1) is var close and > 0 && (set[i + 1] is '=' or ':' || set[(i + 1)..close].Contains('*')))
            {
                if (set[i + 1] != ':' || CharacterClass.Members(set[(i + 2)..(close - 1)]) is not { } members || set[close - 1] != ':')
                {
                    return null;
                }

                chars.Append(members);
                i = close + 1;
                continue;
            }

            var low = ReadChar(set, ref i);
            if (i + 1 < set.Length && set[i] == '-')
            {
                i++;
                var high = ReadChar(set, ref i);
                if (high < low)
                {
                    return null;
                }

                chars.Append(Enumerable.Range(low, high - low + 1).Select(c => (char)c).ToArray());
                continue;
            }

            chars.Append(low);
        }

        var text = chars.ToString();
        return text.Any(c => c > '\x7f') ? null : text;
    }

    /// <summary>One character of the set, a backslash escape read as one.</summary>
    private static char ReadChar(string set, ref int i)
    {
        if (set[i] != '\\' || i + 1 >= set.Length)
        {
            return set[i++];
        }

        // tr knows the escapes of dash's printf but \e; after any other backslash, the character stands for itself.
        var builder = new StringBuilder();
        var end = set[i + 1] == 'e' ? i + 1 : DashEscapes.AppendEscape(set, i + 1, builder);
        if (end == i + 1)
        {
            i += 2;
            return set[i - 1];
        }

        i = end;
        return builder[0];
    }
}
