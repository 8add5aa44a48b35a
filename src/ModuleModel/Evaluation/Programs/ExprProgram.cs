using System.Globalization;
using System.Numerics;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// <c>expr</c> as GNU coreutils evaluates it (dash has no builtin one): integers of any size with
/// <c>+ - * / %</c>, the comparisons, <c>|</c>, <c>&amp;</c> and parentheses, with POSIX's precedence.
/// Not emulated: regular expressions (<c>:</c>, <c>match</c>), the string functions, the quoting
/// <c>+</c>, options, and the order of two strings that are not integers (expr compares them in the
/// user's locale, which configure does not fix).
/// </summary>
internal sealed class ExprProgram : IEmulatedProgram
{
    /// <summary>Integers longer than this are left to the real expr, so that a loop squaring a number cannot make the model compute with millions of digits.</summary>
    private const int LongestInteger = 1000;

    public ProgramResult Run(ProgramCall call)
    {
        if (call.KnownArguments is not { } args
            || args is [{ Length: > 2 } first, ..] && first.StartsWith("--", StringComparison.Ordinal)
            || args.Any(a => a.Length > LongestInteger && ExprValue.LooksLikeInteger(a)))
        {
            // --help and --version (or their abbreviations) are options; "--" alone ends them.
            return ProgramResult.NotEmulated;
        }

        var parser = new Parser(args is ["--", ..] ? [.. args.Skip(1)] : args);
        var value = parser.Run();
        return parser.Failure switch
        {
            // An invalid expression, a non-integer argument or a division by zero: expr says so on standard error.
            Failure.Invalid => ProgramResult.Written(string.Empty, 2),
            Failure.NotEmulated => ProgramResult.NotEmulated,
            _ => ProgramResult.Written(value!.Text + "\n", value.IsNull ? 1 : 0),
        };
    }

    private enum Failure
    {
        None,
        Invalid,
        NotEmulated,
    }

    /// <summary>
    /// A descent over the arguments in expr's own order, each level told whether it is evaluated: the
    /// operand after <c>|</c> or <c>&amp;</c> that cannot change the result is parsed only, so its
    /// arithmetic cannot fail. Every method returns null once the run has failed.
    /// </summary>
    private sealed class Parser(IReadOnlyList<string> args)
    {
        private static readonly string[] Comparisons = ["=", "==", "!=", "<", "<=", ">", ">="];
        private static readonly string[] Sums = ["+", "-"];
        private static readonly string[] Products = ["*", "/", "%"];
        private static readonly string[] Functions = ["+", "length", "match", "index", "substr"];

        private int _next;

        public Failure Failure { get; private set; }

        public ExprValue? Run()
        {
            if (args.Count == 0)
            {
                return Fail(Failure.Invalid);
            }

            var value = Or(evaluate: true);
            return value is not null && _next < args.Count ? Fail(Failure.Invalid) : value;
        }

        private ExprValue? Or(bool evaluate)
        {
            var left = And(evaluate);
            while (left is not null && At("|"))
            {
                _next++;
                var right = And(evaluate && left.IsNull);
                left = right is null ? null : !left.IsNull ? left : right.IsNull ? ExprValue.Zero : right;
            }

            return left;
        }

        private ExprValue? And(bool evaluate)
        {
            var left = Comparison(evaluate);
            while (left is not null && At("&"))
            {
                _next++;
                var right = Comparison(evaluate && !left.IsNull);
                left = right is null ? null : left.IsNull || right.IsNull ? ExprValue.Zero : left;
            }

            return left;
        }

        private ExprValue? Comparison(bool evaluate) => Chain(evaluate, Comparisons, Sum, Compare);

        private ExprValue? Sum(bool evaluate) => Chain(evaluate, Sums, Product, Calculate);

        private ExprValue? Product(bool evaluate) => Chain(evaluate, Products, Match, Calculate);

        /// <summary>Left-associative operators of one precedence; what an operand not evaluated yields is never used.</summary>
        private ExprValue? Chain(bool evaluate, string[] operators, Func<bool, ExprValue?> operand, Func<string, ExprValue, ExprValue, ExprValue?> apply)
        {
            var left = operand(evaluate);
            while (left is not null && _next < args.Count && operators.Contains(args[_next]))
            {
                var op = args[_next++];
                var right = operand(evaluate);
                left = right is null ? null : evaluate ? apply(op, left, right) : ExprValue.Zero;
            }

            return left;
        }

