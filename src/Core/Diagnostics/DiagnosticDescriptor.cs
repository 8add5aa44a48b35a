using System.Globalization;

namespace ConfigConvert.Diagnostics;

/// <summary>
/// What a kind of diagnostic is: a stable id that tools and suppressions refer to, a title, a message
/// format, a category, a default severity and a page that explains it.
/// </summary>
public sealed class DiagnosticDescriptor
{
    /// <summary>Where every diagnostic is explained, one section per id (<c>docs/diagnostics.md</c> of the repository).</summary>
    public const string HelpBase = "https://example.invalid/configconvert/blob/main/docs/diagnostics.md";

    /// <summary>Creates a descriptor; its help link is the section of <see cref="HelpBase"/> named after the id unless one is given.</summary>
    public DiagnosticDescriptor(string id, string title, string messageFormat, string category, DiagnosticSeverity defaultSeverity, string? description = null, string? helpLink = null, bool enabledByDefault = true)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Description = description ?? title;
        HelpLink = helpLink ?? HelpBase + "#" + id.ToLowerInvariant();
        IsEnabledByDefault = enabledByDefault;
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

    /// <summary>Where to read more.</summary>
    public string HelpLink { get; }

    /// <summary>False for a rule that reports only when a configuration switches it on.</summary>
    public bool IsEnabledByDefault { get; }

    internal string Format(object?[] args) => args.Length == 0
        ? MessageFormat
        : string.Format(CultureInfo.InvariantCulture, MessageFormat, args);

    /// <inheritdoc />
    public override string ToString() => Id;
}
