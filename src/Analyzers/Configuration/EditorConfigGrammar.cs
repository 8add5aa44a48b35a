using Superpower;
using Superpower.Model;
using Superpower.Parsers;

namespace ConfigConvert.Analyzers.Configuration;

/// <summary>One line of an <c>.editorconfig</c> file.</summary>
internal abstract record EditorConfigLine;

/// <summary>A blank line or a comment (<c>#</c> or <c>;</c>).</summary>
internal sealed record EditorConfigBlank : EditorConfigLine;

/// <summary>A section header, <c>[glob]</c>.</summary>
internal sealed record EditorConfigSection(string Glob) : EditorConfigLine;

/// <summary>A property, <c>key = value</c> (keys are case-insensitive, so lowered here).</summary>
internal sealed record EditorConfigProperty(string Key, string Value) : EditorConfigLine;

/// <summary>
/// The grammar of one <c>.editorconfig</c> line, as the EditorConfig specification gives it: surrounding
/// white space is ignored; a line is blank, a comment starting with <c>#</c> or <c>;</c>, a section
/// <c>[glob]</c> (the glob may itself hold brackets, so the last <c>]</c> of the line closes it), or a
/// <c>key = value</c> pair whose key has no <c>=</c> and whose value is the rest of the line.
/// </summary>
internal static class EditorConfigGrammar
{
    private static readonly TextParser<TextSpan> Blanks = Span.WhiteSpace.Optional().Select(s => s ?? TextSpan.None);

    private static readonly TextParser<EditorConfigLine> Comment =
        from marker in Character.In('#', ';')
        from rest in Span.WithAll(_ => true).Optional()
        select (EditorConfigLine)new EditorConfigBlank();

    private static readonly TextParser<EditorConfigLine> Section =
        from open in Character.EqualTo('[')
        from body in Span.WithAll(_ => true)
        where body.ToStringValue().TrimEnd().EndsWith(']') && body.ToStringValue().TrimEnd().Length > 1
        select (EditorConfigLine)new EditorConfigSection(body.ToStringValue().TrimEnd()[..^1]);

    private static readonly TextParser<EditorConfigLine> Property =
        from key in Span.WithAll(c => c != '=' && c != '[' && c != '#' && c != ';')
        from assign in Character.EqualTo('=')
        from value in Span.WithAll(_ => true).Optional()
        where key.ToStringValue().Trim().Length > 0
        select (EditorConfigLine)new EditorConfigProperty(key.ToStringValue().Trim().ToLowerInvariant(), value?.ToStringValue().Trim() ?? string.Empty);

    private static readonly TextParser<EditorConfigLine> Line =
        from leading in Blanks
        from line in Comment.Try().Or(Section.Try()).Or(Property.Try()).OptionalOrDefault(new EditorConfigBlank())
        from end in Span.WhiteSpace.Optional().AtEnd()
        select line;

    /// <summary>Reads one line (without its line break); false, and where Superpower stopped, when it is malformed.</summary>
    public static bool TryParse(string line, out EditorConfigLine parsed, out string? error)
    {
        var result = Line.TryParse(line);
        parsed = result.HasValue ? result.Value : new EditorConfigBlank();
        error = result.HasValue ? null : $"not a section, a property or a comment (column {result.ErrorPosition.Column}: {result.FormatErrorMessageFragment().TrimEnd('.')})";
        return result.HasValue;
    }
}
