using System.Collections.Immutable;
using ConfigConvert.Fixes;
using ConfigConvert.Text;

namespace ConfigConvert.Diagnostics;

/// <summary>A problem found in a file: a descriptor, a message and where.</summary>
public sealed class Diagnostic
{
    private Diagnostic(DiagnosticDescriptor descriptor, DiagnosticSeverity severity, string message, Location location, ImmutableArray<Fix> fixes)
    {
        Descriptor = descriptor;
        Severity = severity;
        Message = message;
        Location = location;
        Fixes = fixes.IsDefault ? [] : fixes;
    }

    /// <summary>What kind of diagnostic this is.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The descriptor's stable id.</summary>
    public string Id => Descriptor.Id;

    /// <summary>The severity of this instance.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The formatted message.</summary>
    public string Message { get; }

    /// <summary>Where the problem is.</summary>
    public Location Location { get; }

    /// <summary>Ways to mend the problem, each a titled set of text changes; often none.</summary>
    public ImmutableArray<Fix> Fixes { get; }

    /// <summary>Creates a diagnostic at <paramref name="location"/> with the descriptor's default severity.</summary>
    public static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, params object?[] args)
        => new(descriptor, descriptor.DefaultSeverity, descriptor.Format(args), location, []);

    /// <summary>Returns the same diagnostic with another severity.</summary>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) => severity == Severity ? this : new(Descriptor, severity, Message, Location, Fixes);

    /// <summary>Returns the same diagnostic at another location (for example a relative path made absolute).</summary>
    public Diagnostic WithLocation(Location location) => location == Location ? this : new(Descriptor, Severity, Message, location, Fixes);

    /// <summary>Returns the same diagnostic with <paramref name="fix"/> added to its fixes.</summary>
    public Diagnostic WithFix(Fix fix) => new(Descriptor, Severity, Message, Location, Fixes.Add(fix));

    /// <summary>Formats as <c>path(line,col): severity ID: message</c>, the form CI systems and editors read.</summary>
    public override string ToString() => DiagnosticLine.Format(this);
}

/// <summary>A span in a file, with its 1-based start and end lines and columns.</summary>
public sealed record Location(string? Path, TextSpan Span, LinePosition Start, LinePosition End)
{
    /// <summary>A location for a problem that belongs to a whole file (or to no file).</summary>
    public static Location None(string? path = null) => new(path, default, new LinePosition(1, 1), new LinePosition(1, 1));

    /// <summary>True when <paramref name="location"/> lies wholly inside this one, in the same file.</summary>
    public bool Contains(Location? location) => location is not null && location.Path == Path && Span.Contains(location.Span);

    /// <summary>A location in <paramref name="text"/>.</summary>
    public static Location Create(string? path, SourceText text, TextSpan span)
        => new(path, span, text.GetLinePosition(span.Start), text.GetLinePosition(span.End));
}
