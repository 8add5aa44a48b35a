using System.Globalization;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The <c>test</c> / <c>[</c> builtin over symbolic values, in three-valued logic: true, false, or
/// unknown (null), which the caller turns into a recorded assumption.
/// </summary>
internal sealed class TestExpression
{
    private static readonly HashSet<string> UnaryOperators = ["-n", "-z", "-f", "-d", "-e", "-r", "-w", "-x", "-s", "-h", "-L"];
    private static readonly HashSet<string> BinaryOperators = ["=", "!=", "==", "-eq", "-ne", "-lt", "-le", "-gt", "-ge"];

    private readonly List<ShellValue> _args;
    private readonly Evaluator _evaluator;
    private int _pos;

    private TestExpression(List<ShellValue> args, Evaluator evaluator)
    {
        _args = args;
        _evaluator = evaluator;
    }

    public static int? Evaluate(List<ShellValue> args, Evaluator evaluator, SyntaxNode at)
    {
        if (args.Count == 0)
        {
            return 1;
        }

        var test = new TestExpression(args, evaluator);
        var result = test.Or();
        if (test._pos != args.Count)
        {
            // A malformed expression: test reports an error and returns 2.
            return 2;
        }

        return result switch
        {
            true => 0,
            false => 1,
            null => null,
        };
    }

    private string? Peek(int ahead = 0) => _pos + ahead < _args.Count ? _args[_pos + ahead].KnownText ?? "\0unknown" : null;

    private ShellValue Take() => _args[_pos++];

    private bool? Or()
    {
        var left = And();
        while (Peek() == "-o")
        {
            _pos++;
            var right = And();
            left = left == true || right == true ? true : left == false && right == false ? false : null;
        }

        return left;
    }

    private bool? And()
    {
        var left = Not();
        while (Peek() == "-a")
        {
            _pos++;
            var right = Not();
            left = left == false || right == false ? false : left == true && right == true ? true : null;
        }

        return left;
    }

    private bool? Not()
    {
        if (Peek() == "!" && _pos + 1 < _args.Count)
        {
            _pos++;
            var inner = Not();
            return inner is null ? null : !inner;
        }

        return Primary();
    }

    private bool? Primary()
    {
        if (Peek() == "(")
        {
            _pos++;
            var inner = Or();
            if (Peek() == ")")
            {
                _pos++;
            }

            return inner;
        }

        var remaining = _args.Count - _pos;
        if (remaining >= 3 && Peek(1) is { } binary && BinaryOperators.Contains(binary))
        {
            var left = Take();
            _pos++;
            var right = Take();
            return Binary(left, binary, right);
        }

        if (remaining >= 2 && Peek() is { } op && UnaryOperators.Contains(op))
        {
            _pos++;
            return Unary(op, Take());
        }

        if (_pos < _args.Count)
        {
            var value = Take();
            return value.IsKnown ? !value.IsEmpty : Unknown(value);
        }

        return false;
    }

    private static bool? Unknown(ShellValue value) => value.Segments.All(s => s.Unknown is not null || s.Text.Length == 0) ? null : true;

    private bool? Unary(string op, ShellValue operand)
    {
        switch (op)
        {
            case "-n":
                return operand.IsKnown ? !operand.IsEmpty : Unknown(operand);
            case "-z":
                return operand.IsKnown ? operand.IsEmpty : Unknown(operand) is null ? null : false;
            case "-f" or "-d" or "-e" or "-r" or "-s" or "-x":
                if (operand.KnownText is not { } path)
                {
                    return null;
                }

                return _evaluator.FileTest(op[1] == 'd' ? 'd' : op[1] == 'f' ? 'f' : 'e', path);
            default:
                return null;
        }
    }

    private static bool? Binary(ShellValue left, string op, ShellValue right)
    {
        if (left.KnownText is not { } a || right.KnownText is not { } b)
        {
            return null;
        }

        switch (op)
        {
            case "=" or "==":
                return a == b;
            case "!=":
                return a != b;
        }

        if (!long.TryParse(a.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var x) || !long.TryParse(b.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var y))
        {
            return null;
        }

        return op switch
        {
            "-eq" => x == y,
            "-ne" => x != y,
            "-lt" => x < y,
            "-le" => x <= y,
            "-gt" => x > y,
            _ => x >= y,
        };
    }
}
