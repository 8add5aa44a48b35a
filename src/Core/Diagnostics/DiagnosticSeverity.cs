namespace ConfigConvert.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>Works, but is likely to break somewhere (for example a bash-ism that dash misreads).</summary>
    Warning,

    /// <summary>The input is wrong, or the tool cannot do what was asked.</summary>
    Error,
}

/// <summary>The one table of severity names, as diagnostics print them and configurations spell them.</summary>
public static class SeverityNames
{
    /// <summary>The name a configuration uses to switch a rule off.</summary>
    public const string None = "none";

    /// <summary><c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public static string Name(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Reads a severity name; <c>none</c> gives a null severity (the rule is off).</summary>
    /// <returns>False when <paramref name="name"/> is not one of <c>error</c>, <c>warning</c>, <c>info</c>, <c>none</c>.</returns>
    public static bool TryParse(string name, out DiagnosticSeverity? severity)
    {
        severity = name.ToLowerInvariant() switch
        {
            "error" => DiagnosticSeverity.Error,
            "warning" => DiagnosticSeverity.Warning,
            "info" => DiagnosticSeverity.Info,
            _ => null,
        };
        return severity is not null || string.Equals(name, None, StringComparison.OrdinalIgnoreCase);
    }
}
