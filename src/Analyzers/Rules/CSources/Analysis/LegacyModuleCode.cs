using System.Collections.Immutable;
using ConfigConvert.Analyzers.Framework;
using ConfigConvert.CSources;
using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>What kind of legacy module-list code a use is.</summary>
internal enum LegacyKind
{
    /// <summary>The global <c>ngx_modules</c> (CC4001).</summary>
    ModuleList,

    /// <summary><c>ngx_max_module</c> as the length of the module list (CC4003).</summary>
    MaxModule,
}

/// <summary>
/// One use of legacy module-list code, compiled for the target: where it is, and either the fix that
/// rewrites it (which may rewrite neighbouring uses too) or why it has none.
/// </summary>
internal sealed record LegacyUse(LegacyKind Kind, TextSpan Span, string Replacement, Fix? Fix, string? WhyNoFix);

/// <summary>A counting loop, with the fix that replaces it by <c>ngx_count_modules</c> or why there is none.</summary>
internal sealed record CountingLoopFinding(CountingLoop Loop, TextSpan Span, Fix? Fix, string? WhyNoFix);

/// <summary>
/// The legacy module-list code of one C file, found once for CC4001, CC4002 and CC4003 so that their fixes
/// never overlap: uses on adjacent lines share one guarded block, whose fix belongs to the first use; uses
/// inside a counting loop that CC4002 replaces are left to that fix.
/// </summary>
internal sealed class LegacyModuleCode
{
    private const string ModuleList = "ngx_modules";
    private const string MaxModule = "ngx_max_module";

    private LegacyModuleCode(ImmutableArray<LegacyUse> uses, ImmutableArray<CountingLoopFinding> loops)
    {
        Uses = uses;
        Loops = loops;
    }

    public ImmutableArray<LegacyUse> Uses { get; }

    public ImmutableArray<CountingLoopFinding> Loops { get; }

    /// <summary>The analysis of <paramref name="document"/>, shared by the rules that ask.</summary>
    public static LegacyModuleCode Of(CSourceDocument document, NginxVersionRange target) => document.GetAnalysis(target, Analyze);

    private static LegacyModuleCode Analyze(CSourceDocument document, NginxVersionRange target)
    {
        if (!MayHoldLegacyCode(document.File))
        {
            return None;
        }

        var code = CodeView.Of(document, target);
        var loops = FindLoops(code);
        var fixedLoops = new FixedLoops(loops);
        var sites = new List<Site>();
        for (var p = 0; p < code.Count; p++)
        {
            if (code.IsIdentifier(p, ModuleList) && !IsDeclaration(code, p))
            {
                sites.Add(NewSite(code, p, LegacyKind.ModuleList, fixedLoops));
            }
            else if (code.IsIdentifier(p, MaxModule) && IsModuleListBound(code, p))
            {
                sites.Add(NewSite(code, p, LegacyKind.MaxModule, fixedLoops));
            }
        }

        var uses = FixGroups(code, sites).Concat(DirectiveUses(document, target)).OrderBy(u => u.Span.Start);
        return new LegacyModuleCode([.. uses], [.. loops]);
    }

    private static readonly LegacyModuleCode None = new([], []);

    /// <summary>
    /// False when no identifier of the file, in code or in a directive, can be one every finding starts from
    /// (<c>ngx_modules</c>, <c>ngx_max_module</c>, or the <c>ctx_index</c> a counting loop assigns): then
    /// there is nothing to find, and neither the tokens nor the view of the code are made. The raw text
    /// settles it, unless a backslash-newline may split an identifier. Most files that name <c>ctx_index</c>
    /// read it (<c>conf[m-&gt;ctx_index]</c>) or name something longer (<c>ngx_http_lua_ssl_ctx_index</c>):
    /// only an assignment to it can be a counting loop's.
    /// </summary>
    private static bool MayHoldLegacyCode(CSourceFile file)
        => file.MayHaveIdentifierContaining(ModuleList, MaxModule) || file.MayAssignIdentifier(CountingLoop.CountedField);

    private static List<CountingLoopFinding> FindLoops(CodeView code)
    {
        var loops = new List<CountingLoopFinding>();
        for (var p = 0; p < code.Count; p++)
        {
            if (CountingLoop.Read(code, p) is { } loop)
            {
                loops.Add(LoopFix.Create(code, loop));
            }
        }

        return loops;
    }

