using ConfigConvert.Analyzers.Framework;

namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>
/// A local of the function that only the statements a fix replaces read: the loop variable <c>m</c>, a
/// <c>module = modules[m];</c> local, a list <c>modules = cycle-&gt;modules;</c> walked by that loop alone.
/// Once the fix puts those statements under <c>#else</c>, nginx's <c>-W -Wall -Werror</c> build rejects
/// the local as an unused variable, or as set but not used when it is still assigned.
/// </summary>
/// <param name="Name">The local.</param>
/// <param name="Assigned">True when code the fix keeps assigns it (set but not used), false when only its declaration is left.</param>
internal sealed record LeftUnused(string Name, bool Assigned)
{
    private static readonly HashSet<string> StatementKeywords = new(StringComparer.Ordinal) { "return", "goto", "case", "sizeof", "else", "do" };

    /// <summary>The first local (in text order) that nothing outside view positions <c>[first, last]</c> reads, or null.</summary>
    public static LeftUnused? Find(CodeView code, int first, int last)
    {
        if (code.FunctionAt(first) is not { } function)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var p = first; p <= last; p++)
        {
            if (code.IsIdentifier(p) && !IsMember(code, p) && seen.Add(code.Text(p)) && ReadOnlyBetween(code, function, first, last, code.Text(p)) is { } assigned)
            {
                return new LeftUnused(code.Text(p), assigned);
            }
        }

        return null;
    }

    /// <summary>
    /// For a local declared in the function's body before <paramref name="first"/>: null when code outside
    /// <c>[first, last]</c> reads it, else whether that code assigns it. Null too for anything that is not
    /// such a local (a parameter, a global, a macro): removing its uses leaves no warning.
    /// </summary>
    private static bool? ReadOnlyBetween(CodeView code, (int Open, int Close, int ParametersOpen) function, int first, int last, string name)
    {
        var positions = code.PositionsOf(name);
        var start = SortedSearch.CountLeading(positions.Count, i => positions[i] <= function.Open);
        var declaration = Enumerable.Range(start, positions.Count - start).Select(i => positions[i]).FirstOrDefault(q => q < function.Close && !IsMember(code, q), -1);
        if (declaration < 0 || declaration >= first || !IsDeclaration(code, function.Open, declaration))
        {
            return null;
        }

        var assigned = false;
        for (var i = start; i < positions.Count && positions[i] < function.Close; i++)
        {
            var q = positions[i];
            if (q == declaration || (first <= q && q <= last) || IsMember(code, q))
            {
                continue;
            }

            if (!IsAssigned(code, q))
            {
                return null;
            }

            assigned = true;
        }

        return assigned;
    }

    /// <summary><c>TYPE name;</c>, <c>TYPE *a, *name = ...;</c>: the name of a declarator of a declaration statement.</summary>
    private static bool IsDeclaration(CodeView code, int bodyOpen, int q)
    {
        var before = code.IsPunctuator(q - 1, "*") || code.IsPunctuator(q - 1, ",") || code.IsIdentifier(q - 1);
        var after = code.IsPunctuator(q + 1, ";") || code.IsPunctuator(q + 1, ",") || code.IsPunctuator(q + 1, "=") || code.IsPunctuator(q + 1, "[");
        if (!before || !after)
        {
            return false;
        }

        var s = StatementStart(code, bodyOpen, q);
        var typed = code.IsIdentifier(s) && !StatementKeywords.Contains(code.Text(s)) && (code.IsIdentifier(s + 1) || code.IsPunctuator(s + 1, "*"));

        // A comma inside an open bracket separates arguments (f(a, name)), not declarators.
        return typed && Enumerable.Range(s, q - s).All(r => code.Match(r) < q);
    }

    /// <summary><c>name = ...;</c> as a statement of its own.</summary>
    private static bool IsAssigned(CodeView code, int q)
        => code.IsPunctuator(q + 1, "=") && (code.IsPunctuator(q - 1, ";") || code.IsPunctuator(q - 1, "{") || code.IsPunctuator(q - 1, "}"));

    /// <summary>The first token of the statement holding <paramref name="q"/>: after the last <c>;</c>, <c>{</c> or <c>}</c> before it.</summary>
    private static int StatementStart(CodeView code, int bodyOpen, int q)
    {
        var p = q - 1;
        while (p > bodyOpen && !code.IsPunctuator(p, ";") && !code.IsPunctuator(p, "{") && !code.IsPunctuator(p, "}"))
        {
            p--;
        }

        return p + 1;
    }

    /// <summary>A field (<c>-&gt;type</c>, <c>.ctx_index</c>), not a variable.</summary>
    private static bool IsMember(CodeView code, int q) => code.IsPunctuator(q - 1, "->") || code.IsPunctuator(q - 1, ".");
}
