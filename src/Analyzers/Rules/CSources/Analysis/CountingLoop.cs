namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>
/// A loop that sets <c>ctx_index</c> by counting modules of a type by hand, the way nginx did before
/// 1.9.11. Positions are those of the <see cref="CodeView"/>.
/// </summary>
/// <param name="For">The <c>for</c> keyword.</param>
/// <param name="HeaderClose">The <c>)</c> that closes the loop's header.</param>
/// <param name="End">The loop's last token (its <c>}</c>, or the <c>;</c> of a one-statement body).</param>
/// <param name="Counter">What <c>ctx_index</c> is counted into (<c>ngx_rtmp_max_module</c>).</param>
/// <param name="ModuleType">The module type counted (<c>NGX_RTMP_MODULE</c>), or null when the loop tests none.</param>
/// <param name="Reset">The <c>counter = 0;</c> statement right before the loop, which the count replaces too; or null.</param>
/// <param name="OtherWork">The first token of a statement that does more than count, or null.</param>
internal sealed record CountingLoop(int For, int HeaderClose, int End, string Counter, string? ModuleType, int? Reset, int? OtherWork)
{
    /// <summary>Where the statements the fix replaces begin: the reset before the loop, or the loop.</summary>
    public int First => Reset ?? For;

    /// <summary>The field a counting loop assigns: every loop this finds has one.</summary>
    public const string CountedField = "ctx_index";

    /// <summary>True when <paramref name="position"/> is in the loop (header or body).</summary>
    public bool Contains(int position) => For <= position && position <= End;

    /// <summary>Finds the counting loop whose <c>for</c> is at <paramref name="position"/>, or null.</summary>
    public static CountingLoop? Read(CodeView code, int position)
    {
        if (!code.IsIdentifier(position, "for") || !code.IsPunctuator(position + 1, "(") || code.Match(position + 1) is var close && close < 0)
        {
            return null;
        }

        var body = close + 1;
        var end = code.IsPunctuator(body, "{") ? code.Match(body) : StatementEnd(code, body);
        if (end < 0)
        {
            return null;
        }

        var assignments = CountingAssignments(code, body, end);
        if (assignments.Count == 0)
        {
            return null;
        }

        var counter = code.Text(assignments[0] + 2);
        var reader = new BodyReader(code, counter);
        var start = code.IsPunctuator(body, "{") ? body + 1 : body;
        var stop = code.IsPunctuator(body, "{") ? end : end + 1;
        reader.ReadStatements(start, stop);
        var reset = IsReset(code, position - 4, counter) ? position - 4 : (int?)null;
        var otherWork = assignments.Count > 1 ? assignments[1] : reader.OtherWork;
        return new CountingLoop(position, close, end, counter, reader.ModuleType, reset, otherWork);
    }

    // A loop rather than a query: Read runs at every token of a file, and a lambda over `code` would
    // allocate its closure at each of them, loop or not.
    private static List<int> CountingAssignments(CodeView code, int first, int last)
    {
        var found = new List<int>();
        for (var p = first; p <= last; p++)
        {
            if (IsCountingAssignment(code, p))
            {
                found.Add(p);
            }
        }

        return found;
    }

    /// <summary><c>ctx_index = counter++</c> at <paramref name="p"/> (after <c>-&gt;</c>).</summary>
    internal static bool IsCountingAssignment(CodeView code, int p)
        => code.IsIdentifier(p, CountedField) && code.IsPunctuator(p - 1, "->") && code.IsPunctuator(p + 1, "=")
            && code.IsIdentifier(p + 2) && code.IsPunctuator(p + 3, "++") && code.IsPunctuator(p + 4, ";");

