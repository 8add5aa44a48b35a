using ConfigConvert.Diagnostics;

namespace ConfigConvert.ShellParser;

/// <summary>
/// The warnings about how a script is stored that the parser gives once for the whole script, each at the first place
/// of its kind: a byte order mark as its first character, its first NUL, its first CR LF. Found as the script's
/// characters are read, in one piece (<see cref="Parser"/>) or in many (<see cref="WindowInput"/>), where a CR LF may
/// straddle two.
/// </summary>
internal sealed class EncodingWarnings
{
    private int _read;
    private char _lastRead;
    private int _byteOrderMark = -1;
    private int _firstNul = -1;
    private int _firstCarriageReturn = -1;

    /// <summary>True for the diagnostics these warnings are given as.</summary>
    public static bool Includes(DiagnosticDescriptor descriptor)
        => descriptor == SyntaxDiagnostics.ByteOrderMark || descriptor == SyntaxDiagnostics.NulByte || descriptor == SyntaxDiagnostics.CarriageReturn;

    /// <summary>Looks for the warnings in the script's next characters.</summary>
    public void Find(ReadOnlySpan<char> read)
    {
        if (read.IsEmpty)
        {
            return;
        }

        if (_read == 0 && read[0] == '\uFEFF')
        {
            _byteOrderMark = 0;
        }

        if (_firstNul < 0 && read.IndexOf('\0') is var nul and >= 0)
        {
            _firstNul = _read + nul;
        }

        if (_firstCarriageReturn < 0)
        {
            _firstCarriageReturn = _lastRead == '\r' && read[0] == '\n' ? _read - 1
                : read.IndexOf("\r\n") is var cr and >= 0 ? _read + cr : -1;
        }

        _read += read.Length;
        _lastRead = read[^1];
    }

    /// <summary>Reports to <paramref name="parser"/>, whose text is the script's <paramref name="length"/> characters from <paramref name="offset"/>, the warnings that fall in it.</summary>
    public void ReportTo(Parser parser, int offset, int length)
    {
        Report(_byteOrderMark, SyntaxDiagnostics.ByteOrderMark);
        Report(_firstNul, SyntaxDiagnostics.NulByte);
        Report(_firstCarriageReturn, SyntaxDiagnostics.CarriageReturn);

        void Report(int position, DiagnosticDescriptor descriptor)
        {
            if (position >= offset && position < offset + length)
            {
                parser.ReportEncodingWarning(descriptor, position - offset);
            }
        }
    }
}
