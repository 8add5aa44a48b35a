namespace ConfigConvert.Analyzers;

/// <summary>How far a check has come: reported once before the first module, then after each.</summary>
/// <param name="Done">Modules checked so far.</param>
/// <param name="Total">Modules to check.</param>
/// <param name="Module">The module just checked, absolute; null in the first report.</param>
public sealed record ModuleProgress(int Done, int Total, string? Module);
