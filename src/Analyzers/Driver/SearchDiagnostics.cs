using ConfigConvert.Diagnostics;
using ConfigConvert.ModuleModel;

namespace ConfigConvert.Analyzers.Driver;

/// <summary>A path the module search could not use, as the check's own diagnostic (CC5902, CC5903).</summary>
internal static class SearchDiagnostics
{
    public static Diagnostic Of(ModuleSearchProblem problem) => problem.Kind == ModuleSearchProblemKind.NoModuleFound
        ? Diagnostic.Create(DriverDiagnostics.NoModuleFound, Location.None(problem.Path), problem.Path)
        : Diagnostic.Create(DriverDiagnostics.PathUnreadable, Location.None(problem.Path), problem.Path, problem.Reason);
}
