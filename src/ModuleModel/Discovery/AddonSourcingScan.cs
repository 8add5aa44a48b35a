namespace ConfigConvert.ModuleModel.Discovery;

/// <summary>
/// Whether a config's bytes may hold a command <see cref="SourcedConfigs"/> follows (<c>. $ngx_addon_dir/PATH</c>,
/// <c>source "${ngx_addon_dir}"/PATH</c>), read without parsing: a search reads the config of every module it
/// finds, and most source nothing from their own directory, yet parsing them to learn so was most of a search.
/// </summary>
/// <remarks>
/// The scan is looser than the parse, never stricter: what it rules out, the parse finds nothing in. Such a command's
/// second word, its double quotes removed, starts <c>$ngx_addon_dir</c> or <c>${ngx_addon_dir}</c>, so the text holds
/// <c>ngx_addon_dir</c> after nothing but <c>$</c>, <c>{</c> and <c>"</c> back to the start of that word. Words are
/// parted by blanks and line continuations (taken as parting words even alone, where dash joins what one parts). The first
/// word's value is <c>.</c> or <c>source</c>, so its last character is <c>.</c> or <c>e</c>, with at most quotes
/// (<c>'.'</c>, <c>""source</c>) after it. The bytes are read as ASCII: a config is decoded as UTF-8 or Latin-1, in
/// both of which these characters are the same single bytes, and no byte of a longer UTF-8 character is one of them.
/// </remarks>
internal static class AddonSourcingScan
{
    private static ReadOnlySpan<byte> AddonDirectory => "ngx_addon_dir"u8;

    /// <summary>False when no command in <paramref name="config"/> can source a file of the module's own directory.</summary>
    public static bool MaySource(ReadOnlySpan<byte> config)
    {
        for (var from = 0; config[from..].IndexOf(AddonDirectory) is var found and >= 0; from += found + AddonDirectory.Length)
        {
            if (EndsSourceCommandWord(config[..(from + found)]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="before"/>, the text before an <c>ngx_addon_dir</c>, may end with <c>. $</c>, <c>source "${</c> and the like.</summary>
    private static bool EndsSourceCommandWord(ReadOnlySpan<byte> before)
    {
        var wordStart = before.TrimEnd("${\""u8).Length;
        var previousWordEnd = WithoutSeparators(before[..wordStart]).Length;
        if (previousWordEnd == wordStart)
        {
            return false;
        }

        var previousWord = before[..previousWordEnd].TrimEnd("'\""u8);
        return previousWord.Length > 0 && previousWord[^1] is (byte)'.' or (byte)'e';
    }

    /// <summary><paramref name="text"/> without the blanks and line continuations it ends with.</summary>
    private static ReadOnlySpan<byte> WithoutSeparators(ReadOnlySpan<byte> text)
    {
        while (true)
        {
            var trimmed = text.TrimEnd(" \t"u8);
            if (trimmed.EndsWith("\\\n"u8))
            {
                trimmed = trimmed[..^2];
            }

            if (trimmed.Length == text.Length)
            {
                return text;
            }

            text = trimmed;
        }
    }
}
