using System.Globalization;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.ModuleModel.Evaluation;

// Words and their expansions: quoting, parameters, substitutions, arithmetic, field splitting, patterns.
internal sealed partial class Evaluator
{
    /// <summary>
    /// A piece of an expanded word, and whether field splitting applies to it (unquoted expansions
    /// only). <c>Pattern</c>: for unquoted literal text, the text as a shell pattern, its backslash
    /// escapes kept. <c>Split</c>: what field splitting reads instead of <c>Value</c>, for the positional
    /// parameters (see <see cref="PositionalPiece"/>).
    /// </summary>
    private readonly record struct Piece(ShellValue Value, bool Splittable, bool Quoted, string? Pattern = null, ShellValue? Split = null);

    /// <summary>
    /// Joins the positional parameters where splitting follows: dash writes a NUL between them, which
    /// splitting takes as an IFS blank whatever IFS holds (and a value never holds, dash drops NULs).
    /// </summary>
    private const char ParameterBreak = '\0';

    /// <summary>
    /// Expands the words among <paramref name="elements"/> into fields, as a command's arguments or a
    /// <c>for</c> loop's items: a loop over the list, not LINQ, as every command runs it.
    /// </summary>
    private List<ShellValue> ExpandFields<TNode>(SyntaxList<TNode> elements)
        where TNode : SyntaxNode
    {
        var fields = new List<ShellValue>(elements.Count);
        foreach (var element in elements)
        {
            if (element is WordSyntax word)
            {
                ExpandFields(word, fields);
            }
        }

        return fields;
    }

    /// <summary>Expands a word into fields, as for a command's arguments, added to <paramref name="fields"/>.</summary>
    private void ExpandFields(WordSyntax word, List<ShellValue> fields)
    {
        var pieces = RentPieces();
        try
        {
            ExpandParts(word.Parts, quoted: false, pieces);
            if (pieces is [{ Splittable: false } only] && ShellValue.Builder.GivesBack(only.Value))
            {
                // Most words are one piece that is not split (a literal, anything quoted), whatever IFS holds: its field
                // is the piece itself, as the splitter would have built it anew, or none when it is empty and unquoted.
                AddWhole(only, fields);
                return;
            }

            if (FieldSeparators() is { } ifs)
            {
                SplitFields(pieces, ifs, fields);
                return;
            }

            if (!pieces.Exists(SplitsOnIfs))
            {
                SplitFields(pieces, DefaultFieldSeparators, fields);
                return;
            }
        }
        finally
        {
            ReturnPieces(pieces);
        }

        // How many fields, and which, depends on the unknown IFS: what the command is given is not known.
        AddUnknown($"the fields of `{Shorten(word.ToString())}`, split on an IFS that is not known", word);
        Record.Incomplete = true;
        fields.Add(ShellValue.Of(new UnknownValue($"the fields of `{Shorten(word.ToString())}`", LocationOf(word))));
    }

    private static void AddWhole(Piece piece, List<ShellValue> fields)
    {
        if (piece.Quoted || !piece.Value.Segments.IsEmpty)
        {
            fields.Add(piece.Value.Segments.IsEmpty ? ShellValue.Empty : piece.Value);
        }
    }

    /// <summary>
    /// A list of pieces for one expansion, from those this world has used before: every word of every command
    /// is expanded through one, and a new list each time (with a second to join it, and a builder per field)
    /// came to 7 MB of the 108 a check of 18 modules allocated. A command substitution inside a word expands
    /// words of its own meanwhile, so each expansion takes its own list and gives it back when done.
    /// </summary>
    private List<Piece> RentPieces() => _pieceLists.TryPop(out var pieces) ? pieces : new List<Piece>(8);

    /// <summary>The values of the pieces an expansion joins, refilled by each (see <see cref="ExpandPartsToValue"/>).</summary>
    private readonly List<ShellValue> _joining = [];

    private void ReturnPieces(List<Piece> pieces)
    {
        pieces.Clear();
        _pieceLists.Push(pieces);
    }

    /// <summary>Expands a word without field splitting, as for an assignment's value or a case subject.</summary>
    private ShellValue ExpandToValue(WordSyntax? word)
    {
        if (word is null)
        {
            return ShellValue.Empty;
        }

        return ExpandPartsToValue(word.Parts, quoted: false);
    }

