using System.Text;
using System.Text.RegularExpressions;
using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// Shell pattern matching (<c>*</c>, <c>?</c>, <c>[...]</c>, backslash), for case and <c>${x#pattern}</c>. A pattern is
/// read into steps (a star, or one character: a literal, any, or a bracket set) and run over the text once, keeping
/// every step the characters read so far can have reached: time linear in the text times the pattern. A backtracking
/// regex took exponential time on a pattern like <c>*a*a*a*a*b</c> (as dash does: minutes for 46 characters), and
/// trying each prefix or suffix of a long value in turn took quadratic time (37 s for <c>${x%a}</c> of 100,000
/// characters).
/// </summary>
internal static class Glob
{
    public static bool Matches(string pattern, string text) => Steps.Of(pattern).MatchedLengths(text, fromEnd: false)[text.Length];

    /// <summary>Quotes every pattern character, for text that was quoted in the script.</summary>
    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '*' or '?' or '[' or ']' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary><c>${x#p}</c> (shortest prefix), <c>##</c> (longest), <c>%</c> (shortest suffix), <c>%%</c> (longest).</summary>
    public static string RemoveAffix(string text, string pattern, string op)
    {
        if (op is not ("#" or "##" or "%" or "%%"))
        {
            return text;
        }

        var fromEnd = op is "%" or "%%";
        var matched = Steps.Of(pattern).MatchedLengths(text, fromEnd);
        var length = op is "#" or "%" ? Array.IndexOf(matched, true) : Array.LastIndexOf(matched, true);
        return length < 0 ? text : fromEnd ? text[..(text.Length - length)] : text[length..];
    }

    /// <summary>A pattern's steps, in order.</summary>
    private sealed class Steps
    {
        private readonly Step[] _steps;

        private Steps(Step[] steps) => _steps = steps;

        public static Steps Of(string pattern)
        {
            var steps = new List<Step>();
            for (var i = 0; i < pattern.Length; i++)
            {
                Step step;
                if (pattern[i] == '[' && Bracket(pattern, i) is ({ } set, var end))
                {
                    (step, i) = (Step.Set(set), end);
                }
                else
                {
                    step = pattern[i] switch
                    {
                        '*' => Step.Star,
                        '?' => Step.AnyCharacter,
                        '\\' when i + 1 < pattern.Length => Step.Literal(pattern[++i]),
                        var c => Step.Literal(c),
                    };
                }

                // Stars in a row match what one does.
                if (!(step.IsStar && steps.Count > 0 && steps[^1].IsStar))
                {
                    steps.Add(step);
                }
            }

            return new Steps([.. steps]);
        }

        /// <summary>
        /// For each length from 0 to the text's, whether the pattern matches that many characters from the start of
        /// <paramref name="text"/> (from its end, <paramref name="fromEnd"/>: the steps then run backwards, as a pattern
        /// of single characters and stars matches a text exactly when its reverse matches the text's reverse).
        /// </summary>
        public bool[] MatchedLengths(string text, bool fromEnd)
        {
            var steps = fromEnd ? [.. _steps.Reverse()] : _steps;
            var matched = new bool[text.Length + 1];
            var reached = new bool[steps.Length + 1];
            var next = new bool[steps.Length + 1];
            reached[0] = true;
            PassStars(steps, reached);
            matched[0] = reached[steps.Length];
            for (var read = 0; read < text.Length; read++)
            {
                var c = fromEnd ? text[text.Length - 1 - read] : text[read];
                if (!Advance(steps, reached, next, c))
                {
                    break;
                }

                (reached, next) = (next, reached);
                matched[read + 1] = reached[steps.Length];
            }

            return matched;
        }

        // The steps reached once one more character is read; false when there is none.
        private static bool Advance(Step[] steps, bool[] reached, bool[] next, char c)
        {
            Array.Clear(next);
            var any = false;
            for (var k = 0; k < steps.Length; k++)
            {
                if (reached[k] && (steps[k].IsStar || steps[k].Accepts(c)))
                {
                    next[steps[k].IsStar ? k : k + 1] = any = true;
                }
            }

            PassStars(steps, next);
            return any;
        }

        // A star may match nothing: where one is reached, so is the step after it.
        private static void PassStars(Step[] steps, bool[] reached)
        {
            for (var k = 0; k < steps.Length; k++)
            {
                reached[k + 1] |= reached[k] && steps[k].IsStar;
            }
        }
    }

    /// <summary>A star, or one character: <see cref="Accepts"/> says which.</summary>
    private sealed class Step
    {
        private readonly char _literal;
        private readonly Regex? _set;
        private readonly bool _any;

        private Step(bool isStar, char literal, Regex? set, bool any) => (IsStar, _literal, _set, _any) = (isStar, literal, set, any);

        public static Step Star { get; } = new(true, '\0', null, false);

        public static Step AnyCharacter { get; } = new(false, '\0', null, true);

        public bool IsStar { get; }

        public static Step Literal(char c) => new(false, c, null, false);

        /// <summary>A bracket expression, as the .NET class <see cref="Bracket"/> made of it.</summary>
        public static Step Set(string set) => new(false, '\0', new Regex(set, RegexOptions.CultureInvariant), false);

        public bool Accepts(char c) => _any || (_set is null ? c == _literal : _set.IsMatch(new ReadOnlySpan<char>(in c)));
    }

    /// <summary>
    /// The bracket expression at <paramref name="start"/> as a .NET class, and the index of its closing
    /// bracket; null when it has none (the <c>[</c> then stands for itself). As in dash, <c>!</c> negates
    /// (<c>^</c> does not), a first <c>]</c> is a member, and a backslash quotes the next character.
    /// </summary>
    private static (string? Set, int End) Bracket(string pattern, int start)
    {
        var set = new StringBuilder("[");
        var i = start + 1;
        if (i < pattern.Length && pattern[i] == '!')
        {
            set.Append('^');
            i++;
        }

        for (var first = true; i < pattern.Length && (first || pattern[i] != ']'); first = false)
        {
            var afterClass = CharacterClass.AppendNamed(pattern, i, set);
            if (afterClass >= 0)
            {
                i = afterClass;
                continue;
            }

            var low = ReadMember(pattern, ref i);
            var high = low;
            if (i + 1 < pattern.Length && pattern[i] == '-' && pattern[i + 1] != ']')
            {
                i++;
                high = ReadMember(pattern, ref i);
            }

            // A reversed range has no members.
            if (low <= high)
            {
                CharacterClass.AppendLiteral(set, low);
                set.Append('-');
                CharacterClass.AppendLiteral(set, high);
            }
        }

        if (i >= pattern.Length)
        {
            return (null, start);
        }

        // A set left without members matches no character (negated, any character).
        var text = set.ToString() switch
        {
            "[" => "(?!)",
            "[^" => "[\\s\\S]",
            var members => members + "]",
        };
        return (text, i);
    }

    private static char ReadMember(string pattern, ref int i)
    {
        if (pattern[i] == '\\' && i + 1 < pattern.Length)
        {
            i++;
        }

        return pattern[i++];
    }
}
