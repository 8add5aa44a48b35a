using System.Globalization;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// The <c>test</c> / <c>[</c> builtin over symbolic values, in three-valued logic: true, false, or
/// unknown (null), which the caller turns into a recorded assumption.
/// </summary>
internal sealed class TestExpression
{
    private static readonly HashSet<string> UnaryOperators = ["-n", "-z", "-f", "-d", "-e", "-r", "-w", "-x", "-s", "-h", "-L"];
    private static readonly HashSet<string> BinaryOperators = ["=", "!=", "==", "-eq", "-ne", "-lt", "-le", "-gt", "-ge"];

    private readonly IReadOnlyList<TestArgument> _args;
    private readonly Func<string, string, bool?> _fileTest;
    private int _pos;

    private TestExpression(IReadOnlyList<TestArgument> args, Func<string, string, bool?> fileTest)
    {
        _args = args;
        _fileTest = fileTest;
    }

    /// <summary>
    /// The exit status of <c>test</c> with these arguments: 0, 1, 2 (a malformed expression), or null
    /// when it depends on what is not known. <paramref name="fileTest"/> answers a file operator
    /// (<c>-f</c>, <c>-d</c>...) on a path, or null when it cannot know.
    /// </summary>
    public static int? Evaluate(IReadOnlyList<TestArgument> args, Func<string, string, bool?> fileTest)
    {
        if (args.Count == 0)
        {
            return 1;
        }

        var test = new TestExpression(args, fileTest);
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

    /// <summary>What a file operator says of a path on disk (the module's files are there as configure will see them).</summary>
    public static bool? FileTestOnDisk(string op, string path) => op switch
    {
        "-f" => File.Exists(path),
        "-d" => Directory.Exists(path),
        _ => File.Exists(path) || Directory.Exists(path),
    };

    private string? Peek(int ahead = 0) => _pos + ahead < _args.Count ? _args[_pos + ahead].Text ?? "\0unknown" : null;

    private TestArgument Take() => _args[_pos++];

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
            return Take().IsNotEmpty;
        }

        return false;
    }

    private bool? Unary(string op, TestArgument operand)
    {
        switch (op)
        {
            case "-n":
                return operand.IsNotEmpty;
            case "-z":
                return !operand.IsNotEmpty;
            case "-f" or "-d" or "-e" or "-r" or "-s" or "-x":
                return operand.Text is { } path ? _fileTest(op, path) : null;
            default:
                return null;
        }
    }

    private static bool? Binary(TestArgument left, string op, TestArgument right)
    {
        if (left.Text is not { } a || right.Text is not { } b)
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

/// <summary>An argument of <c>test</c>: its text, or null when not known; and whether it is surely not empty (some of it is known text).</summary>
internal readonly record struct TestArgument(string? Text, bool SurelyNotEmpty)
{
    public static TestArgument Known(string text) => new(text, text.Length > 0);

    /// <summary>True or false when known, null when it depends on what is not known.</summary>
    public bool? IsNotEmpty => Text is { } text ? text.Length > 0 : SurelyNotEmpty ? true : null;
}
