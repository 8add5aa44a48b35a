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

        return MatchFrom(pattern, 0, name, 0);
    }

    private static bool MatchFrom(string pattern, int p, string name, int n)
    {
        while (p < pattern.Length)
        {
            switch (pattern[p])
            {
                case '*':
                    for (var rest = n; rest <= name.Length; rest++)
                    {
                        if (MatchFrom(pattern, p + 1, name, rest))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (n >= name.Length)
                    {
                        return false;
                    }

                    break;
                case '[' when ClassEnd(pattern, p) is var end and > 0:
                    if (n >= name.Length || !InClass(pattern.AsSpan(p + 1, end - p - 1), name[n]))
                    {
                        return false;
                    }

                    p = end;
                    break;
                case '\\' when p + 1 < pattern.Length:
                    p++;
                    if (n >= name.Length || name[n] != pattern[p])
                    {
                        return false;
                    }

                    break;
                default:
                    if (n >= name.Length || name[n] != pattern[p])
                    {
                        return false;
                    }

                    break;
            }

            p++;
            n++;
        }

        return n == name.Length;
    }

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
