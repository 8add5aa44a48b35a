using System.Text.RegularExpressions;

namespace ConfigConvert.Analyzers.Tests.Proofs;

/// <summary>
/// The code a C file gives to nginx 1.9.11 and later: the branches of conditions over
/// <c>nginx_version</c> alone (<c>#if (nginx_version &gt;= 1009011)</c>, <c>#if defined(nginx_version)
/// &amp;&amp; nginx_version &lt; 1009011</c>...) are decided for a given version and only the taken one
/// is kept, without its directives; every other line, other conditions included, stays. This is what
/// a fix guarded by <c>#if (nginx_version &gt;= 1009011)</c> must agree with Coccinelle on, since a
/// semantic patch writes the new code without the guard.
/// </summary>
internal static partial class NewNginxCode
{
    /// <summary>nginx 1.22.1, the version of the tests' nginx.</summary>
    public const int Version = 1022001;

    /// <summary>The lines of <paramref name="text"/> that nginx <see cref="Version"/> compiles, with the line number (1-based) each comes from.</summary>
    public static IReadOnlyList<(int Line, string Text)> Lines(string text)
    {
        var kept = new List<(int, string)>();

        // One frame per open conditional: decided (over nginx_version) or kept as it is; for a decided one,
        // whether a branch was taken already and whether the current branch is.
        var frames = new Stack<Frame>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var active = frames.All(f => f.Active);
            var directive = Directive().Match(lines[i]);
            var keyword = directive.Success ? directive.Groups[1].Value : string.Empty;
            var decidedFrame = frames.Count > 0 && frames.Peek().Decided && keyword is "elif" or "else" or "endif";
            if (decidedFrame || (keyword == "if" && Decide(directive.Groups[2].Value.Trim()) is not null))
            {
                Decided(frames, keyword, directive.Groups[2].Value.Trim());
                continue;
            }

            if (keyword is "if" or "ifdef" or "ifndef")
            {
                frames.Push(new Frame(Decided: false, Taken: true, Active: true));
            }
            else if (keyword == "endif")
            {
                frames.Pop();
            }

            if (active)
            {
                kept.Add((i + 1, lines[i]));
            }
        }

        return kept;
    }

    private static void Decided(Stack<Frame> frames, string keyword, string condition)
    {
        if (keyword == "if")
        {
            var value = Decide(condition)!.Value;
            frames.Push(new Frame(Decided: true, Taken: value, Active: value));
            return;
        }

        var top = frames.Pop();
        var now = keyword switch
        {
            "elif" => !top.Taken && Decide(condition) == true,
            "else" => !top.Taken,
            _ => (bool?)null,
        };
        if (now is { } taking)
        {
            frames.Push(new Frame(Decided: true, Taken: top.Taken || taking, Active: taking));
        }
    }

    /// <summary>The code for nginx <see cref="Version"/>, blanks and indentation aside: one space for every run of white space.</summary>
    public static string Normalized(string text)
        => Whitespace().Replace(string.Join("\n", Lines(text).Select(l => l.Text)), " ").Trim();

    /// <summary>The same, without any condition decided: for a file that has no nginx_version condition.</summary>
    public static string NormalizedAsIs(string text) => Whitespace().Replace(text, " ").Trim();

    // nginx_version compared with a number, alone, in parentheses, or after `defined(nginx_version) &&`.
    private static bool? Decide(string condition)
    {
        var match = VersionComparison().Match(condition);
        if (!match.Success)
        {
            return null;
        }

        var number = int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture);
        return match.Groups[1].Value switch
        {
            ">=" => Version >= number,
            ">" => Version > number,
            "<" => Version < number,
            "<=" => Version <= number,
            "==" => Version == number,
            _ => Version != number,
        };
    }

    private sealed record Frame(bool Decided, bool Taken, bool Active);

    [GeneratedRegex(@"^\s*#\s*(if|ifdef|ifndef|elif|else|endif)\b(.*)$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^\(?\s*(?:defined\s*\(?\s*nginx_version\s*\)?\s*&&\s*)?\(?\s*nginx_version\s*(>=|<=|==|!=|>|<)\s*(\d+)\s*\)?\s*\)?$")]
    private static partial Regex VersionComparison();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
