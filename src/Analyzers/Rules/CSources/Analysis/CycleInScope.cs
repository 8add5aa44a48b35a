using System.Runtime.CompilerServices;
using ConfigConvert.Analyzers.Framework;

namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>
/// Finds the expression that names the current cycle at a point of a function: a parameter
/// <c>ngx_cycle_t *cycle</c>, a parameter <c>ngx_conf_t *cf</c> (whose <c>cf-&gt;cycle</c> is the cycle
/// being configured), or a local <c>ngx_cycle_t *</c> initialized where it is declared. The global
/// <c>ngx_cycle</c> is never used, nor a local initialized from it (<c>ngx_cycle_t *cycle = (ngx_cycle_t *)
/// ngx_cycle;</c>): while a configuration is read it still points to the previous cycle, whose
/// <c>modules</c> is NULL when nginx starts, so a directive handler that walks it crashes <c>nginx -t</c>.
/// </summary>
internal static class CycleInScope
{
    private const string CycleType = "ngx_cycle_t";
    private const string ConfType = "ngx_conf_t";
    private const string GlobalCycle = "ngx_cycle";

    /// <summary>The cycle at view position <paramref name="position"/>, or why none can be told.</summary>
    public static CycleExpression Find(CodeView code, int position)
    {
        if (code.FunctionAt(position) is not { } function)
        {
            return new CycleExpression(null, "it is not inside a function");
        }

        var candidates = new List<(string Expression, bool IsCycle, string Name)>();
        var fromGlobal = new List<string>();
        Parameters(code, function.ParametersOpen, candidates);
        Locals(code, function.Open, position, candidates, fromGlobal);
        var distinct = candidates.DistinctBy(c => c.Expression).ToList();
        var namedCycle = distinct.Where(c => c.IsCycle && c.Name == "cycle").ToList();
        if (namedCycle.Count == 1)
        {
            return new CycleExpression(namedCycle[0].Expression, null);
        }

        return distinct.Count switch
        {
            0 when fromGlobal.Count > 0 => new CycleExpression(null, $"`{fromGlobal[0]}` is the global `ngx_cycle`, which still points to the previous cycle while a configuration is read, and no `ngx_cycle_t *` or `ngx_conf_t *` parameter is in scope"),
            0 => new CycleExpression(null, "no `ngx_cycle_t *` or `ngx_conf_t *` is in scope"),
            1 => new CycleExpression(distinct[0].Expression, null),
            _ => new CycleExpression(null, $"several cycles are in scope ({string.Join(", ", distinct.Select(c => "`" + c.Expression + "`"))})"),
        };
    }

    /// <summary>Parameters <c>ngx_cycle_t *name</c> and <c>ngx_conf_t *name</c>, each up to a <c>,</c> or the <c>)</c>.</summary>
    private static void Parameters(CodeView code, int open, List<(string, bool, string)> candidates)
    {
        var close = code.Match(open);
        for (var p = open + 1; p < close; p++)
        {
            if (Declared(code, p) is { } declared && (code.IsPunctuator(declared.End, ",") || declared.End == close))
            {
                candidates.Add(declared.Candidate);
            }
        }
    }

    /// <summary>
    /// Locals <c>ngx_cycle_t *name = ...</c> declared in the body before the use; those initialized from
    /// the global <c>ngx_cycle</c> go to <paramref name="fromGlobal"/> instead, to say why they are not used.
    /// </summary>
    private static void Locals(CodeView code, int bodyOpen, int position, List<(string, bool, string)> candidates, List<string> fromGlobal)
    {
        var declarations = LocalDeclarations.GetValue(code, FindLocalDeclarations);
        var first = SortedSearch.CountLeading(declarations.Count, i => declarations[i].Position <= bodyOpen);
        for (var i = first; i < declarations.Count && declarations[i].Position < position; i++)
        {
            if (declarations[i].FromGlobal)
            {
                fromGlobal.Add(declarations[i].Candidate.Item3);
            }
            else
            {
                candidates.Add(declarations[i].Candidate);
            }
        }
    }

    /// <summary>
    /// Every <c>ngx_cycle_t *name =</c> of the file, in order, found once per view: a use asks for those
    /// between its function's <c>{</c> and itself, and scanning that stretch again for each use made a
    /// function with thousands of uses quadratic.
    /// </summary>
    private static readonly ConditionalWeakTable<CodeView, List<(int Position, (string, bool, string) Candidate, bool FromGlobal)>> LocalDeclarations = new();

    private static List<(int Position, (string, bool, string) Candidate, bool FromGlobal)> FindLocalDeclarations(CodeView code)
    {
        var found = new List<(int, (string, bool, string), bool)>();
        for (var p = 0; p < code.Count; p++)
        {
            if (Declared(code, p) is { Candidate.Item2: true } declared && code.IsPunctuator(declared.End, "="))
            {
                found.Add((p, declared.Candidate, InitializerReadsGlobalCycle(code, declared.End + 1)));
            }
        }

        return found;
    }

    /// <summary>
    /// True when the initializer from <paramref name="start"/> to its <c>,</c> or <c>;</c> reads the
    /// global <c>ngx_cycle</c>, cast or not (<c>(ngx_cycle_t *) ngx_cycle</c>, <c>ngx_cycle-&gt;old_cycle</c>).
    /// </summary>
    private static bool InitializerReadsGlobalCycle(CodeView code, int start)
    {
        for (var q = start; q < code.Count && !code.IsPunctuator(q, ";") && !code.IsPunctuator(q, ",") && !code.IsPunctuator(q, "}"); q++)
        {
            if (code.IsIdentifier(q, GlobalCycle))
            {
                return true;
            }

            if ((code.IsPunctuator(q, "(") || code.IsPunctuator(q, "[") || code.IsPunctuator(q, "{")) && code.Match(q) > q)
            {
                // A comma inside brackets does not end the initializer; what is inside may still read the global.
                if (Enumerable.Range(q + 1, code.Match(q) - q - 1).Any(r => code.IsIdentifier(r, GlobalCycle)))
                {
                    return true;
                }

                q = code.Match(q);
            }
        }

        return false;
    }

    /// <summary><c>TYPE * name</c> at <paramref name="p"/>, with the position after the name.</summary>
    private static ((string, bool, string) Candidate, int End)? Declared(CodeView code, int p)
    {
        var isCycle = code.IsIdentifier(p, CycleType);
        if (!(isCycle || code.IsIdentifier(p, ConfType)) || !code.IsPunctuator(p + 1, "*") || !code.IsIdentifier(p + 2))
        {
            return null;
        }

        var name = code.Text(p + 2);
        return ((isCycle ? name : name + "->cycle", isCycle, name), p + 3);
    }
}

/// <summary>The cycle's expression (<c>cycle</c>, <c>cf-&gt;cycle</c>), or null with the reason none can be told.</summary>
internal sealed record CycleExpression(string? Expression, string? WhyNone);
