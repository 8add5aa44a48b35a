using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// <c>awk [-F SEP] 'PROGRAM' [FILE...]</c> for the one-line programs configs run to read a version or
/// pick fields (<c>awk '/^#define nginx_version/ {print $3}' src/core/nginx.h</c>): see
/// <see cref="AwkScript"/>. Files are those <see cref="ProgramCall.ReadFile"/> knows; a field separator
/// is a single character or <c>\t</c>. Anything else (<c>-v</c>, <c>-f</c>, assignments among the
/// files, a regex separator) cannot be known.
/// </summary>
internal sealed class AwkProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.KnownArguments is not { } args || CommandLine.Parse(args) is not { } line || AwkScript.TryParse(line.Program) is not { } script)
        {
            return ProgramResult.CannotKnow;
        }

        var records = new List<string>();
        foreach (var file in line.Files.Count == 0 ? ["-"] : line.Files)
        {
            if ((file == "-" ? call.Input : call.ReadFile(file)) is not { } text)
            {
                return file == "-" ? ProgramResult.CannotKnow : ProgramResult.Of([new OutputPart.Unknown($"the output of awk on `{file}`")], null);
            }

            records.AddRange(Records(text));
        }

        try
        {
            return new Interpreter(line.Separator, records).Run(script) is { } output ? ProgramResult.Written(output) : ProgramResult.CannotKnow;
        }
        catch (RegexMatchTimeoutException)
        {
            return ProgramResult.CannotKnow;
        }
    }

    /// <summary>The lines of a file; a last line without a line break is a record, an empty file has none.</summary>
    private static IEnumerable<string> Records(string text)
    {
        var lines = text.Split('\n');
        return text.EndsWith('\n') || text.Length == 0 ? lines[..^1] : lines;
    }

    /// <summary>The separator (null: awk's default, runs of blanks), the program text and the files.</summary>
    private sealed record CommandLine(char? Separator, string Program, List<string> Files)
    {
        public static CommandLine? Parse(IReadOnlyList<string> args)
        {
            string? separator = null;
            var i = 0;
            for (; i < args.Count && args[i].StartsWith('-') && args[i] != "-"; i++)
            {
                if (args[i] == "--")
                {
                    i++;
                    break;
                }

                if (!args[i].StartsWith("-F", StringComparison.Ordinal))
                {
                    return null;
                }

                separator = args[i].Length > 2 ? args[i][2..] : ++i < args.Count ? args[i] : null;
                if (separator is null)
                {
                    return null;
                }
            }

            // A file operand that looks like var=value is an assignment to awk.
            if (i >= args.Count || args.Skip(i + 1).Any(a => Regex.IsMatch(a, "^[A-Za-z_][A-Za-z0-9_]*=")))
            {
                return null;
            }

            return separator switch
            {
                null or " " => new CommandLine(null, args[i], [.. args.Skip(i + 1)]),
                "\\t" => new CommandLine('\t', args[i], [.. args.Skip(i + 1)]),

                // awks differ on -Ft (a tab for POSIX, a t for others).
                { Length: 1 } single when single is not ("\\" or "t") => new CommandLine(single[0], args[i], [.. args.Skip(i + 1)]),
                _ => null,
            };
        }
    }

    /// <summary>Runs the rules over the records; null when a value is one it does not emulate.</summary>
    private sealed class Interpreter(char? separator, List<string> records)
    {
        private readonly StringBuilder _output = new();
        private string _record = string.Empty;
        private string[] _fields = [];
        private int _recordNumber;
        private bool _exited;
        private bool _unknown;

        public string? Run(AwkScript script)
        {
            foreach (var record in records)
            {
                _recordNumber++;
                _record = record;
                _fields = Split(record);
                foreach (var rule in script.Rules)
                {
                    if (rule.Pattern is null || Holds(rule.Pattern))
                    {
                        Execute(rule.Actions ?? [new AwkAction.Print([])]);
                    }

                    if (_exited || _unknown)
                    {
                        return _unknown ? null : _output.ToString();
                    }
                }
            }

            return _unknown ? null : _output.ToString();
        }

        private string[] Split(string record) => separator is { } single
            ? record.Length == 0 ? [] : record.Split(single)
            : record.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);

        private void Execute(IEnumerable<AwkAction> actions)
        {
            foreach (var action in actions)
            {
                if (action is AwkAction.Exit)
                {
                    _exited = true;
                    return;
                }

                var print = (AwkAction.Print)action;
                var values = print.Expressions.IsEmpty ? [_record] : print.Expressions.Select(e => Evaluate(e).Text);
                _output.Append(string.Join(' ', values)).Append('\n');
            }
        }

        private bool Holds(AwkCondition condition) => condition switch
        {
            AwkCondition.Matches m => m.Pattern!.IsMatch(m.Subject is null ? _record : Evaluate(m.Subject).Text) != m.Negated,
            AwkCondition.Compare c => Compare(Evaluate(c.Left), c.Operator, Evaluate(c.Right)),
            AwkCondition.Not n => !Holds(n.Operand),
            AwkCondition.Both { Any: true } b => Holds(b.Left) || Holds(b.Right),
            AwkCondition.Both b => Holds(b.Left) && Holds(b.Right),
            _ => throw new InvalidOperationException("unexpected condition"),
        };

        /// <summary>awk compares as numbers when both sides are numbers (a field that looks like one counts), else as strings.</summary>
        private static bool Compare(Value left, AwkToken op, Value right)
        {
            var order = left.Number is { } a && right.Number is { } b ? a.CompareTo(b) : string.CompareOrdinal(left.Text, right.Text);
            return op switch
            {
                AwkToken.Equal => order == 0,
                AwkToken.NotEqual => order != 0,
                AwkToken.Less => order < 0,
                AwkToken.LessOrEqual => order <= 0,
                AwkToken.Greater => order > 0,
                _ => order >= 0,
            };
        }

        private Value Evaluate(AwkExpression expression)
        {
            if (expression.Operands.Length == 1)
            {
                return Evaluate(expression.Operands[0]);
            }

            return new Value(string.Concat(expression.Operands.Select(o => Evaluate(o).Text)), null);
        }

        private Value Evaluate(AwkOperand operand)
        {
            switch (operand)
            {
                case AwkOperand.Field { Index: null }:
                    return _fields.Length == 0 ? Field(0) : Field(_fields.Length);
                case AwkOperand.Field field:
                    return Field(field.Index!.Value);
                case AwkOperand.RecordNumber:
                    return Value.Of(_recordNumber);
                case AwkOperand.FieldCount:
                    return Value.Of(_fields.Length);
                case AwkOperand.Number number:
                    return Value.Of(number.Value);
                case AwkOperand.Text { Value: { } text }:
                    return new Value(text, null);
                default:
                    _unknown = true;
                    return new Value(string.Empty, null);
            }
        }

        private Value Field(int index)
        {
            var text = index == 0 ? _record : index <= _fields.Length ? _fields[index - 1] : string.Empty;
            return new Value(text, NumericString(text));
        }

        /// <summary>A field that looks like a decimal number (blanks around it allowed) is compared as one.</summary>
        private static double? NumericString(string text)
            => Regex.IsMatch(text, "^[ \t\n]*[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?[ \t\n]*$")
                && double.TryParse(text.Trim(' ', '\t', '\n'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
                ? number
                : null;
    }

    private sealed record Value(string Text, double? Number)
    {
        public static Value Of(long number) => new(number.ToString(CultureInfo.InvariantCulture), number);
    }
}
