using ConfigConvert.Text;

namespace ConfigConvert.Fixes;

/// <summary>Replace the characters of <paramref name="Span"/> in the file at <paramref name="Path"/> with <paramref name="NewText"/>.</summary>
/// <param name="Path">The file to change.</param>
/// <param name="Span">The characters replaced; an empty span inserts.</param>
/// <param name="NewText">What stands there afterwards; empty to delete.</param>
public sealed record TextChange(string Path, TextSpan Span, string NewText);
