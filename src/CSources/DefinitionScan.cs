namespace ConfigConvert.CSources;

/// <summary>
/// A search of a file's text that proves, where it can, that <see cref="CModuleDefinitionFinder"/> would find
/// nothing in it, so that the file need not be tokenized for it. A definition is the identifier
/// <c>ngx_module_t</c>, a name and <c>=</c> (directives may come between them); a type constant is a
/// <c>#define</c> of a name ending in <c>_MODULE</c>. Most files that hold these texts hold them otherwise:
/// <c>extern ngx_module_t ngx_http_foo_module;</c>, <c>ngx_module_t *m</c>, <c>(ngx_module_t)</c>, and
/// <c>NGX_HTTP_MODULE</c> in code. Whatever the scan cannot read at a glance (a comment, a backslash-newline, a
/// directive line between the type and its name) leaves the file to the tokenizer: the scan may only ever
/// say "none" where there is none.
/// </summary>
internal static class DefinitionScan
{
    /// <summary>True when the text holds no module definition and no module type constant.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="maySplitIdentifier">Whether a backslash-newline may lie inside an identifier, which the text search cannot follow.</param>
    public static bool ProvesNone(string text, bool maySplitIdentifier)
        => !maySplitIdentifier && !MayHoldDefinition(text) && !MayHoldTypeConstant(text);

    private static bool MayHoldDefinition(string text)
    {
        var type = CModuleDefinitionFinder.ModuleType;
        for (var at = text.IndexOf(type, StringComparison.Ordinal); at >= 0; at = text.IndexOf(type, at + 1, StringComparison.Ordinal))
        {
            var after = at + type.Length;
            if (IsWholeIdentifier(text, at, after) && MayDeclareWithInitializer(text, after))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>After the type: a name, then <c>=</c>; or something the scan does not read (then it may be).</summary>
    private static bool MayDeclareWithInitializer(string text, int position)
    {
        position = SkipBlanks(text, position);
        if (position == text.Length || !CTokenizer.IsIdentifierPart(text[position]))
        {
            // `*m`, `)`, `;`, `,`: no name follows, so no definition. A comment, a continuation or a directive: unread.
            return position < text.Length && IsUnread(text[position]);
        }

        while (position < text.Length && CTokenizer.IsIdentifierPart(text[position]))
        {
            position++;
        }

        position = SkipBlanks(text, position);
        return position < text.Length && (text[position] == '=' || IsUnread(text[position]));
    }

    private static bool MayHoldTypeConstant(string text)
    {
        var suffix = CModuleDefinitionFinder.TypeSuffix;
        for (var at = text.IndexOf(suffix, StringComparison.Ordinal); at >= 0; at = text.IndexOf(suffix, at + 1, StringComparison.Ordinal))
        {
            var after = at + suffix.Length;
            if ((after == text.Length || !CTokenizer.IsIdentifierPart(text[after])) && MayBeDirectiveLine(text, at))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The line holding <paramref name="position"/> starts with <c>#</c> or with what the scan does not read, continues
    /// the line before, or ends a comment begun before it.
    /// </summary>
    private static bool MayBeDirectiveLine(string text, int position)
    {
        var start = position == 0 ? 0 : text.LastIndexOf('\n', position - 1) + 1;
        if (start > 1 && (text[start - 2] == '\\' || (text[start - 2] == '\r' && start > 2 && text[start - 3] == '\\')))
        {
            return true;
        }

        // A block comment that ends on this line began on an earlier one: the line then starts where the comment did.
        if (text.AsSpan(start, position - start).Contains("*/", StringComparison.Ordinal))
        {
            return true;
        }

        start = SkipBlanks(text, start);
        return start < text.Length && IsUnread(text[start]);
    }

    private static bool IsWholeIdentifier(string text, int start, int end)
        => (start == 0 || !CTokenizer.IsIdentifierPart(text[start - 1])) && (end == text.Length || !CTokenizer.IsIdentifierPart(text[end]));

    // A comment, a backslash-newline, or a directive.
    private static bool IsUnread(char c) => c is '/' or '\\' or '#' or '%' or '?';

    // What the tokenizer skips as blank, U+FEFF included (a byte order mark, or one left inside a file).
    private static int SkipBlanks(string text, int position)
    {
        while (position < text.Length && text[position] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v' or '\uFEFF')
        {
            position++;
        }

        return position;
    }
}
