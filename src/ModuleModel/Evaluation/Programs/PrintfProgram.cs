using System.Globalization;
using System.Text;

namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>
/// dash's builtin <c>printf</c>: backslash escapes, and the directives <c>%s %b %c %d %i %o %u %x %X</c>
/// with flags, width and precision; the format is reused while arguments remain.
/// </summary>
internal sealed class PrintfProgram : IEmulatedProgram
{
    public ProgramResult Run(ProgramCall call)
    {
        if (call.Arguments.Count == 0)
        {
            // A usage error: dash writes it to standard error.
            return ProgramResult.Written(string.Empty, 2);
        }

        if (call.KnownArguments is not { } args)
        {
            return ProgramResult.Of([new OutputPart.Unknown("the output of printf")], 0);
        }

        return new Formatter(args[0], args.Skip(1).ToList()).Run() is { } result
            ? ProgramResult.Written(result.Output, result.Status)
            : ProgramResult.CannotKnow;
    }

    /// <summary>One run of a format over its arguments.</summary>
    private sealed class Formatter(string format, List<string> values)
    {
        private readonly StringBuilder _output = new();
        private int _next;
        private int _status;
        private bool _stopped;
        private bool _outOfRange;

        /// <summary>What printf writes and its status; null when the format uses what is not emulated.</summary>
        public (string Output, int Status)? Run()
        {
            do
            {
                for (var i = 0; i < format.Length && !_stopped; i++)
                {
                    i = format[i] switch
                    {
                        '\\' => DashEscapes.AppendEscape(format, i + 1, _output) - 1,
                        '%' => Directive(i + 1),
                        _ => Append(format[i], i),
                    };
                    if (i < 0)
                    {
                        return null;
                    }
                }
            }
            while (_next > 0 && _next < values.Count && !_stopped);

            return _outOfRange ? null : (_output.ToString(), _status);
        }

        private int Append(char c, int i)
        {
            _output.Append(c);
            return i;
        }

        /// <summary>Writes the directive that starts after a <c>%</c>; returns the index of its last character, or -1 when it is not emulated.</summary>
        private int Directive(int start)
        {
            if (start < format.Length && format[start] == '%')
            {
                _output.Append('%');
                return start;
            }

            if (DirectiveSpec.Read(format, start) is not { } spec)
            {
                return -1;
            }

            var text = spec.Conversion switch
            {
                's' => spec.Truncate(NextValue()),
                'b' => spec.Truncate(Escaped(NextValue())),
                'c' => NextValue() is { Length: > 0 } value ? value[..1] : "\0",
                _ => spec.FormatInteger(NextNumber()),
            };
            _output.Append(spec.Pad(text));
            return spec.End;
        }

        /// <summary>The next argument; past the last one, an empty string (that still counts as used).</summary>
        private string NextValue()
        {
            var value = _next < values.Count ? values[_next] : string.Empty;
            _next++;
            return value;
        }

        /// <summary>A %b argument: echo's escapes, where \c stops all output.</summary>
        private string Escaped(string value)
        {
            var text = DashEscapes.ExpandEcho(value, out var stop);
            _stopped |= stop;
            return text;
        }

        /// <summary>A numeric argument as dash reads it: a C number, or the code of the character after a quote; what is not wholly a number makes the status 1.</summary>
        private long NextNumber()
        {
            var value = NextValue();
            if (value.Length > 0 && value[0] is '\'' or '"')
            {
                return value.Length > 1 ? value[1] : 0;
            }

            // A number beyond 64 bits is clamped by dash: not emulated.
            _outOfRange |= !CNumber.TryRead(value, out var number, out var end);
            if (value.Length > 0 && end < value.Length)
            {
                _status = 1;
            }

            return number;
        }
    }
}

/// <summary>A printf directive: <c>%</c>, flags, width, precision and the conversion character.</summary>
internal sealed record DirectiveSpec(string Flags, int Width, int? Precision, char Conversion, int End)
{
    /// <summary>The directive after a <c>%</c> at <paramref name="start"/>; null when it is not emulated (a width from the arguments, floating point, an invalid directive).</summary>
    public static DirectiveSpec? Read(string format, int start)
    {
        var i = start;
        while (i < format.Length && format[i] is '-' or '+' or ' ' or '#' or '0')
        {
            i++;
        }

        var flags = format[start..i];
        var width = ReadNumber(format, ref i);
        int? precision = null;
        if (i < format.Length && format[i] == '.')
        {
            i++;
            precision = ReadNumber(format, ref i);
        }

        return i < format.Length && format[i] is 's' or 'b' or 'c' or 'd' or 'i' or 'o' or 'u' or 'x' or 'X'
            ? new DirectiveSpec(flags, width, precision, format[i], i)
            : null;
    }

    private static int ReadNumber(string format, ref int i)
    {
        var start = i;
        while (i < format.Length && char.IsAsciiDigit(format[i]) && i - start < 6)
        {
            i++;
        }

        return i > start ? int.Parse(format[start..i], CultureInfo.InvariantCulture) : 0;
    }

    /// <summary>A string cut to the precision, as %s and %b do.</summary>
    public string Truncate(string text) => Precision is { } precision && precision < text.Length ? text[..precision] : text;

    /// <summary>Text padded to the width: on the right with <c>-</c>, else on the left.</summary>
    public string Pad(string text) => Flags.Contains('-') ? text.PadRight(Width) : text.PadLeft(Width);

    /// <summary>An integer conversion as C's printf writes it (padding aside, but for zeros).</summary>
    public string FormatInteger(long value)
    {
        var unsigned = (ulong)value;
        var digits = Conversion switch
        {
            'o' => Convert.ToString(value, 8),
            'x' => unsigned.ToString("x", CultureInfo.InvariantCulture),
            'X' => unsigned.ToString("X", CultureInfo.InvariantCulture),
            'u' => unsigned.ToString(CultureInfo.InvariantCulture),
            _ => (value < 0 ? 0 - unsigned : unsigned).ToString(CultureInfo.InvariantCulture),
        };
        if (Precision is { } precision)
        {
            digits = precision == 0 && value == 0 ? string.Empty : digits.PadLeft(precision, '0');
        }

        var prefix = (Conversion, Flags.Contains('#')) switch
        {
            ('d' or 'i', _) => value < 0 ? "-" : Flags.Contains('+') ? "+" : Flags.Contains(' ') ? " " : string.Empty,
            ('o', true) when !digits.StartsWith('0') => "0",
            ('x', true) when value != 0 => "0x",
            ('X', true) when value != 0 => "0X",
            _ => string.Empty,
        };

        // The 0 flag pads with zeros between the sign and the digits, unless a precision or - is given.
        var zeros = Flags.Contains('0') && !Flags.Contains('-') && Precision is null ? Math.Max(0, Width - prefix.Length - digits.Length) : 0;
        return prefix + new string('0', zeros) + digits;
    }
}
