using System.Collections.Immutable;
using ConfigConvert.ModuleModel.Nginx;
using ConfigConvert.ShellParser;

namespace ConfigConvert.Converter.Emit;

/// <summary>The shape of the new config.</summary>
internal enum PlanShape
{
    /// <summary>One type: <c>if test -n "$ngx_module_link"; then</c> description, <c>. auto/module</c>; <c>else</c> old text.</summary>
    Simple,

    /// <summary>Several types: one combined call for DYNAMIC, one call per type for ADDON.</summary>
    MultiType,

    /// <summary>Modules placed at a position of a list: a DYNAMIC call with <c>ngx_module_order</c>; static builds keep the old text.</summary>
    Positioned,
}

/// <summary>The variables given to one <c>. auto/module</c> call, as shell text.</summary>
internal sealed record ModuleCall(ModuleType Type, string Names, string Incs, string Deps, string Sources, string Libs, string Order, bool ResetUnused)
{
    /// <summary>The <c>ngx_module_*</c> variables to write one item a line, because the original wrote those lists so.</summary>
    public ImmutableHashSet<string> OneItemPerLine { get; init; } = [];
}

/// <summary>What the writer does: which statements move, and the calls that replace them.</summary>
internal sealed record ConversionPlan(
    PlanShape Shape,
    ImmutableArray<StatementSyntax> Registrations,
    ImmutableArray<ModuleCall> StaticCalls,
    ModuleCall? DynamicCall,
    bool Compatibility)
{
    /// <summary>For a module registered in several places: its lists collected into variables where the appends were; null otherwise.</summary>
    public CollectedLists? Collected { get; init; }
}
