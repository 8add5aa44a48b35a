using ConfigConvert.ModuleModel.Evaluation.Programs;

namespace ConfigConvert.ModuleModel.Evaluation;

/// <summary>
/// dash's <c>test</c> / <c>[</c> builtin over values that may be unknown, in three-valued logic: true,
/// false, or unknown (null), which the caller turns into a recorded assumption.
/// </summary>
internal sealed class TestExpression
{
    private static readonly HashSet<string> UnaryOperators = ["-n", "-z", "-f", "-d", "-e", "-r", "-w", "-x", "-s", "-h", "-L", "-b", "-c", "-p", "-S", "-u", "-g", "-k", "-O", "-G", "-t"];
    private static readonly HashSet<string> BinaryOperators = ["=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef"];

    private readonly IReadOnlyList<TestArgument> _args;
    private readonly Func<string, string, bool?> _fileTest;
    private int _pos;

    private TestExpression(IReadOnlyList<TestArgument> args, Func<string, string, bool?> fileTest)
    {
        _args = args;
        _fileTest = fileTest;
    }

    /// <summary>
    /// The exit status of <c>test</c> with these arguments: 0, 1, 2 (an error test reports), or null
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
        try
        {
            var result = test.Or();
            if (test._pos != args.Count)
            {
                throw new TestError();
            }

            return result switch
            {
                true => 0,
                false => 1,
                null => null,
            };
        }
        catch (TestError)
        {
            return 2;
        }
    }

    /// <summary>
    /// What a file operator says of a path on disk (the module's files are there as configure will
    /// see them); null for what depends on who runs configure or on how it is run.
    /// </summary>
    public static bool? FileTestOnDisk(string op, string path)
    {
        var info = new FileInfo(path);
        var exists = info.Exists || Directory.Exists(path);
        return op switch
        {
            "-f" => info.Exists,
            "-d" => Directory.Exists(path),
            "-e" or "-r" => exists,
            "-s" => info.Exists ? info.Length > 0 : exists,
            "-x" => exists && (Directory.Exists(path) || (info.UnixFileMode & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0),
            "-h" or "-L" => info.LinkTarget is not null || new DirectoryInfo(path).LinkTarget is not null,

            // Module files are files and directories: not devices, pipes or sockets.
            "-b" or "-c" or "-p" or "-S" => false,
            "-u" => exists && info.UnixFileMode.HasFlag(UnixFileMode.SetUser),
            "-g" => exists && info.UnixFileMode.HasFlag(UnixFileMode.SetGroup),
            "-k" => exists && info.UnixFileMode.HasFlag(UnixFileMode.StickyBit),
            _ => null,
        };
    }

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
        var remaining = _args.Count - _pos;
        if (remaining >= 3 && Peek(1) is { } binary && BinaryOperators.Contains(binary))
        {
            var left = Take();
            _pos++;
            return Binary(left, binary, Take());
        }

        if (Peek() == "(" && remaining >= 2)
        {
            _pos++;
            var inner = Or();
            if (Peek() != ")")
            {
                throw new TestError();
            }

            _pos++;
            return inner;
        }

        if (remaining >= 2 && Peek() is { } op && UnaryOperators.Contains(op))
        {
            _pos++;
            return Unary(op, Take());
        }

        // Past the last argument, dash reads an empty string: `test x -a` is false, `test x -o` true.
        return remaining == 0 ? false : Take().IsNotEmpty;
    }

    private bool? Unary(string op, TestArgument operand) => op switch
    {
        "-n" => operand.IsNotEmpty,
        "-z" => !operand.IsNotEmpty,
        "-t" => null,
        _ => operand.Text is { } path ? _fileTest(op, path) : null,
    };

    private static bool? Binary(TestArgument left, string op, TestArgument right)
    {
        if (left.Text is not { } a || right.Text is not { } b)
        {
            return null;
        }

        switch (op)
        {
            case "=":
                return a == b;
            case "!=":
                return a != b;
            case "<" or ">":
                return string.CompareOrdinal(a, b) is var order && (op == "<" ? order < 0 : order > 0);
            case "-nt" or "-ot" or "-ef":
                return null;
        }

        // Decimal numbers, blanks around them allowed; anything else is an error test reports.
        if (!CNumber.TryParseWhole(a, out var x, radix: 10) || !CNumber.TryParseWhole(b, out var y, radix: 10))
        {
            throw new TestError();
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

    /// <summary>A malformed expression, or an operand that is not a number: test reports it and exits with 2.</summary>
    private sealed class TestError() : Exception("test error");
}

/// <summary>An argument of <c>test</c>: its text, or null when not known; and whether it is surely not empty (some of it is known text).</summary>
internal readonly record struct TestArgument(string? Text, bool SurelyNotEmpty)
{
    public static TestArgument Known(string text) => new(text, text.Length > 0);

    /// <summary>True or false when known, null when it depends on what is not known.</summary>
    public bool? IsNotEmpty => Text is { } text ? text.Length > 0 : SurelyNotEmpty ? true : null;
}
