using System.Globalization;
using System.Text;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// The named classes of POSIX bracket expressions (<c>[:alpha:]</c>...) in the C locale, and pieces of
/// .NET character classes, for regular expressions, shell patterns and <c>tr</c>.
/// </summary>
internal static class CharacterClass
{
    private static readonly HashSet<string> Names = ["alpha", "digit", "alnum", "upper", "lower", "space", "blank", "punct", "xdigit", "cntrl", "print", "graph"];

    /// <summary>The characters of a named class (<c>alpha</c>, <c>digit</c>...), in order; null for a name POSIX does not define.</summary>
    public static string? Members(string name)
    {
        if (!Names.Contains(name))
        {
            return null;
        }

        var members = new StringBuilder();
        for (var c = (char)0; c < 128; c++)
        {
            if (IsMember(name, c))
            {
                members.Append(c);
            }
        }

        return members.ToString();
    }

    /// <summary>
    /// When a named class (<c>[:name:]</c>) starts at <paramref name="start"/>, appends its members to a
    /// .NET class and returns the index after it; otherwise returns -1 and appends nothing.
    /// </summary>
    public static int AppendNamed(string text, int start, StringBuilder builder)
    {
        if (string.CompareOrdinal(text, start, "[:", 0, 2) != 0)
        {
            return -1;
        }

        var end = text.IndexOf(":]", start + 2, StringComparison.Ordinal);
        if (end < 0 || Members(text[(start + 2)..end]) is not { } members)
        {
            return -1;
        }

        foreach (var c in members)
        {
            AppendLiteral(builder, c);
        }

        return end + 2;
    }

    /// <summary>Appends one character that stands for itself inside a .NET class.</summary>
    public static void AppendLiteral(StringBuilder builder, char c)
    {
        if (c < ' ' || c == '\x7f')
        {
            builder.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
            return;
        }

        if (c is '\\' or ']' or '[' or '^' or '-')
        {
            builder.Append('\\');
        }

        builder.Append(c);
    }

    private static bool IsMember(string name, char c) => name switch
    {
        "alpha" => char.IsAsciiLetter(c),
        "digit" => char.IsAsciiDigit(c),
        "alnum" => char.IsAsciiLetterOrDigit(c),
        "upper" => char.IsAsciiLetterUpper(c),
        "lower" => char.IsAsciiLetterLower(c),
        "space" => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v',
        "blank" => c is ' ' or '\t',
        "punct" => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c),
        "xdigit" => char.IsAsciiHexDigit(c),
        "cntrl" => c is < ' ' or '\x7f',
        "print" => c is >= ' ' and < '\x7f',
        _ => c is > ' ' and < '\x7f',
    };
}