    /// <summary>Expands parts into one value, without field splitting.</summary>
    private ShellValue ExpandPartsToValue(SyntaxList<WordPartSyntax> parts, bool quoted)
    {
        var pieces = RentPieces();
        try
        {
            ExpandParts(parts, quoted, pieces);
            if (pieces.Count == 1)
            {
                // What joining one value gives: itself, or the empty value.
                return pieces[0].Value.Segments.IsEmpty ? ShellValue.Empty : pieces[0].Value;
            }

            // The values joined, in a list this world keeps for it: nothing runs between filling it and joining it.
            _joining.Clear();
            foreach (var piece in pieces)
            {
                _joining.Add(piece.Value);
            }

            return Values.Concat(_joining);
        }
        finally
        {
            ReturnPieces(pieces);
        }
    }

    /// <summary>A case pattern or a parameter-expansion pattern: quoted characters stand for themselves.</summary>
    private string? ExpandPattern(WordSyntax word)
    {
        var pieces = RentPieces();
        try
        {
            ExpandParts(word.Parts, quoted: false, pieces);
            var builder = new System.Text.StringBuilder();
            foreach (var piece in pieces)
            {
                var text = piece.Value.KnownText;
                if (text is null)
                {
                    return null;
                }

                builder.Append(piece.Pattern ?? (piece.Quoted ? Glob.Escape(text) : text));
            }

            return builder.ToString();
        }
        finally
        {
            ReturnPieces(pieces);
        }
    }

    private void ExpandParts(SyntaxList<WordPartSyntax> parts, bool quoted, List<Piece> pieces)
    {
        foreach (var part in parts)
        {
            switch (part)
            {
                case LiteralPartSyntax literal:
                    var pattern = quoted ? null : literal.Token.Text.Replace("\\\n", string.Empty, StringComparison.Ordinal);
                    pieces.Add(new Piece(LiteralValue(literal), false, quoted || literal.Token.Text.Contains('\\'), pattern));
                    break;
                case SingleQuotedPartSyntax single:
                    pieces.Add(new Piece(ShellValue.Text(single.Text.Text, LocationOf(single)), false, true));
                    break;
                case DoubleQuotedPartSyntax doubleQuoted:
                    if (doubleQuoted.Parts.Count == 0)
                    {
                        pieces.Add(new Piece(ShellValue.Empty, false, true));
                    }

                    ExpandParts(doubleQuoted.Parts, quoted: true, pieces);
                    break;
                case SimpleExpansionSyntax simple:
                    AddParameter(simple.ParameterName, simple, quoted, pieces);
                    break;
                case ParameterExpansionSyntax { Hash: null, OperatorText: null, ParameterName.Length: > 0 } plain:
                    AddParameter(plain.ParameterName, plain, quoted, pieces);
                    break;
                case ParameterExpansionSyntax expansion:
                    pieces.Add(new Piece(ExpandParameterWithOperator(expansion, quoted), !quoted, quoted));
                    break;
                case CommandSubstitutionSyntax substitution:
                    pieces.Add(new Piece(Substitute(substitution), !quoted, quoted));
                    break;
                case BackquoteSubstitutionSyntax backquote:
                    pieces.Add(new Piece(Substitute(backquote), !quoted, quoted));
                    break;
                case ArithmeticExpansionSyntax arithmetic:
                    pieces.Add(new Piece(EvaluateArithmetic(arithmetic), !quoted, quoted));
                    break;
            }
        }
    }

    // Apart from ExpandParts, whose loop would otherwise make a closure for every part it expands.
    private ShellValue Substitute(CommandSubstitutionSyntax substitution) => SubstitutionValue(Capture(() => ExecuteStatements(substitution.Statements)));

    private ShellValue Substitute(BackquoteSubstitutionSyntax backquote) => SubstitutionValue(Capture(() => RunBackquote(backquote)));

    /// <summary>A literal part's value, written where it is (where the text it was read from was, inside a backquote or here-document).</summary>
    private ShellValue LiteralValue(LiteralPartSyntax literal) => _trees.Peek() switch
    {
        (_, { } outer) => ShellValue.Text(literal.Value, outer),
        (var tree, null) => _memo.Literal(tree, literal),
    };

