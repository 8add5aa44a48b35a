using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Analyzers.Rules.CSources.Analysis;

/// <summary>
/// The fix of a counting loop: its lines (and those of the <c>counter = 0;</c> before it) become
/// <c>counter = ngx_count_modules(cycle, TYPE);</c> for nginx 1.9.11 and later, and stay as they were
/// for older nginx.
/// </summary>
internal static class LoopFix
{
    public static CountingLoopFinding Create(CodeView code, CountingLoop loop)
    {
        var span = TextSpan.FromBounds(code.Token(loop.For).Start, code.Token(loop.HeaderClose).End);
        var whyNot = WhyNoFix(code, loop, out var cycle);
        if (whyNot is not null)
        {
            return new CountingLoopFinding(loop, span, null, whyNot);
        }

        var text = code.File.Text.Text;
        var first = code.Token(loop.First).Start;
        var (lines, whyNotLines) = GuardedLines.WholeLines(code.File, first, code.Token(loop.End).End);
        if (lines is not { } whole || !OnlyBlanksAround(text, whole, first, code.Token(loop.End).End))
        {
            return new CountingLoopFinding(loop, span, null, whyNotLines ?? "other code shares its first or last line");
        }

        var count = GuardedLines.IndentAt(text, first) + $"{loop.Counter} = ngx_count_modules({cycle}, {loop.ModuleType});";
        var old = text.Substring(whole.Start, whole.Length);
        var fix = new Fix("count the modules with ngx_count_modules", [new TextChange(code.File.Path, whole, GuardedLines.Guard(text, count, old))]);
        return new CountingLoopFinding(loop, span, fix, null);
    }

    private static string? WhyNoFix(CodeView code, CountingLoop loop, out string? cycle)
    {
        cycle = null;
        if (loop.OtherWork is { } other)
        {
            return $"the loop also does other work (line {code.File.GetLinePosition(code.Token(other).Start).Line}), which ngx_count_modules does not do; count with ngx_count_modules before it and keep the rest";
        }

        if (loop.ModuleType is null)
        {
            return "the loop tests no module type, so the type to count is not known";
        }

        if (LeftUnused.Find(code, loop.First, loop.End) is { } local)
        {
            return local.Assigned
                ? $"`{local.Name}` is read only by this loop: without it, nginx's -Werror build rejects the variable set but not used; count with ngx_count_modules and guard `{local.Name}`'s declaration and assignments too"
                : $"`{local.Name}` is used only by this loop: without it, nginx's -Werror build rejects the unused variable; count with ngx_count_modules and guard `{local.Name}`'s declaration too";
        }

        var found = CycleInScope.Find(code, loop.For);
        cycle = found.Expression;
        return found.WhyNone;
    }

    private static bool OnlyBlanksAround(string text, TextSpan lines, int start, int end)
        => text.AsSpan(lines.Start, start - lines.Start).IsWhiteSpace() && text.AsSpan(end, lines.End - end).IsWhiteSpace();
}
