namespace ConfigConvert.ShellParser.Tests;

/// <summary>
/// Seeded mutations of a script: inserting and deleting the characters and words that shell syntax
/// turns on (quotes, <c>$</c>, braces, parentheses, backslashes, line breaks, keywords). The same seed
/// always gives the same text, so a failure names the seed that reproduces it.
/// </summary>
internal static class ShellMutator
{
    private static readonly string[] Insertions =
    [
        "'", "\"", "`", "$", "{", "}", "(", ")", "\\", "\n", ";", "|", "&", " ", "\t", "#", "if ", "then ", "fi", "do ", "done",
        "case ", "esac", ";;", "$(", "${", "$((", "))", "<<EOF\n", "<<-'X'\n", "\\\n", "in ", "else ", "elif ", "!", "<", ">", "2>&1", "=",
        "{ ", " }", "\r\n", "\"$", "\\`", "$'", "for x in ", "while ", "done;", "f() ",
    ];

    public static string Mutate(string text, int seed)
    {
        var random = new Random(seed);
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            var position = text.Length == 0 ? 0 : random.Next(text.Length + 1);
            switch (random.Next(4))
            {
                case 0 when position < text.Length:
                    text = text.Remove(position, Math.Min(1 + random.Next(4), text.Length - position));
                    break;
                case 1 when position < text.Length:
                    text = text.Remove(position, 1);
                    break;
                default:
                    text = text.Insert(position, Insertions[random.Next(Insertions.Length)]);
                    break;
            }
        }

        return text;
    }
}
