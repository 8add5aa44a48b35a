namespace ConfigConvert.BuiltModules.Configuration;

/// <summary>
/// <c>glob(3)</c> as nginx's <c>include</c> and glibc's <c>ld.so.conf</c> use it: <c>*</c>, <c>?</c> and
/// <c>[...]</c> within one path component, no match for a leading dot unless the pattern has one,
/// matches sorted by byte value (nginx runs in the C locale). Written here because the .NET globbing
/// libraries implement another dialect (<c>**</c>, no character classes).
/// </summary>
internal static class PosixGlob
{
    /// <summary>True when <paramref name="path"/> has a character that <c>glob()</c> expands.</summary>
    public static bool HasWildcards(string path) => path.AsSpan().IndexOfAny("*?[") >= 0;

    /// <summary>The existing paths that match <paramref name="pattern"/>, an absolute path, sorted.</summary>
    public static List<string> Expand(string pattern)
    {
        var components = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { "/" };
        foreach (var component in components)
        {
            var next = new List<string>();
            foreach (var directory in current)
            {
                next.AddRange(Match(directory, component));
            }

            current = next;
        }

        current.Sort(StringComparer.Ordinal);
        return current;
    }

    private static IEnumerable<string> Match(string directory, string component)
    {
        if (!HasWildcards(component))
        {
            var path = Path.Combine(directory, component);
            return File.Exists(path) || Directory.Exists(path) ? [path] : [];
        }

        try
        {
            return Directory.EnumerateFileSystemEntries(directory)
                .Where(entry => Matches(component, Path.GetFileName(entry)))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary><c>fnmatch(3)</c> with <c>FNM_PERIOD</c> for one component.</summary>
    public static bool Matches(string pattern, string name)
    {
        if (name.StartsWith('.') && !pattern.StartsWith('.'))
        {
            return false;
        }

        return MatchFrom(pattern, name);
    }

    // Every element but a star matches one character, so at a mismatch only the last star passed needs to take one
    // more character: an earlier star's other choices lead to no match the last one's cannot reach. The time is at
    // most the name's length times the pattern's, where trying each star's choices in turn was exponential in the
    // stars (12 s for `include` of a component with 34).
    private static bool MatchFrom(string pattern, string name)
    {
        var (p, n) = (0, 0);
        var (starP, starN) = (-1, 0);
        while (n < name.Length || p < pattern.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                (starP, starN) = (p, n);
                p++;
            }
            else if (p < pattern.Length && n < name.Length && MatchesOne(pattern, p, name[n]) is var next and > 0)
            {
                (p, n) = (next, n + 1);
            }
            else if (starP >= 0 && starN < name.Length)
            {
                (p, n) = (starP + 1, ++starN);
            }
            else
            {
                return false;
            }
        }

        return true;
    }

    // Where the pattern goes on when its element at p, not a star, matches c; 0 when it does not. A backslash at the end
    // matches nothing, as in the C library's fnmatch.
    private static int MatchesOne(string pattern, int p, char c) => pattern[p] switch
    {
        '?' => p + 1,
        '[' when ClassEnd(pattern, p) is var end and > 0 => InClass(pattern.AsSpan(p + 1, end - p - 1), c) ? end + 1 : 0,
        '\\' => p + 1 < pattern.Length && c == pattern[p + 1] ? p + 2 : 0,
        var literal => c == literal ? p + 1 : 0,
    };

    private static int ClassEnd(string pattern, int open)
    {
        var i = open + 1;
        if (i < pattern.Length && pattern[i] is '!' or '^')
        {
            i++;
        }

        if (i < pattern.Length && pattern[i] == ']')
        {
            i++;
        }

        var close = pattern.IndexOf(']', i);
        return close;
    }

    private static bool InClass(ReadOnlySpan<char> set, char c)
    {
        var negate = set.Length > 0 && set[0] is '!' or '^';
        if (negate)
        {
            set = set[1..];
        }

        var found = false;
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                found |= c >= set[i] && c <= set[i + 2];
                i += 2;
            }
            else
            {
                found |= c == set[i];
            }
        }

        return found != negate;
    }
}
