using System.Text;

namespace ConfigConvert.CSources;

/// <summary>
/// One branch of an <c>#if</c>/<c>#elif</c>/<c>#else</c> group, linked to the branch that encloses it
/// and to the earlier branches of its own group. Scopes are immutable and shared, so recording the
/// scope of every token costs one object per directive; the text of a condition is built only when asked.
/// </summary>
internal sealed class CConditionScope
{
    /// <summary>Beyond this many parts a condition's text is cut short: hostile nesting must not make output quadratic.</summary>
    internal const int MaxParts = 64;

    // Computed on first use and published with one reference write, so that threads sharing an index
    // never see half of it.
    private TextState? _state;

    private CConditionScope(CConditionScope? parent, string? condition, CConditionScope? previousBranch)
    {
        Parent = parent;
        Condition = condition;
        PreviousBranch = previousBranch;
    }

    /// <summary>The branch this group sits in, or null at file level.</summary>
    public CConditionScope? Parent { get; }

    /// <summary>
    /// The condition written on this branch, as an expression: <c>(NGX_HTTP_SSL)</c> for <c>#if (NGX_HTTP_SSL)</c>,
    /// <c>defined(X)</c> for <c>#ifdef X</c>, <c>!defined(X)</c> for <c>#ifndef X</c>; null for <c>#else</c>.
    /// </summary>
    public string? Condition { get; }

    /// <summary>The branch before this one in the same group, whose condition must have been false.</summary>
    public CConditionScope? PreviousBranch { get; }

    /// <summary>
    /// Everything that must hold for code in this branch to be compiled, outermost first, joined with
    /// <c> &amp;&amp; </c>: a branch of <c>#if (NGX_HTTP_CACHE)</c> ... <c>#else</c> gives <c>!(NGX_HTTP_CACHE)</c>.
    /// </summary>
    public string Text
    {
        get
        {
            if (_state is null)
            {
                BuildTexts();
            }

            return _state!.Text;
        }
    }

    /// <summary>Opens a group with its first branch.</summary>
    public static CConditionScope If(CConditionScope? parent, string condition) => new(parent, condition, null);

    /// <summary>The next branch of this group, with its own condition (<c>#elif</c>) or none (<c>#else</c>).</summary>
    public CConditionScope NextBranch(string? condition) => new(Parent, condition, this);

    /// <summary>The logical negation of a condition, kept readable: <c>!defined(X)</c> and <c>defined(X)</c> swap.</summary>
    internal static string Negate(string condition)
    {
        if (condition == "0")
        {
            return "1";
        }

        if (condition == "1")
        {
            return "0";
        }

        if (condition.Length > 1 && condition[0] == '!' && IsAtomic(condition.AsSpan(1)))
        {
            return condition[1..];
        }

        return IsAtomic(condition) ? "!" + condition : "!(" + condition + ")";
    }

    /// <summary>
    /// True when the condition needs no parentheses next to <c>&amp;&amp;</c> or after <c>!</c>: outside
    /// parentheses it has only name characters (and a leading <c>!</c>).
    /// </summary>
    internal static bool IsAtomic(ReadOnlySpan<char> condition)
    {
        if (condition.IsEmpty)
        {
            return false;
        }

        var depth = 0;
        for (var i = 0; i < condition.Length; i++)
        {
            var c = condition[i];
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                if (--depth < 0)
                {
                    return false;
                }
            }
            else if (depth == 0 && !(char.IsAsciiLetterOrDigit(c) || c == '_' || (c == '!' && i == 0)))
            {
                return false;
            }
        }

        return depth == 0;
    }

    /// <summary>
    /// Computes the text of this scope and of any ancestor not computed yet, outermost first, each from
    /// its parent's: a loop rather than recursion, so deep nesting cannot exhaust the stack, and linear
    /// overall because each scope's text is computed once and is at most <see cref="MaxParts"/> parts long.
    /// </summary>
    private void BuildTexts()
    {
        var chain = new Stack<CConditionScope>();
        for (var scope = this; scope is not null && scope._state is null; scope = scope.Parent)
        {
            chain.Push(scope);
        }

        while (chain.Count > 0)
        {
            chain.Pop().ComputeText();
        }
    }

    private void ComputeText()
    {
        var parent = Parent?._state;
        var parentCount = parent?.PartCount ?? 0;
        var parts = new List<string>();
        if (parentCount <= MaxParts)
        {
            AddParts(this, parts);
        }

        if (parts.Count == 0)
        {
            _state = parent ?? new TextState(string.Empty, string.Empty, 0);
            return;
        }

        var builder = new StringBuilder(parent?.Joined);
        var count = parentCount;
        foreach (var part in parts)
        {
            if (count == MaxParts)
            {
                // Past the limit the text ends with a marker; deeper scopes then share it.
                builder.Append(" && ...");
                count++;
                break;
            }

            if (count > 0)
            {
                builder.Append(" && ");
            }

            builder.Append(IsAtomic(part) ? part : "(" + part + ")");
            count++;
        }

        var joined = builder.ToString();
        _state = new TextState(count == 1 ? parts[0] : joined, joined, count);
    }

    /// <summary>Adds the conditions of one level: the earlier branches negated, then this branch's own.</summary>
    private static void AddParts(CConditionScope branch, List<string> parts)
    {
        var start = parts.Count;
        for (var previous = branch.PreviousBranch; previous is not null && parts.Count - start <= MaxParts; previous = previous.PreviousBranch)
        {
            if (previous.Condition is not null)
            {
                parts.Insert(start, Negate(previous.Condition));
            }
        }

        if (branch.Condition is not null)
        {
            parts.Add(branch.Condition);
        }
    }

    /// <summary>A scope's text; <paramref name="Joined"/> has every part parenthesized where needed, which is how a nested scope extends it.</summary>
    private sealed record TextState(string Text, string Joined, int PartCount);
}
