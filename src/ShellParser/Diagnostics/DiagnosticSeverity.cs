namespace ConfigConvert.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing; nothing is wrong.</summary>
    Info,

    /// <summary>Works, but is likely to break somewhere (for example a bash-ism that dash rejects).</summary>
    Warning,

    /// <summary>The input is wrong, or the tool cannot do what was asked.</summary>
    Error,
}
