using System.Text.RegularExpressions;
using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// dash's arithmetic, <c>$((...))</c>: 64-bit integers that wrap, C's operators and precedence
/// (<c>?:</c>, <c>|| &amp;&amp;</c>, bitwise, comparisons, shifts, <c>+ - * / %</c>, unary <c>- + ! ~</c>),
/// assignments, decimal, <c>0x</c> hexadecimal and <c>0</c> octal numbers, and variables holding numbers.
/// </summary>
internal static partial class Arithmetic
{
    /// <summary>
    /// Evaluates <paramref name="text"/>; <paramref name="variable"/> gives a variable's value (null
    /// when not known). <paramref name="assigned"/> holds the variables its assignments (<c>i=i+1</c>,
    /// <c>i+=1</c>) set, with their last values. False when dash would stop with an error (division by
    /// zero, a word that is not a number...) or when a value is not known.
    /// </summary>
    public static bool TryEvaluate(string text, Func<string, string?> variable, out long result, out IReadOnlyDictionary<string, long> assigned)
    {
        var parser = new ExpressionParser(text, variable);
        assigned = parser.Assigned;
        try
        {
            result = parser.ParseExpression(evaluate: true);
            parser.SkipBlanks();
            return parser.AtEnd;
        }
        catch (Exception e) when (e is FormatException or DivideByZeroException or OverflowException)
        {
            result = 0;
            return false;
        }
    }