    /// <summary>The <c>;</c> that ends the statement starting at <paramref name="p"/>, skipping brackets; -1 when there is none.</summary>
    internal static int StatementEnd(CodeView code, int p)
    {
        for (; p < code.Count; p++)
        {
            if (code.IsPunctuator(p, ";"))
            {
                return p;
            }

            if ((code.IsPunctuator(p, "(") || code.IsPunctuator(p, "[") || code.IsPunctuator(p, "{")) && code.Match(p) > p)
            {
                p = code.Match(p);
            }
            else if (code.IsPunctuator(p, "}"))
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary><c>counter = 0;</c> as a statement of its own (a declaration <c>ngx_uint_t count = 0;</c> stays).</summary>
    private static bool IsReset(CodeView code, int p, string counter)
        => p >= 0 && (p == 0 || code.IsPunctuator(p - 1, ";") || code.IsPunctuator(p - 1, "{") || code.IsPunctuator(p - 1, "}")) && code.IsIdentifier(p, counter) && code.IsPunctuator(p + 1, "=") && code.Text(p + 2) == "0" && code.IsPunctuator(p + 3, ";");

    /// <summary>
    /// Reads a loop body, statement by statement, accepting only what a counting loop does: skip modules of
    /// another type (<c>if (m-&gt;type != T) continue;</c>), keep a module in a local, count
    /// (<c>m-&gt;ctx_index = n++;</c>), or count only modules of the type (<c>if (m-&gt;type == T) ...</c>).
    /// </summary>
    private sealed class BodyReader(CodeView code, string counter)
    {
        public string? ModuleType { get; private set; }

        public int? OtherWork { get; private set; }

        public void ReadStatements(int start, int stop)
        {
            var p = start;
            while (p < stop && OtherWork is null)
            {
                p = ReadStatement(p, stop);
            }
        }

        private int ReadStatement(int p, int stop)
        {
            if (code.IsPunctuator(p, "{") && code.Match(p) > p)
            {
                ReadStatements(p + 1, code.Match(p));
                return code.Match(p) + 1;
            }

            if (code.IsIdentifier(p, "if") && code.IsPunctuator(p + 1, "(") && code.Match(p + 1) > p)
            {
                return ReadIf(p, stop);
            }

            var end = StatementEnd(code, p);
            if (end < 0 || end >= stop || !(IsModuleLocal(p, end) || IsCount(p, end)))
            {
                OtherWork = p;
                return stop;
            }

            return end + 1;
        }

        private int ReadIf(int p, int stop)
        {
            var close = code.Match(p + 1);
            var type = TypeTest(p + 2, close, out var equal);
            var next = close + 1;
            var thenEnd = code.IsPunctuator(next, "{") ? code.Match(next) : StatementEnd(code, next);
            if (type is null || thenEnd < 0 || thenEnd >= stop || code.IsIdentifier(thenEnd + 1, "else") || (ModuleType is not null && ModuleType != type))
            {
                OtherWork = p;
                return stop;
            }

            ModuleType = type;
            var (innerStart, innerStop) = code.IsPunctuator(next, "{") ? (next + 1, thenEnd) : (next, thenEnd + 1);
            if (!equal && !(code.IsIdentifier(innerStart, "continue") && code.IsPunctuator(innerStart + 1, ";") && innerStart + 2 == innerStop))
            {
                OtherWork = p;
                return stop;
            }

            if (equal)
            {
                ReadStatements(innerStart, innerStop);
            }

            return thenEnd + 1;
        }

        /// <summary><c>X-&gt;type != T</c> or <c>X-&gt;type == T</c> filling <c>[start, close)</c>: the type T.</summary>
        private string? TypeTest(int start, int close, out bool equal)
        {
            equal = code.IsPunctuator(close - 2, "==");
            var typed = code.IsIdentifier(close - 3, "type") && code.IsPunctuator(close - 4, "->") && close - 4 > start;
            return typed && (equal || code.IsPunctuator(close - 2, "!=")) && code.IsIdentifier(close - 1) ? code.Text(close - 1) : null;
        }

        /// <summary><c>module = list[m];</c> or <c>module = list[m]-&gt;ctx;</c>.</summary>
        private bool IsModuleLocal(int p, int end)
            => code.IsIdentifier(p) && code.IsPunctuator(p + 1, "=") && Enumerable.Range(p + 2, end - p - 2).Any(q => code.IsPunctuator(q, "["))
                && !code.IsIdentifier(p, counter) && Enumerable.Range(p + 2, end - p - 2).All(q => !code.IsPunctuator(q, "=") && !code.IsPunctuator(q, "("));

        private bool IsCount(int p, int end)
            => end - 4 > p && IsCountingAssignment(code, end - 4) && code.Text(end - 2) == counter;
    }
}