    /// <summary><c>$name</c> or <c>${name}</c>: the positional parameters <c>$@</c> and <c>$*</c> are joined as dash joins them.</summary>
    private void AddParameter(string name, SyntaxElement at, bool quoted, List<Piece> pieces)
    {
        switch (name)
        {
            case "@" when quoted:
                AddQuotedPositional(pieces);
                break;
            case "@" or "*" when !quoted:
                pieces.Add(PositionalPiece());
                break;
            default:
                pieces.Add(new Piece(LookupParameter(name, at), !quoted, quoted));
                break;
        }
    }

    /// <summary>Unquoted <c>$@</c> or <c>$*</c>: each parameter split on its own (see <see cref="ParameterBreak"/>), or, where nothing is split, all joined by IFS's first character.</summary>
    private Piece PositionalPiece()
        => new(JoinPositional(), true, false, Split: JoinValues(_state.Positional, ShellValue.Text(ParameterBreak.ToString())));

    private void AddQuotedPositional(List<Piece> pieces)
    {
        // "$@" gives one field per parameter; the separator pieces below end each field (where nothing is split, as in
        // an assignment, they join the parameters by IFS's first character).
        for (var i = 0; i < _state.Positional.Count; i++)
        {
            if (i > 0)
            {
                pieces.Add(new Piece(PositionalSeparator(), true, false, Split: ShellValue.Text(ParameterBreak.ToString())));
            }

            pieces.Add(new Piece(_state.Positional[i], false, true));
        }
    }

    /// <summary>
    /// <c>${name-word}</c> and the other operators. Of <c>${@-word}</c> and the like, where splitting follows, dash
    /// splits the parameters apart as for <c>$@</c>, which a joined value shows only when IFS's first character is an
    /// IFS blank: otherwise the result is not known.
    /// </summary>
    private ShellValue ExpandParameterWithOperator(ParameterExpansionSyntax expansion, bool quoted)
    {
        var value = ExpandParameter(expansion, quoted);
        if (quoted || expansion.ParameterName is not ("@" or "*") || _state.Positional.Count < 2 || FieldSeparators() is [' ' or '\t' or '\n', ..])
        {
            return value;
        }

        AddUnknown($"`{Shorten(expansion.ToString())}` split on IFS `{FieldSeparators()}`", expansion);
        Record.Incomplete = true;
        return ShellValue.Of(new UnknownValue($"`{Shorten(expansion.ToString())}`", LocationOf(expansion)));
    }

    private int? RunBackquote(BackquoteSubstitutionSyntax backquote)
    {
        _trees.Push((backquote.Body, LocationOf(backquote)));
        try
        {
            return ExecuteStatements(backquote.Body.GetRoot().Statements);
        }
        finally
        {
            _trees.Pop();
        }
    }

    // What a command substitution gives: the output without its NUL bytes (dash drops them as it reads, so a value never
    // holds one), then without its trailing newlines.
    private static ShellValue SubstitutionValue(ShellValue output)
    {
        var segments = output.Segments.Select(s => s.Unknown is null && s.Text.Contains('\0') ? s with { Text = s.Text.Replace("\0", string.Empty, StringComparison.Ordinal) } : s).ToList();
        while (segments.Count > 0 && segments[^1].Unknown is null)
        {
            var trimmed = segments[^1].Text.TrimEnd('\n');
            if (trimmed.Length > 0)
            {
                segments[^1] = segments[^1] with { Text = trimmed };
                break;
            }

            segments.RemoveAt(segments.Count - 1);
        }

        return ShellValue.FromSegments(segments);
    }

    /// <summary>True for a piece whose fields depend on IFS: known text that is split, other than the breaks between parameters.</summary>
    private static bool SplitsOnIfs(Piece piece)
        => piece.Splittable && (piece.Split ?? piece.Value).Segments.Any(s => s.Unknown is null && s.Text.AsSpan().ContainsAnyExcept(ParameterBreak));

    /// <summary>IFS as /bin/sh sets it, and as it splits when IFS is unset.</summary>
    private static string DefaultFieldSeparators => ConfigureVariables.ShellDefault("IFS")!;

    /// <summary>IFS as field splitting reads it (unset: the default); null when its value is not known.</summary>
    private string? FieldSeparators() => _state.TryGetVariable("IFS", out var ifs) ? ifs.KnownText : DefaultFieldSeparators;

    /// <summary>What joins <c>"$*"</c>, and <c>$*</c> or <c>$@</c> where nothing is split: IFS's first character, none when IFS is empty.</summary>
    private ShellValue PositionalSeparator() => FieldSeparators() switch
    {
        null => ShellValue.Of(new UnknownValue("the first character of IFS", null)),
        "" => ShellValue.Empty,
        var ifs => ShellValue.Text(ifs[..1]),
    };