    /// <summary>The variables an expression assigns (<c>name=</c>, <c>name+=</c>...), found without evaluating it.</summary>
    public static IEnumerable<string> AssignedNames(string text)
        => AssignmentPattern().Matches(text).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex(@"(?<![A-Za-z0-9_])([A-Za-z_][A-Za-z0-9_]*)\s*(?:<<|>>|[-+*/%&^|])?=(?!=)")]
    private static partial Regex AssignmentPattern();

    /// <summary>A recursive-descent reader that evaluates as it reads; a branch not taken is read without evaluating it.</summary>
    private sealed class ExpressionParser(string text, Func<string, string?> variable)
    {
        /// <summary>The binary operators from the loosest to the tightest binding, as in C.</summary>
        private static readonly string[][] Levels =
        [
            ["||"], ["&&"], ["|"], ["^"], ["&"], ["==", "!="], ["<", "<=", ">", ">="], ["<<", ">>"], ["+", "-"], ["*", "/", "%"],
        ];

        /// <summary>Every operator, longest first, so that reading one never takes a prefix of another.</summary>
        private static readonly string[] Operators =
        [
            "<<=", ">>=", "&&", "||", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
            "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "=", "?", ":", "!", "~",
        ];

        private int _pos;

        /// <summary>The variables assigned so far, which later reads in the expression see.</summary>
        public Dictionary<string, long> Assigned { get; } = new(StringComparer.Ordinal);

        public bool AtEnd => _pos >= text.Length;

        public void SkipBlanks()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        /// <summary><c>name = value</c> (or <c>+=</c>...), <c>condition ? a : b</c>, or a binary expression.</summary>
        public long ParseExpression(bool evaluate)
        {
            if (ReadAssignment() is var (name, op))
            {
                var right = ParseExpression(evaluate);
                if (!evaluate)
                {
                    return 0;
                }

                var value = op == "=" ? right : Apply(op[..^1], Lookup(name), right);
                Assigned[name] = value;
                return value;
            }

            var condition = ParseBinary(0, evaluate);
            if (PeekOperator() != "?")
            {
                return condition;
            }

            _pos++;
            var whenTrue = ParseExpression(evaluate && condition != 0);
            Expect(':');
            var whenFalse = ParseExpression(evaluate && condition == 0);
            return condition != 0 ? whenTrue : whenFalse;
        }

        private long ParseBinary(int level, bool evaluate)
        {
            if (level == Levels.Length)
            {
                return ParseUnary(evaluate);
            }

            var left = ParseBinary(level + 1, evaluate);
            while (PeekOperator() is { } op && Levels[level].Contains(op))
            {
                _pos += op.Length;

                // The right side of && and || is only evaluated when it decides the result.
                var evaluateRight = evaluate && op switch { "&&" => left != 0, "||" => left == 0, _ => true };
                var right = ParseBinary(level + 1, evaluateRight);
                left = evaluate ? Apply(op, left, right) : 0;
            }

            return left;
        }

        private static long Apply(string op, long left, long right) => op switch
        {
            "||" => left != 0 || right != 0 ? 1 : 0,
            "&&" => left != 0 && right != 0 ? 1 : 0,
            "|" => left | right,
            "^" => left ^ right,
            "&" => left & right,
            "==" => left == right ? 1 : 0,
            "!=" => left != right ? 1 : 0,
            "<" => left < right ? 1 : 0,
            "<=" => left <= right ? 1 : 0,
            ">" => left > right ? 1 : 0,
            ">=" => left >= right ? 1 : 0,
            "<<" => left << (int)right,
            ">>" => left >> (int)right,
            "+" => unchecked(left + right),
            "-" => unchecked(left - right),
            "*" => unchecked(left * right),
            "/" => left / right,
            _ => left % right,
        };

        private long ParseUnary(bool evaluate)
        {
            var op = PeekOperator();
            if (op is "-" or "+" or "!" or "~")
            {
                _pos++;
                var operand = ParseUnary(evaluate);
                return op switch { "-" => unchecked(0 - operand), "+" => operand, "!" => operand == 0 ? 1 : 0, _ => ~operand };
            }

            SkipBlanks();
            if (_pos < text.Length && text[_pos] == '(')
            {
                _pos++;
                var value = ParseExpression(evaluate);
                Expect(')');
                return value;
            }

            return ParsePrimary(evaluate);
        }

        /// <summary>A number, or a variable whose value must be a number (an unset or empty one is 0).</summary>
        private long ParsePrimary(bool evaluate)
        {
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            var token = text[start.._pos];
            if (token.Length > 0 && char.IsAsciiDigit(token[0]))
            {
                // As dash's lexer: C's reading of a number; what follows it is the next token (`08` is 0 then 8).
                if (!CNumber.TryRead(token, out var number, out var end))
                {
                    throw new FormatException();
                }

                _pos = start + end;
                return number;
            }

            if (token.Length == 0)
            {
                throw new FormatException();
            }

            return evaluate ? Lookup(token) : 0;
        }

        private long Lookup(string name)
        {
            if (Assigned.TryGetValue(name, out var assigned))
            {
                return assigned;
            }

            var value = variable(name) ?? throw new FormatException();
            return value.Length == 0 ? 0 : CNumber.TryParseWhole(value, out var parsed) ? parsed : throw new FormatException();
        }

        /// <summary>A variable name and an assignment operator at the current position, read past; otherwise null, nothing read.</summary>
        private (string Name, string Op)? ReadAssignment()
        {
            SkipBlanks();
            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            var name = text[start.._pos];
            SkipBlanks();
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, _pos, o, 0, o.Length) == 0);
            if (name.Length > 0 && !char.IsAsciiDigit(name[0]) && op is not null && IsAssignment(op))
            {
                _pos += op.Length;
                return (name, op);
            }

            _pos = start;
            return null;
        }

        private static bool IsAssignment(string op) => op.EndsWith('=') && op is not ("==" or "!=" or "<=" or ">=");

        /// <summary>The operator at the current position, after blanks; an assignment here (to what is not a variable) is an error.</summary>
        private string? PeekOperator()
        {
            SkipBlanks();
            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, _pos, o, 0, o.Length) == 0);
            return op is not null && IsAssignment(op) ? throw new FormatException() : op;
        }

        private void Expect(char token)
        {
            SkipBlanks();
            if (_pos >= text.Length || text[_pos] != token)
            {
                throw new FormatException();
            }

            _pos++;
        }
    }
}
