using System.Globalization;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>Integer arithmetic of <c>$((...))</c>: + - * / % comparisons, parentheses, variables.</summary>
internal static class Arithmetic
{
    public static bool TryEvaluate(string text, Func<string, string?> variable, out long result)
    {
        var parser = new ExpressionParser(text, variable);
        try
        {
            result = parser.ParseComparison();
            parser.SkipBlanks();
            return parser.AtEnd;
        }
        catch (FormatException)
        {
        }
        catch (DivideByZeroException)
        {
        }
        catch (OverflowException)
        {
        }

        result = 0;
        return false;
    }

    private sealed class ExpressionParser(string text, Func<string, string?> variable)
    {
        private int _pos;

        public bool AtEnd => _pos >= text.Length;

        public void SkipBlanks()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        public long ParseComparison()
        {
            var left = ParseSum();
            while (true)
            {
                SkipBlanks();
                var op = new[] { "<=", ">=", "==", "!=", "<", ">" }.FirstOrDefault(o => string.CompareOrdinal(text, _pos, o, 0, o.Length) == 0);
                if (op is null)
                {
                    return left;
                }

                _pos += op.Length;
                var right = ParseSum();
                left = op switch
                {
                    "<=" => left <= right ? 1 : 0,
                    ">=" => left >= right ? 1 : 0,
                    "==" => left == right ? 1 : 0,
                    "!=" => left != right ? 1 : 0,
                    "<" => left < right ? 1 : 0,
                    _ => left > right ? 1 : 0,
                };
            }
        }

        private long ParseSum()
        {
            var left = ParseProduct();
            while (true)
            {
                SkipBlanks();
                if (_pos < text.Length && text[_pos] is '+' or '-')
                {
                    var op = text[_pos++];
                    var right = ParseProduct();
                    left = checked(op == '+' ? left + right : left - right);
                }
                else
                {
                    return left;
                }
            }
        }

        private long ParseProduct()
        {
            var left = ParseUnary();
            while (true)
            {
                SkipBlanks();
                if (_pos < text.Length && text[_pos] is '*' or '/' or '%')
                {
                    var op = text[_pos++];
                    var right = ParseUnary();
                    left = op switch
                    {
                        '*' => checked(left * right),
                        '/' => left / right,
                        _ => left % right,
                    };
                }
                else
                {
                    return left;
                }
            }
        }

        private long ParseUnary()
        {
            SkipBlanks();
            if (_pos < text.Length && text[_pos] is '-' or '+')
            {
                var negative = text[_pos++] == '-';
                var value = ParseUnary();
                return negative ? -value : value;
            }

            if (_pos < text.Length && text[_pos] == '(')
            {
                _pos++;
                var value = ParseComparison();
                SkipBlanks();
                if (_pos >= text.Length || text[_pos] != ')')
                {
                    throw new FormatException();
                }

                _pos++;
                return value;
            }

            var start = _pos;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            var token = text[start.._pos];
            if (token.Length == 0)
            {
                throw new FormatException();
            }

            if (char.IsAsciiDigit(token[0]))
            {
                return long.Parse(token, CultureInfo.InvariantCulture);
            }

            var value2 = variable(token) ?? throw new FormatException();
            return value2.Length == 0 ? 0 : long.Parse(value2.Trim(), CultureInfo.InvariantCulture);
        }
    }
}