    /// <summary><c>extern ngx_module_t *ngx_modules[];</c>: a declaration uses nothing.</summary>
    private static bool IsDeclaration(CodeView code, int p)
        => code.IsPunctuator(p - 1, "*") && code.IsIdentifier(p - 2, "ngx_module_t");

    /// <summary>
    /// <c>i &lt; ngx_max_module</c> in a <c>for</c> header whose loop reads <c>list[i]</c>: the static count
    /// used as the length of the module list. Elsewhere (the size of an array indexed by a module's
    /// <c>index</c>) it is right in every nginx: since 1.9.11 it counts the room for dynamic modules too.
    /// </summary>
    private static bool IsModuleListBound(CodeView code, int p)
    {
        if (!(code.IsPunctuator(p - 1, "<") || code.IsPunctuator(p - 1, "<=") || code.IsPunctuator(p - 1, "!=")) || !code.IsIdentifier(p - 2))
        {
            return false;
        }

        var index = code.Text(p - 2);
        for (var open = p - 3; open > 0 && open > p - 16; open--)
        {
            if (code.IsPunctuator(open, "(") && code.IsIdentifier(open - 1, "for") && code.Match(open) > p)
            {
                var end = code.IsPunctuator(code.Match(open) + 1, "{") ? code.Match(code.Match(open) + 1) : CountingLoop.StatementEnd(code, code.Match(open) + 1);
                return Enumerable.Range(open, Math.Max(0, end - open)).Any(q => IsModuleListElement(code, q, index));
            }
        }

        return false;
    }

    /// <summary><c>ngx_modules[i]</c>, <c>modules[i]</c> or <c>cycle-&gt;modules[i]</c> at the <c>[</c> at <paramref name="q"/>.</summary>
    private static bool IsModuleListElement(CodeView code, int q, string index)
        => code.IsPunctuator(q, "[") && code.IsIdentifier(q + 1, index) && code.IsPunctuator(q + 2, "]")
            && (code.IsIdentifier(q - 1, ModuleList) || code.IsIdentifier(q - 1, "modules"));

    private static Site NewSite(CodeView code, int p, LegacyKind kind, FixedLoops loops)
    {
        var owner = loops.Holding(p);
        if (owner is not null)
        {
            var line = code.File.GetLinePosition(code.Token(owner.Loop.For).Start).Line;
            return new Site(p, kind, null, $"the fix of the counting loop at line {line} (CC4002) replaces it");
        }

        var cycle = CycleInScope.Find(code, p);
        return new Site(p, kind, cycle.Expression, cycle.WhyNone);
    }

    /// <summary>Uses in <c>#define</c> bodies: reported, but the macro's users decide which cycle is in scope.</summary>
    private static IEnumerable<LegacyUse> DirectiveUses(CSourceDocument document, NginxVersionRange target)
    {
        var file = document.File;
        return file.FindReferences(ModuleList).Where(r => r.InDirective && IsCompiledDirective(document, target, r.Span.Start))
            .Select(r => new LegacyUse(LegacyKind.ModuleList, r.Span, "cycle->modules", null, "it is in a macro; rewrite the macro so that its users pass the cycle"));
    }

