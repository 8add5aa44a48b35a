namespace ConfigConvert.Diagnostics;

/// <summary>The one writer of <c>path(line,col): severity ID: message</c>, the form compilers print and CI systems and editors read.</summary>
public static class DiagnosticLine
{
    /// <summary>Formats <paramref name="diagnostic"/>; a diagnostic of no file shows <c>&lt;input&gt;</c> as its path.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var location = diagnostic.Location;
        var path = string.IsNullOrEmpty(location.Path) ? "<input>" : location.Path;
        return $"{path}({location.Start.Line},{location.Start.Column}): {SeverityNames.Name(diagnostic.Severity)} {diagnostic.Id}: {diagnostic.Message}";
    }
}
