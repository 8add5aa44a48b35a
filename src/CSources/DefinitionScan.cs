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
/// <remarks>
/// It reads the file's bytes, before they are decoded (UTF-8 or Latin-1): what it looks for is ASCII, held as it is
/// in either. A byte past ASCII is a character the scan does not read, so it leaves the file to the tokenizer
/// wherever one matters (beside the type, as a name, at the start of a line).
/// </remarks>
internal static class DefinitionScan
{
    private static readonly byte[] ModuleType = System.Text.Encoding.ASCII.GetBytes(CModuleDefinitionFinder.ModuleType);
    private static readonly byte[] TypeSuffix = System.Text.Encoding.ASCII.GetBytes(CModuleDefinitionFinder.TypeSuffix);

    /// <summary>True when the text holds no module definition and no module type constant.</summary>
    /// <param name="text">The file's bytes.</param>
    /// <param name="maySplitIdentifier">Whether a backslash-newline may lie inside an identifier, which the text search cannot follow.</param>
    public static bool ProvesNone(ReadOnlySpan<byte> text, bool maySplitIdentifier)
        => !maySplitIdentifier && !MayHoldDefinition(text) && !MayHoldTypeConstant(text);

    /// <summary>
    /// Where a prefix of the text ends that holds every place a definition or a type constant may be, each with what
    /// the finder reads of it: a definition's initializer up to the first <c>;</c> after the type (the end of its
    /// line), a directive line whole (its continuation lines too). The finder reads the same tokens in the prefix as
    /// in the whole text up to there, so it finds the same there, unless it reads on to the end of the prefix (a
    /// <c>;</c> in a comment or a string of the initializer), which the finder tells. Most of a module's main file
    /// comes after its definition: its functions.
    /// </summary>
    /// <param name="text">The file's bytes.</param>
    /// <param name="maySplitIdentifier">Whether a backslash-newline may lie inside an identifier, which the text search cannot follow.</param>
    /// <returns>The prefix's length; null when no prefix may be read instead of the whole (a backslash-newline inside an identifier, a definition with no <c>;</c> after it).</returns>
    public static int? ReadingEnd(ReadOnlySpan<byte> text, bool maySplitIdentifier)
    {
        if (maySplitIdentifier)
        {
            return null;
        }

        var end = 0;
        for (var at = NextDefinition(text, 0); at >= 0; at = NextDefinition(text, at + 1))
        {
            var semicolon = AsciiScan.IndexOf(text, ";"u8, at + ModuleType.Length);
            if (semicolon < 0)
            {
                return null;
            }

            end = Math.Max(end, LineEnd(text, semicolon));
        }

        for (var at = NextTypeConstant(text, 0); at >= 0; at = NextTypeConstant(text, at + 1))
        {
            var lineEnd = LineEnd(text, at);
            var line = text[(text[..at].LastIndexOf((byte)'\n') + 1)..lineEnd];

            // A comment left open on the line goes on over the next: the directive with it.
            if (line.LastIndexOf("/*"u8) > line.LastIndexOf("*/"u8))
            {
                return null;
            }

            end = Math.Max(end, lineEnd);
        }

        return end;
    }

    /// <summary>Just past the line break that ends the line of <paramref name="position"/>, following backslash-newlines; the text's end when none.</summary>
    private static int LineEnd(ReadOnlySpan<byte> text, int position)
    {
        while (true)
        {
            var newline = text[position..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return text.Length;
            }

            var at = position + newline;
            var last = at > 0 && text[at - 1] == '\r' ? at - 2 : at - 1;
            if (last < 0 || text[last] != '\\')
            {
                return at + 1;
            }

            position = at + 1;
        }
    }

    private static bool MayHoldDefinition(ReadOnlySpan<byte> text) => NextDefinition(text, 0) >= 0;

    /// <summary>Where, at or after <paramref name="from"/>, the next <c>ngx_module_t</c> that may begin a definition is; -1 when none does.</summary>
    private static int NextDefinition(ReadOnlySpan<byte> text, int from)
    {
        var type = ModuleType.AsSpan();
        for (var at = AsciiScan.IndexOf(text, type, from); at >= 0; at = AsciiScan.NextIndexOf(text, type, at))
        {
            var after = at + type.Length;
            if (AsciiScan.IsWholeIdentifier(text, at, after) && MayDeclareWithInitializer(text, after))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>After the type: a name, then <c>=</c>; or something the scan does not read (then it may be).</summary>
    private static bool MayDeclareWithInitializer(ReadOnlySpan<byte> text, int position)
    {
        position = AsciiScan.SkipBlanks(text, position);
        if (position == text.Length || !AsciiScan.IsIdentifierPart(text[position]))
        {
            // `*m`, `)`, `;`, `,`: no name follows, so no definition. A comment, a continuation or a directive: unread.
            return position < text.Length && IsUnread(text[position]);
        }

        while (position < text.Length && AsciiScan.IsIdentifierPart(text[position]))
        {
            position++;
        }

        position = AsciiScan.SkipBlanks(text, position);
        return position < text.Length && (text[position] == '=' || IsUnread(text[position]));
    }

    private static bool MayHoldTypeConstant(ReadOnlySpan<byte> text) => NextTypeConstant(text, 0) >= 0;

    /// <summary>Where, at or after <paramref name="from"/>, the next <c>_MODULE</c> that may end a type constant's name in a directive is; -1 when none does.</summary>
    private static int NextTypeConstant(ReadOnlySpan<byte> text, int from)
    {
        var suffix = TypeSuffix.AsSpan();
        for (var at = AsciiScan.IndexOf(text, suffix, from); at >= 0; at = AsciiScan.NextIndexOf(text, suffix, at))
        {
            var after = at + suffix.Length;
            if ((after == text.Length || !AsciiScan.IsIdentifierPart(text[after])) && MayBeDirectiveLine(text, at))
            {
                return at;
            }
        }

        return -1;
    }

    /// <summary>
    /// The line holding <paramref name="position"/> starts with <c>#</c> or with what the scan does not read, continues
    /// the line before, or ends a comment begun before it.
    /// </summary>
    private static bool MayBeDirectiveLine(ReadOnlySpan<byte> text, int position)
    {
        var start = text[..position].LastIndexOf((byte)'\n') + 1;
        if (start > 1 && (text[start - 2] == '\\' || (text[start - 2] == '\r' && start > 2 && text[start - 3] == '\\')))
        {
            return true;
        }

        // A block comment that ends on this line began on an earlier one: the line then starts where the comment did.
        if (text[start..position].IndexOf("*/"u8) >= 0)
        {
            return true;
        }

        start = AsciiScan.SkipBlanks(text, start);
        return start < text.Length && IsUnread(text[start]);
    }

    // A comment, a backslash-newline, a directive; or a byte past ASCII: a character the scan does not read (a letter
    // of a name, a byte order mark that the tokenizer skips as blank).
    private static bool IsUnread(byte b) => b is (byte)'/' or (byte)'\\' or (byte)'#' or (byte)'%' or (byte)'?' or >= 0x80;
}