        private ExprValue? Match(bool evaluate)
        {
            var value = Function(evaluate);
            return value is not null && At(":") ? Fail(Failure.NotEmulated) : value;
        }

        private ExprValue? Function(bool evaluate)
            => _next < args.Count && Functions.Contains(args[_next]) ? Fail(Failure.NotEmulated) : Primary(evaluate);

        private ExprValue? Primary(bool evaluate)
        {
            if (_next >= args.Count || At(")"))
            {
                return Fail(Failure.Invalid);
            }

            if (!At("("))
            {
                return ExprValue.Of(args[_next++]);
            }

            _next++;
            var value = Or(evaluate);
            if (value is not null && !At(")"))
            {
                return Fail(Failure.Invalid);
            }

            _next++;
            return value;
        }

        /// <summary>Two integers compare as numbers; other strings as the locale orders them, known here only for (in)equality.</summary>
        private ExprValue? Compare(string op, ExprValue left, ExprValue right)
        {
            if (left.Integer is { } a && right.Integer is { } b)
            {
                return ExprValue.Of(Holds(op, a.CompareTo(b)));
            }

            // Identical strings collate equal in any locale; distinct printable ASCII ones do not in glibc's.
            var same = left.Text == right.Text;
            return op is "=" or "==" or "!=" && (same || (IsPrintableAscii(left.Text) && IsPrintableAscii(right.Text)))
                ? ExprValue.Of(same == (op != "!="))
                : Fail(Failure.NotEmulated);
        }

        private ExprValue? Calculate(string op, ExprValue left, ExprValue right)
        {
            if (left.Integer is not { } a || right.Integer is not { } b || (op is "/" or "%" && b.IsZero))
            {
                return Fail(Failure.Invalid);
            }

            // BigInteger divides as GMP's tdiv does: the quotient truncated, the remainder of the dividend's sign.
            var result = op switch
            {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => a / b,
                _ => a % b,
            };
            return result.GetBitLength() > 4 * LongestInteger ? Fail(Failure.NotEmulated) : ExprValue.Of(result);
        }

        private static bool Holds(string op, int order) => op switch
        {
            "<" => order < 0,
            "<=" => order <= 0,
            "=" or "==" => order == 0,
            "!=" => order != 0,
            ">=" => order >= 0,
            _ => order > 0,
        };

        private static bool IsPrintableAscii(string text) => text.All(c => c is >= ' ' and <= '~');

        private bool At(string token) => _next < args.Count && args[_next] == token;

        private ExprValue? Fail(Failure failure)
        {
            Failure = failure;
            return null;
        }
    }

    /// <summary>A value of <c>expr</c>: a string, which is also an integer when it is written as one.</summary>
    private sealed class ExprValue
    {
        private ExprValue(string text, BigInteger? integer)
        {
            Text = text;
            Integer = integer;
        }

        /// <summary>The value as expr writes it.</summary>
        public string Text { get; }

        /// <summary>The integer the value is written as; null for any other string.</summary>
        public BigInteger? Integer { get; }

        /// <summary>Null for expr: the empty string or a zero (<c>0</c>, <c>-0</c>, <c>00</c>); it makes the status 1.</summary>
        public bool IsNull => Integer is { } integer ? integer.IsZero : Text.Length == 0;

        public static ExprValue Zero { get; } = Of(BigInteger.Zero);

        public static ExprValue Of(BigInteger integer) => new(integer.ToString(CultureInfo.InvariantCulture), integer);

        public static ExprValue Of(bool holds) => Of(holds ? BigInteger.One : BigInteger.Zero);

        public static ExprValue Of(string text)
            => new(text, LooksLikeInteger(text) ? BigInteger.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : null);

        /// <summary>expr's integers: ASCII digits after an optional minus; no plus, no blanks.</summary>
        public static bool LooksLikeInteger(string text)
        {
            var digits = text.StartsWith('-') ? text.AsSpan(1) : text.AsSpan();
            return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
        }
    }
}