    private static bool IsCompiledDirective(CSourceDocument document, NginxVersionRange target, int position)
    {
        var tokens = document.File.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Start <= position && position < tokens[i].End)
            {
                return !CDirective.GetName(document.File.Text.Text, tokens[i]).StartsWith("if", StringComparison.Ordinal) && document.IsCompiled(i, target);
            }
        }

        return false;
    }

    /// <summary>
    /// Groups fixable uses with the same cycle into guarded blocks: a loop whose header walks the module
    /// list is one block with every use in it, and blocks on adjacent lines merge.
    /// </summary>
    private static IEnumerable<LegacyUse> FixGroups(CodeView code, List<Site> sites)
    {
        var loops = sites.Where(s => s.Cycle is not null).Select(s => EnclosingForHeader(code, s.Position)).Where(f => f >= 0).Distinct()
            .Select(f => (First: f, Last: StatementLast(code, f))).Where(l => l.Last > l.First).ToList();
        var group = new List<Site>();
        var groupEnd = -1;
        foreach (var site in sites)
        {
            if (site.Cycle is null)
            {
                yield return site.ToUse(code, null, site.WhyNoFix);
                continue;
            }

            var (first, last) = loops.Where(l => l.First <= site.Position && site.Position <= l.Last).DefaultIfEmpty((First: site.Position, Last: site.Position)).MinBy(l => l.First);
            if (group.Count > 0 && (group[0].Cycle != site.Cycle || LineOf(code, first) > LineOf(code, groupEnd) + 1))
            {
                foreach (var use in GuardGroup(code, group, groupEnd))
                {
                    yield return use;
                }

                group.Clear();
            }

            group.Add(site with { BlockStart = Math.Min(first, site.Position) });
            groupEnd = Math.Max(groupEnd, last);
        }

        foreach (var use in GuardGroup(code, group, groupEnd))
        {
            yield return use;
        }
    }

    /// <summary>The <c>for</c> whose header holds position <paramref name="p"/>, or -1.</summary>
    private static int EnclosingForHeader(CodeView code, int p)
    {
        for (var open = p - 1; open > 0 && open > p - 24; open--)
        {
            if (code.IsPunctuator(open, "(") && code.IsIdentifier(open - 1, "for") && code.Match(open) > p)
            {
                return open - 1;
            }
        }

        return -1;
    }

    /// <summary>The last token of the <c>for</c> statement at <paramref name="f"/>: its body's <c>}</c> or <c>;</c>.</summary>
    private static int StatementLast(CodeView code, int f)
    {
        var close = code.Match(f + 1);
        return code.IsPunctuator(close + 1, "{") ? code.Match(close + 1) : CountingLoop.StatementEnd(code, close + 1);
    }

    private static IEnumerable<LegacyUse> GuardGroup(CodeView code, List<Site> group, int groupEnd)
    {
        if (group.Count == 0)
        {
            yield break;
        }

        var text = code.File.Text.Text;
        var (lines, whyNot) = GuardedLines.WholeLines(code.File, code.Token(group[0].BlockStart).Start, code.Token(groupEnd).End);
        if (lines is not { } span)
        {
            foreach (var site in group)
            {
                yield return site.ToUse(code, null, whyNot);
            }

            yield break;
        }

        var old = text.Substring(span.Start, span.Length);
        var rewritten = new System.Text.StringBuilder(old);
        foreach (var site in Enumerable.Reverse(group))
        {
            var token = code.Token(site.Position);
            rewritten.Remove(token.Start - span.Start, token.Length).Insert(token.Start - span.Start, site.Replacement(code));
        }

        var fix = new Fix("use the cycle's module list", [new TextChange(code.File.Path, span, GuardedLines.Guard(text, rewritten.ToString(), old))]);
        var firstLine = LineOf(code, group[0].Position);
        for (var i = 0; i < group.Count; i++)
        {
            yield return group[i].ToUse(code, i == 0 ? fix : null, i == 0 ? null : $"the fix of line {firstLine} rewrites it");
        }
    }

    private static int LineOf(CodeView code, int position) => code.File.GetLinePosition(code.Token(position).Start).Line;

    /// <summary>A use before grouping: where, what, and the cycle to rewrite it with (or why none).</summary>
    private sealed record Site(int Position, LegacyKind Kind, string? Cycle, string? WhyNoFix)
    {
        /// <summary>Where the guarded block that holds this use starts: the use, or the loop it walks.</summary>
        public int BlockStart { get; init; } = Position;

        public string Replacement(CodeView code) => Replacement(Cycle ?? "cycle");

        public LegacyUse ToUse(CodeView code, Fix? fix, string? whyNoFix)
            => new(Kind, code.Token(Position).Span, Replacement(code), fix, fix is null ? whyNoFix : null);

        private string Replacement(string cycle) => Kind == LegacyKind.ModuleList ? cycle + "->modules" : cycle + "->modules_n";
    }

    /// <summary>
    /// The counting loops with a fix, asked for the first (in file order) that holds each site, the
    /// sites in file order. The loops are in the order of their <c>for</c>, so the first that holds a
    /// position is the earliest still open there, and a loop that has ended before one site ends
    /// before every later one: one pass over the loops serves every site.
    /// </summary>
    private sealed class FixedLoops(List<CountingLoopFinding> loops)
    {
        private readonly Queue<CountingLoopFinding> _open = new();
        private int _next;

        public CountingLoopFinding? Holding(int position)
        {
            for (; _next < loops.Count && loops[_next].Loop.For <= position; _next++)
            {
                if (loops[_next].Fix is not null)
                {
                    _open.Enqueue(loops[_next]);
                }
            }

            while (_open.Count > 0 && _open.Peek().Loop.End < position)
            {
                _open.Dequeue();
            }

            return _open.Count > 0 ? _open.Peek() : null;
        }
    }
}
