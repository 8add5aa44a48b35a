using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// POSIX regular expressions, basic or extended, with GNU's extensions (<c>\+</c>, <c>\?</c>, <c>\|</c>,
/// <c>\w</c>, <c>\&lt;</c>...), as .NET ones, for sed and grep. What has no faithful translation is
/// refused, so that the program's output becomes unknown instead of wrong.
/// </summary>
internal static class PosixRegex
{
    /// <summary>How long one match may take before the program's output is taken as unknown.</summary>
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The expression as a .NET regex; null when it is invalid, uses what is not emulated, or (with
    /// <paramref name="refuseAlternation"/>) has an alternation: POSIX takes the longest alternative
    /// where .NET takes the first, which matters when the match is replaced.
    /// </summary>
    public static Regex? TryCreate(string pattern, bool extended, bool ignoreCase = false, bool refuseAlternation = false)
        => Translate(pattern, extended) is { } translation && !(refuseAlternation && translation.HasAlternation)
            ? Create(translation.Pattern, ignoreCase)
            : null;

    /// <summary>Several expressions (grep's newline-separated patterns), any of which may match; <paramref name="fixedStrings"/> takes them as plain text.</summary>
    public static Regex? TryCreateAny(IEnumerable<string> patterns, bool extended, bool fixedStrings, bool ignoreCase, bool wholeWords)
    {
        var alternatives = new List<string>();
        foreach (var pattern in patterns)
        {
            if ((fixedStrings ? Regex.Escape(pattern) : Translate(pattern, extended)?.Pattern) is not { } translated)
            {
                return null;
            }

            alternatives.Add("(?:" + translated + ")");
        }

        var any = string.Join('|', alternatives);

        // grep -w: the match must have no word character just before or after it.
        return Create(wholeWords ? $"(?<![A-Za-z0-9_])(?:{any})(?![A-Za-z0-9_])" : any, ignoreCase);
    }

    private static Regex? Create(string pattern, bool ignoreCase)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | (ignoreCase ? RegexOptions.IgnoreCase : RegexOptions.None), MatchTimeout);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private sealed record Translation(string Pattern, bool HasAlternation);

    private static Translation? Translate(string pattern, bool extended)
    {
        var builder = new StringBuilder();
        var alternation = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            string? piece;
            if (pattern[i] == '[')
            {
                piece = Bracket(pattern, ref i);
            }
            else if (pattern[i] == '\\')
            {
                piece = i + 1 < pattern.Length ? Escape(pattern[++i], extended) : null;
                alternation |= !extended && pattern[i] == '|';
            }
            else
            {
                piece = extended ? ExtendedCharacter(pattern[i]) : BasicCharacter(pattern, i);
                alternation |= extended && pattern[i] == '|';
            }

            if (piece is null)
            {
                return null;
            }

            builder.Append(piece);
        }

        return new Translation(builder.ToString(), alternation);
    }

    /// <summary>A backslash and <paramref name="c"/>: an operator of basic expressions, a GNU escape, or the character itself.</summary>
    private static string? Escape(char c, bool extended) => c switch
    {
        '(' or ')' or '{' or '}' or '+' or '?' or '|' => extended ? "\\" + c : c.ToString(),
        >= '1' and <= '9' => "\\" + c,
        'n' => "\\n",
        't' => "\\t",
        'w' or 'W' or 's' or 'S' or 'b' or 'B' => "\\" + c,
        '<' => "\\b(?=\\w)",
        '>' => "\\b(?<=\\w)",
        '`' => "\\A",
        '\'' => "\\z",

        // Other letters are GNU escapes this does not emulate (\cX, \dNNN, \oNNN, \xHH...).
        _ when char.IsAsciiLetterOrDigit(c) => null,
        _ => Regex.Escape(c.ToString()),
    };

    private static string ExtendedCharacter(char c)
        => c is '^' or '$' or '.' or '*' or '+' or '?' or '(' or ')' or '|' or '{' or '}' ? c.ToString() : Regex.Escape(c.ToString());

    /// <summary>
    /// An unescaped character of a basic expression: <c>( ) { } + ? |</c> stand for themselves; <c>*</c>
    /// at the start, <c>^</c> not at the start and <c>$</c> not at the end stand for themselves too.
    /// </summary>
    private static string BasicCharacter(string pattern, int i) => pattern[i] switch
    {
        '(' or ')' or '{' or '}' or '+' or '?' or '|' => "\\" + pattern[i],
        '*' when StartsExpression(pattern, i) || (pattern[i - 1] == '^' && StartsExpression(pattern, i - 1)) => "\\*",
        '^' when !StartsExpression(pattern, i) => "\\^",
        '$' when !EndsExpression(pattern, i) => "\\$",
        '.' or '*' or '^' or '$' => pattern[i].ToString(),
        var c => Regex.Escape(c.ToString()),
    };

    private static bool StartsExpression(string pattern, int i)
        => i == 0 || (i >= 2 && pattern[i - 2] == '\\' && pattern[i - 1] is '(' or '|');

    private static bool EndsExpression(string pattern, int i)
        => i == pattern.Length - 1 || (i + 2 < pattern.Length && pattern[i + 1] == '\\' && pattern[i + 2] is ')' or '|');

    /// <summary>
    /// The bracket expression that starts at <paramref name="i"/> as a .NET class; <paramref name="i"/>
    /// ends on its closing bracket. Null when it is unterminated or uses equivalence or collating classes.
    /// </summary>
    private static string? Bracket(string pattern, ref int i)
    {
        var builder = new StringBuilder("[");
        var j = i + 1;
        if (j < pattern.Length && pattern[j] == '^')
        {
            builder.Append('^');
            j++;
        }

        for (var first = true; j < pattern.Length && (first || pattern[j] != ']'); first = false)
        {
            if (pattern[j] == '[' && j + 1 < pattern.Length && pattern[j + 1] is ':' or '=' or '.')
            {
                j = CharacterClass.AppendNamed(pattern, j, builder);
                if (j < 0)
                {
                    return null;
                }

                continue;
            }

            j = AppendMember(pattern, j, builder);
            if (j < 0)
            {
                return null;
            }
        }

        if (j >= pattern.Length)
        {
            return null;
        }

        i = j;
        return builder.Append(']').ToString();
    }

    /// <summary>Appends a character or a range <c>a-z</c> of a bracket expression; returns the index after it, or -1 for a reversed range.</summary>
    private static int AppendMember(string pattern, int j, StringBuilder builder)
    {
        var low = pattern[j];
        CharacterClass.AppendLiteral(builder, low);
        if (j + 2 < pattern.Length && pattern[j + 1] == '-' && pattern[j + 2] != ']')
        {
            var high = pattern[j + 2];
            if (high < low)
            {
                return -1;
            }

            builder.Append('-');
            CharacterClass.AppendLiteral(builder, high);
            return j + 3;
        }

        return j + 1;
    }
}