    private ShellValue JoinPositional() => JoinValues(_state.Positional, PositionalSeparator());

    /// <summary>Field splitting on <paramref name="ifs"/>, as dash's ifsbreakup does it: only unquoted expansion results are split.</summary>
    private static List<ShellValue> SplitFields(List<Piece> pieces, string ifs) => SplitFields(pieces, ifs, []);

    /// <summary><see cref="SplitFields(List{Piece}, string)"/>, the fields added to <paramref name="fields"/>.</summary>
    private static List<ShellValue> SplitFields(List<Piece> pieces, string ifs, List<ShellValue> fields)
    {
        var splitter = new FieldSplitter(ifs, fields);
        foreach (var piece in pieces)
        {
            if (piece.Splittable)
            {
                splitter.Split(piece.Split ?? piece.Value);
            }
            else
            {
                splitter.Keep(piece.Value, piece.Quoted);
            }
        }

        return splitter.Finish();
    }

    /// <summary>
    /// The fields of a word, made piece by piece. IFS blanks (the space, tab and newline IFS holds) gather: those
    /// that start a field are dropped, and a run of them, with at most one other IFS character, ends one field. Any
    /// other IFS character ends a field, empty or not. A field still empty at the end is dropped, unless quoted.
    /// </summary>
    private sealed class FieldSplitter(string ifs, List<ShellValue> fields)
    {
        private readonly List<ShellValue> _fields = fields;

        // Made a value at the end of each field, which leaves it empty for the next.
        private readonly ShellValue.Builder _current = new();

        // The field has begun: it holds text, or quotes (dash: its start is not where the scan is).
        private bool _begun;

        // The last character scanned was an IFS blank that ended a field (dash's ifsspc).
        private bool _afterBlank;

        /// <summary>Text that is not split: a literal, or anything quoted.</summary>
        public void Keep(ShellValue value, bool quoted)
        {
            _current.Append(value);
            _begun |= quoted || !value.IsEmpty;
            _afterBlank = false;
        }

        /// <summary>The result of an unquoted expansion (dash scans each one afresh: ifsspc starts cleared).</summary>
        public void Split(ShellValue value)
        {
            _afterBlank = false;
            foreach (var segment in value.Segments)
            {
                if (segment.Unknown is not null)
                {
                    Keep(ShellValue.Of(segment.Unknown), quoted: true);
                    continue;
                }

                SplitText(segment);
            }
        }

        public List<ShellValue> Finish()
        {
            if (_begun)
            {
                EndField();
            }

            return _fields;
        }

        private void SplitText(ValueSegment segment)
        {
            var text = segment.Text;
            var start = 0;
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                var isBlank = c == ParameterBreak || (ifs.Contains(c) && ShellValue.IsBlank(c));
                var isSeparator = isBlank || ifs.Contains(c);
                if (!isSeparator)
                {
                    _afterBlank = false;
                    continue;
                }

                Append(segment, start, i);
                start = i + 1;
                if (_afterBlank)
                {
                    // A blank or one other IFS character after the blank that ended a field belongs to that end.
                    _afterBlank = isBlank;
                    continue;
                }

                _afterBlank = isBlank;
                if (isBlank && !_begun)
                {
                    _afterBlank = false;
                    continue;
                }

                EndField();
            }

            Append(segment, start, text.Length);
        }

        private void Append(ValueSegment segment, int start, int end)
        {
            if (end > start)
            {
                _current.Append(ShellValue.Text(segment.Text[start..end], segment.Origin));
                _begun = true;
            }
        }

