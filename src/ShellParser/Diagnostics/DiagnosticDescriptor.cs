using System.Globalization;

namespace ConfigConvert.Diagnostics;

/// <summary>
/// What a kind of diagnostic is: a stable id that tools and suppressions refer to, a title, a message
/// format, a category and a default severity.
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Creates a descriptor.</summary>
    public DiagnosticDescriptor(string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity, string? description = null, string? helpLink = null)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description ?? title;
        HelpLink = helpLink;
    }

    /// <summary>The stable id, such as <c>CC1001</c>.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>A composite format string (<c>{0}</c>, <c>{1}</c>...) for the message.</summary>
    public string MessageFormat { get; }

    /// <summary>The area: Syntax, Model, Conversion, Source...</summary>
    public string Category { get; }

    /// <summary>The severity a diagnostic gets unless configured otherwise.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>A longer explanation of why this matters.</summary>
    public string Description { get; }

    /// <summary>Where to read more, if anywhere.</summary>
    public string? HelpLink { get; }

    internal string Format(object?[] args) => args.Length == 0
        ? MessageFormat
        : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    /// <inheritdoc />
    public override string ToString() => Id;
}
