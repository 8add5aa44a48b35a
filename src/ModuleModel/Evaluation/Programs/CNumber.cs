namespace ConfigConvert.ModuleModel.Evaluation.Programs;

/// <summary>Numbers read the way C's <c>strtoimax(text, &amp;end, 0)</c> reads them, as dash's builtins and arithmetic do.</summary>
internal static class CNumber
{
    /// <summary>
    /// Reads an optional sign and a number after leading white space: with <paramref name="radix"/> 0,
    /// decimal, <c>0x</c> hexadecimal or <c>0</c> octal. <paramref name="end"/> is the index after the
    /// number, or 0 when there is none. False when the number does not fit in 64 bits (ERANGE).
    /// </summary>
    public static bool TryRead(string text, out long value, out int end, int radix = 0)
    {
        value = 0;
        end = 0;
        var i = 0;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        var negative = i < text.Length && text[i] == '-';
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        if (radix == 0 && i + 2 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X' && Digit(text[i + 2], 16) >= 0)
        {
            radix = 16;
            i += 2;
        }
        else if (radix == 0)
        {
            radix = i < text.Length && text[i] == '0' ? 8 : 10;
        }

        return ReadDigits(text, i, radix, negative, ref value, ref end);
    }

    /// <summary>True when the whole text is one number, white space around it allowed (dash's test and arithmetic).</summary>
    public static bool TryParseWhole(string text, out long value, int radix = 0)
    {
        if (!TryRead(text, out value, out var end, radix) || end == 0)
        {
            return false;
        }

        return text[end..].All(IsSpace);
    }

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static bool ReadDigits(string text, int start, int radix, bool negative, ref long value, ref int end)
    {
        var magnitude = 0UL;
        var i = start;
        for (; i < text.Length && Digit(text[i], radix) is var digit and >= 0; i++)
        {
            if (magnitude > (ulong.MaxValue - (ulong)digit) / (ulong)radix)
            {
                return false;
            }

            magnitude = (magnitude * (ulong)radix) + (ulong)digit;
        }

        if (i == start)
        {
            return true;
        }

        if (magnitude > (negative ? 1UL << 63 : long.MaxValue))
        {
            return false;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        end = i;
        return true;
    }

    private static int Digit(char c, int radix)
    {
        var digit = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
        return digit < radix ? digit : -1;
    }
}
