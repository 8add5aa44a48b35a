using ConfigConvert.Verification;

namespace ConfigConvert.Cli.Output;

/// <summary>The names verify prints for its enums, the same in text and JSON (JSON writes them with dashes).</summary>
internal static class VerificationView
{
    public static string StepName(VerificationStepKind kind) => kind switch
    {
        VerificationStepKind.Convert => "convert",
        VerificationStepKind.StaticConfigure => "static configure",
        VerificationStepKind.StaticComparison => "static comparison",
        VerificationStepKind.DynamicBuild => "dynamic build",
        VerificationStepKind.ModulePlacement => "module placement",
        _ => "load",
    };

    public static string OutcomeName(StepOutcome outcome) => outcome switch
    {
        StepOutcome.Passed => "passed",
        StepOutcome.Failed => "failed",
        StepOutcome.NotApplicable => "not applicable",
        _ => "skipped",
    };

    public static string VerdictName(VerificationVerdict verdict) => verdict switch
    {
        VerificationVerdict.Proven => "proven",
        VerificationVerdict.NotProven => "not proven",
        _ => "not run",
    };

    public static string StyleName(ConfigStyle style) => style switch
    {
        ConfigStyle.Converted => "converted",
        ConfigStyle.NewStyle => "new style",
        ConfigStyle.RegistersNothing => "registers nothing",
        ConfigStyle.Refused => "refused",
        ConfigStyle.StopsConfigure => "stops configure",
        _ => "unknown",
    };

    public static string AspectName(StaticAspect aspect) => aspect switch
    {
        StaticAspect.Modules => "modules",
        StaticAspect.Sources => "sources",
        StaticAspect.IncludeDirs => "include dirs",
        StaticAspect.Libs => "libs",
        _ => "defines",
    };

    public static string PlacementName(PlacementProblem problem) => problem switch
    {
        PlacementProblem.NotBuilt => "not built",
        PlacementProblem.LeftInNginx => "left in nginx",
        PlacementProblem.NotInOriginal => "not in original",
        _ => "removed from nginx",
    };

    /// <summary>What a placement difference means, in a sentence's words.</summary>
    public static string PlacementMeaning(PlacementProblem problem) => problem switch
    {
        PlacementProblem.NotBuilt => "in the original static build, and in no shared object nor in nginx",
        PlacementProblem.LeftInNginx => "linked into nginx itself by the dynamic build (nginx alone has no such module)",
        PlacementProblem.NotInOriginal => "in a shared object, and not added by the original static build",
        _ => "in nginx alone, and taken out of the dynamic build's nginx",
    };

    public static string ProblemName(SetupProblemKind kind) => kind switch
    {
        SetupProblemKind.Module => "module",
        SetupProblemKind.NginxSource => "nginx source",
        SetupProblemKind.NginxBinary => "nginx binary",
        SetupProblemKind.Tool => "tool",
        _ => "input",
    };

    /// <summary>A name as JSON writes it: <c>static configure</c> becomes <c>static-configure</c>.</summary>
    public static string Json(string name) => name.Replace(' ', '-');

    /// <summary>What the versions say when they differ: a module built from one nginx does not load into another.</summary>
    public static string? VersionMismatch(VerificationReport report)
        => report.SourceVersion is { } source && report.BinaryVersion is { } binary && source != binary
            ? $"the nginx sources are {source} and the binary is {binary}: nginx loads only modules built from its own version"
            : null;
}
