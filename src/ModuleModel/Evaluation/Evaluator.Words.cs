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
    /// escapes kept.
    /// </summary>
    private readonly record struct Piece(ShellValue Value, bool Splittable, bool Quoted, string? Pattern = null);

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
                fields.AddRange(ExpandFields(word));
            }
        }

        return fields;
    }

    /// <summary>Expands a word into fields, as for a command's arguments.</summary>
    private List<ShellValue> ExpandFields(WordSyntax word)
    {
        var pieces = new List<Piece>();
        ExpandParts(word.Parts, quoted: false, pieces);
        return SplitFields(pieces);
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
        var pieces = new List<Piece>();
        ExpandParts(parts, quoted, pieces);
        return ShellValue.Concat(pieces.ConvertAll(p => p.Value));
    }

    /// <summary>A case pattern or a parameter-expansion pattern: quoted characters stand for themselves.</summary>
    private string? ExpandPattern(WordSyntax word)
    {
        var pieces = new List<Piece>();
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
                    if (simple.ParameterName == "@" && quoted)
                    {
                        AddQuotedPositional(pieces);
                        break;
                    }

                    pieces.Add(new Piece(LookupParameter(simple.ParameterName, simple), !quoted, quoted));
                    break;
                case ParameterExpansionSyntax expansion:
                    pieces.Add(new Piece(ExpandParameter(expansion, quoted), !quoted, quoted));
                    break;
                case CommandSubstitutionSyntax substitution:
                    pieces.Add(new Piece(SubstitutionValue(Capture(() => ExecuteStatements(substitution.Statements))), !quoted, quoted));
                    break;
                case BackquoteSubstitutionSyntax backquote:
                    pieces.Add(new Piece(SubstitutionValue(Capture(() => RunBackquote(backquote))), !quoted, quoted));
                    break;
                case ArithmeticExpansionSyntax arithmetic:
                    pieces.Add(new Piece(EvaluateArithmetic(arithmetic), !quoted, quoted));
                    break;
            }
        }
    }

    /// <summary>A literal part's value, written where it is (where the text it was read from was, inside a backquote or here-document).</summary>
    private ShellValue LiteralValue(LiteralPartSyntax literal) => _trees.Peek() switch
    {
        (_, { } outer) => ShellValue.Text(literal.Value, outer),
        (var tree, null) => _memo.Literal(tree, literal),
    };

    private void AddQuotedPositional(List<Piece> pieces)
    {
        // "$@" gives one field per parameter; the separator pieces below end each field.
        for (var i = 0; i < _state.Positional.Count; i++)
        {
            if (i > 0)
            {
                pieces.Add(new Piece(ShellValue.Space, true, false));
            }

            pieces.Add(new Piece(_state.Positional[i], false, true));
        }
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

    /// <summary>Field splitting on the default IFS: only unquoted expansion results are split.</summary>
    private static List<ShellValue> SplitFields(List<Piece> pieces)
    {
        var fields = new List<ShellValue>();
        var current = new ShellValue.Builder();
        var hasField = false;
        foreach (var piece in pieces)
        {
            if (!piece.Splittable)
            {
                current.Append(piece.Value);
                hasField |= piece.Quoted || !piece.Value.IsEmpty;
                continue;
            }

            foreach (var segment in piece.Value.Segments)
            {
                if (segment.Unknown is not null)
                {
                    current.Append(ShellValue.Of(segment.Unknown));
                    hasField = true;
                    continue;
                }

                var start = 0;
                for (var i = 0; i <= segment.Text.Length; i++)
                {
                    if (i < segment.Text.Length && !ShellValue.IsBlank(segment.Text[i]))
                    {
                        continue;
                    }

                    if (i > start)
                    {
                        current.Append(ShellValue.Text(segment.Text[start..i], segment.Origin));
                        hasField = true;
                    }

                    if (i < segment.Text.Length && hasField)
                    {
                        fields.Add(current.ToValue());
                        current = new ShellValue.Builder();
                        hasField = false;
                    }

                    start = i + 1;
                }
            }
        }

        if (hasField)
        {
            fields.Add(current.ToValue());
        }

        return fields;
    }

    /// <summary>
    /// Fields of <c>PREFIX\"$value\"SUFFIX</c>-style words joined by single spaces, which is what
    /// <c>eval NAME=\"$value\"</c> in nginx's scripts stores: the words of the value, blanks squeezed.
    /// </summary>
    internal static ShellValue EvalJoin(string prefix, ShellValue value, string suffix)
    {
        var fields = SplitFields([new Piece(ShellValue.Text(prefix), false, prefix.Length > 0), new Piece(value, true, false), new Piece(ShellValue.Text(suffix), false, suffix.Length > 0)]);

        // Strip the prefix and suffix back off: they were only there to shape the fields.
        return SliceText(JoinWithSpaces(fields), prefix.Length, suffix.Length);
    }

    /// <summary>Values joined by single spaces, as <c>$*</c> and <c>eval</c> join them.</summary>
    private static ShellValue JoinWithSpaces(IEnumerable<ShellValue> values)
    {
        var joined = new ShellValue.Builder();
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                joined.Append(ShellValue.Space);
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
                return JoinWithSpaces(_state.Positional);
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
    /// nor the script set comes from the environment of whoever runs configure: its value is unknown (the
    /// same unknown at every read of one run), and the read is recorded with the place that relies on it.
    /// nginx's own scripts (<paramref name="at"/> null) read only what configure set.
    /// </summary>
    internal ShellValue? GetVariable(string name, SyntaxElement? at)
    {
        if (_state.Variables.TryGetValue(name, out var value))
        {
            return value;
        }

        if (at is null || ConfigureVariables.IsConfigures(name))
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
        _state.SetVariable(name, value);
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

    private ShellValue EvaluateArithmetic(ArithmeticExpansionSyntax arithmetic)
    {
        var expression = ExpandPartsToValue(arithmetic.Parts, quoted: true);
        if (expression.KnownText is { } text && Arithmetic.TryEvaluate(text, n => _state.Variables.TryGetValue(n, out var v) ? v.KnownText : "0", out var result, out var assigned))
        {
            foreach (var (name, value) in assigned)
            {
                _state.SetVariable(name, ShellValue.Text(value.ToString(CultureInfo.InvariantCulture)));
            }

            return ShellValue.Text(result.ToString(CultureInfo.InvariantCulture));
        }

        // What the expression would assign is as unknown as its value.
        var known = string.Concat(expression.Segments.Select(s => s.Unknown is null ? s.Text : " 0 "));
        foreach (var name in Arithmetic.AssignedNames(known))
        {
            _state.SetVariable(name, ShellValue.Of(new UnknownValue($"`{name}`, assigned by an arithmetic expansion", LocationOf(arithmetic))));
        }

        return ShellValue.Of(new UnknownValue("an arithmetic expansion", LocationOf(arithmetic)));
    }
}