        private void EndField()
        {
            _fields.Add(_current.ToValue());
            _begun = false;
        }
    }

    /// <summary>
    /// Fields of <c>PREFIX\"$value\"SUFFIX</c>-style words joined by single spaces, which is what
    /// <c>eval NAME=\"$value\"</c> in nginx's scripts stores: the words of the value, blanks squeezed.
    /// </summary>
    internal static ShellValue EvalJoin(string prefix, ShellValue value, string suffix)
    {
        var fields = SplitFields([new Piece(ShellValue.Text(prefix), false, prefix.Length > 0), new Piece(value, true, false), new Piece(ShellValue.Text(suffix), false, suffix.Length > 0)], DefaultFieldSeparators);

        // Strip the prefix and suffix back off: they were only there to shape the fields.
        return SliceText(JoinWithSpaces(fields), prefix.Length, suffix.Length);
    }

    /// <summary>Values joined by single spaces, as <c>eval</c> joins its arguments.</summary>
    private static ShellValue JoinWithSpaces(IEnumerable<ShellValue> values) => JoinValues(values, ShellValue.Space);

    private static ShellValue JoinValues(IEnumerable<ShellValue> values, ShellValue separator)
    {
        var joined = new ShellValue.Builder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                joined.Append(separator);
            }

            joined.Append(value);
            first = false;
        }

        return joined.ToValue();
    }

    private static ShellValue SliceText(ShellValue value, int dropStart, int dropEnd)
    {
        var segments = value.Segments.ToList();
        if (dropStart > 0 && segments.Count > 0 && segments[0].Unknown is null)
        {
            segments[0] = segments[0] with { Text = segments[0].Text[dropStart..] };
        }

        if (dropEnd > 0 && segments.Count > 0 && segments[^1].Unknown is null)
        {
            segments[^1] = segments[^1] with { Text = segments[^1].Text[..^dropEnd] };
        }

        return ShellValue.FromSegments(segments);
    }

    private ShellValue LookupParameter(string name, SyntaxElement at)
    {
        switch (name)
        {
            case "#":
                return ShellValue.Text(_state.Positional.Count.ToString(CultureInfo.InvariantCulture));
            case "@" or "*":
                return JoinPositional();
            case "?":
                return _state.LastStatus is { } status ? ShellValue.Text(status.ToString(CultureInfo.InvariantCulture)) : ShellValue.Of(new UnknownValue("the exit status of a program", LocationOf(at)));
            case "0":
                return ShellValue.Text("./configure");
            case "$" or "!" or "-":
                return ShellValue.Of(new UnknownValue($"${name}", LocationOf(at)));
        }

        if (char.IsAsciiDigit(name[0]))
        {
            var number = PositionalNumber(name);
            return number == 0 ? ShellValue.Text("./configure")
                : number > 0 && number <= _state.Positional.Count ? _state.Positional[number - 1] : ShellValue.Empty;
        }

        return GetVariable(name, at) ?? ShellValue.Empty;
    }

    /// <summary>
    /// A variable's value, or null when unset. A name that neither configure (<see cref="ConfigureVariables"/>)
    /// nor the script set, nor the script unset, comes from the environment of whoever runs configure: its value is unknown (the
    /// same unknown at every read of one run), and the read is recorded with the place that relies on it.
    /// nginx's own scripts (<paramref name="at"/> null) read only what configure set.
    /// </summary>
    internal ShellValue? GetVariable(string name, SyntaxElement? at)
    {
        NoteRead(name);
        if (_state.TryGetVariable(name, out var value))
        {
            return value;
        }

        if (at is null || ConfigureVariables.IsConfigures(name) || _state.UnsetByScript.Contains(name))
        {
            return null;
        }

        if (ConfigureVariables.ShellDefault(name) is { } shellDefault)
        {
            return ShellValue.Text(shellDefault);
        }

        Record.EnvironmentReads.Add((name, LocationOf(at)));
        if (!_environment.TryGetValue(name, out var fromEnvironment))
        {
            fromEnvironment = ShellValue.Of(new UnknownValue($"`{name}`, from the environment of configure", LocationOf(at)) { EnvironmentVariable = name });
            _environment = _environment.SetItem(name, fromEnvironment);
        }

        return fromEnvironment;
    }

    /// <summary>The environment variables read in this run, each one unknown value (immutable, so that a snapshot shares it).</summary>
    private NameMap<ShellValue> _environment = ShellState.NoVariables;

    private ShellValue ExpandParameter(ParameterExpansionSyntax expansion, bool quoted)
    {
        var name = expansion.ParameterName;
        var isSet = IsParameterSet(name, expansion);
        var value = name.Length == 0 ? ShellValue.Empty : LookupParameter(name, expansion);
        if (expansion.Hash is not null)
        {
            return value.KnownText is { } text ? ShellValue.Text(text.Length.ToString(CultureInfo.InvariantCulture)) : ShellValue.Of(new UnknownValue("the length of an unknown value", LocationOf(expansion)));
        }

        var op = expansion.OperatorText;
        if (op is null)
        {
            return value;
        }

        var colon = op.StartsWith(':');
        var empty = !isSet || (colon && value.IsEmpty);
        if (colon && !value.IsKnown && !value.IsEmpty && op.Length == 2 && op[1] is '-' or '=' or '?' or '+')
        {
            // An unknown value might be empty: the result depends on it.
            empty = Decide($"`{name}` is empty", expansion);
        }

        return op.TrimStart(':') switch
        {
            "-" => empty ? ExpandArgument(expansion, quoted) : value,
            "=" => empty ? AssignDefault(name, ExpandArgument(expansion, quoted)) : value,
            "+" => empty ? ShellValue.Empty : ExpandArgument(expansion, quoted),
            "?" => empty ? throw new ScriptExitException(2) : value,
            "#" or "##" or "%" or "%%" => RemoveAffix(expansion, value),
            _ => ShellValue.Of(new UnknownValue($"`${{{name}{op}...}}`, which /bin/sh rejects", LocationOf(expansion))),
        };
    }

    private bool IsParameterSet(string name, ParameterExpansionSyntax expansion) => name switch
    {
        "#" or "?" or "0" or "@" or "*" => true,
        _ when name.Length > 0 && char.IsAsciiDigit(name[0]) => PositionalNumber(name) is var number && number >= 0 && number <= _state.Positional.Count,
        _ => GetVariable(name, expansion) is not null,
    };

    // dash reads the digits of a positional parameter as C's atoi does: the number, held to a long, then cut to an int.
    // So ${010} is $10, ${00} is $0, ${4294967297} is $1, and ${2147483649} (negative as an int) is never set.
    private static int PositionalNumber(string digits)
    {
        var number = 0L;
        foreach (var digit in digits.TakeWhile(char.IsAsciiDigit))
        {
            number = number > (long.MaxValue - (digit - '0')) / 10 ? long.MaxValue : (number * 10) + (digit - '0');
        }

        return unchecked((int)number);
    }

    /// <summary>The word after the operator of <c>${name-word}</c>, expanded only when it is used.</summary>
    private ShellValue ExpandArgument(ParameterExpansionSyntax expansion, bool quoted)
        => expansion.Argument is null ? ShellValue.Empty : ExpandPartsToValue(expansion.Argument.Parts, quoted);

    private ShellValue AssignDefault(string name, ShellValue value)
    {
        Set(name, value);
        return value;
    }

    /// <summary><c>${name#pattern}</c>, <c>##</c>, <c>%</c>, <c>%%</c>.</summary>
    private ShellValue RemoveAffix(ParameterExpansionSyntax expansion, ShellValue value)
    {
        var op = expansion.OperatorText!;
        var pattern = expansion.Argument is null ? string.Empty : ExpandPattern(expansion.Argument);
        if (value.KnownText is not { } text || pattern is null)
        {
            return ShellValue.Of(new UnknownValue($"`${{{expansion.ParameterName}{op}...}}` of an unknown value", LocationOf(expansion)));
        }

        return ShellValue.Text(Glob.RemoveAffix(text, pattern, op), LocationOf(expansion));
    }

    /// <summary>A variable as arithmetic reads it: its text, or 0 when unset (the environment's unknown values are not read).</summary>
    private string? ReadForArithmetic(string name)
    {
        NoteRead(name);
        return _state.TryGetVariable(name, out var value) ? value.KnownText : "0";
    }

    private ShellValue EvaluateArithmetic(ArithmeticExpansionSyntax arithmetic)
    {
        var expression = ExpandPartsToValue(arithmetic.Parts, quoted: true);
        if (expression.KnownText is { } text && Arithmetic.TryEvaluate(text, ReadForArithmetic, out var result, out var assigned))
        {
            foreach (var (name, value) in assigned)
            {
                Set(name, ShellValue.Text(value.ToString(CultureInfo.InvariantCulture)));
            }

            return ShellValue.Text(result.ToString(CultureInfo.InvariantCulture));
        }

        // What the expression would assign is as unknown as its value.
        var known = string.Concat(expression.Segments.Select(s => s.Unknown is null ? s.Text : " 0 "));
        foreach (var name in Arithmetic.AssignedNames(known))
        {
            Set(name, ShellValue.Of(new UnknownValue($"`{name}`, assigned by an arithmetic expansion", LocationOf(arithmetic))));
        }

        return ShellValue.Of(new UnknownValue("an arithmetic expansion", LocationOf(arithmetic)));
    }
}
